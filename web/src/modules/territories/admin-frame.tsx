import type { ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Link, Loading } from '../../ui/index.ts';
import { isTerritoryAdmin, useSession } from '../identity/index.ts';
import { territoryPaths } from './territories.api.ts';

export type AdminFrameProps = {
  title: (territoryName: string) => string;
  heading: string;
  intro?: string;
  children: (territory: TerritoryDetail) => ReactNode;
};

/**
 * The frame of a territory's admin page: a way back to the territory, the heading, and the
 * guards (signed in, admin of the territory) before the content is asked for.
 */
export function AdminFrame({ title, heading, intro, children }: AdminFrameProps) {
  const { t } = useI18n();
  const { session } = useSession();
  const location = useLocation();
  const slug = useParams().slug ?? '';
  const detail = useApi<TerritoryDetail>(territoryPaths.detail(slug));
  const name = detail.status === 'ok' ? detail.data.name : null;
  usePageTitle(name ? title(name) : heading);

  let body: ReactNode;
  if (!session || detail.status === 'loading') body = <Loading label={t.common.loading} />;
  else if (detail.status === 'error') body = <ProblemAlert error={detail.error} onRetry={detail.reload} />;
  else if (!session.user) {
    const next = encodeURIComponent(location.pathname + location.search);
    body = (
      <Alert tone="info" title={t.guard.signInRequired}>
        <Link href={`/sign-in?next=${next}`}>{t.account.signIn}</Link>
      </Alert>
    );
  } else if (!isTerritoryAdmin(session, slug)) body = <Alert tone="error" title={t.guard.forbidden} />;
  else body = children(detail.data);

  return (
    <div>
      <p className="back-link">
        <Link href={`/t/${slug}`}>
          <span aria-hidden="true">← </span>
          {t.back.toTerritory(name ?? slug)}
        </Link>
      </p>
      <h1>{heading}</h1>
      {intro && <p className="lead">{intro}</p>}
      {body}
    </div>
  );
}
