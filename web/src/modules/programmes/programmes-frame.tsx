import type { ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Link, Loading } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { programmesPaths, runsProgrammes } from './programmes.api.ts';

export type ProgrammesFrameProps = {
  heading: string | null;
  /** `staff`: the territory's admins and staff only. */
  access?: 'public' | 'staff';
  back?: { href: string; label: string };
  children: (territory: TerritoryDetail) => ReactNode;
};

/** A page of the programmes module: the territory, the guard its access asks for, a way back, the heading, the content. */
export function ProgrammesFrame({ heading, access = 'public', back, children }: ProgrammesFrameProps) {
  const { t } = useI18n();
  const { session } = useSession();
  const location = useLocation();
  const slug = useParams().slug ?? '';
  const detail = useApi<TerritoryDetail>(programmesPaths.territory(slug));
  const name = detail.status === 'ok' ? detail.data.name : null;
  usePageTitle(detail.status === 'error' ? t.territory.notFound : heading && name ? `${heading} – ${name}` : null);

  let body: ReactNode;
  if (detail.status === 'loading' || (access === 'staff' && !session)) body = <Loading label={t.common.loading} />;
  else if (detail.status === 'error') {
    return (
      <div>
        <h1>{t.territory.notFound}</h1>
        <ProblemAlert error={detail.error} onRetry={detail.error.problem.status === 404 ? undefined : detail.reload} />
      </div>
    );
  } else if (access === 'staff' && !session?.user) {
    const next = encodeURIComponent(location.pathname + location.search);
    body = (
      <Alert tone="info" title={t.guard.signInRequired}>
        <Link href={`/sign-in?next=${next}`}>{t.account.signIn}</Link>
      </Alert>
    );
  } else if (access === 'staff' && !runsProgrammes(session, slug)) body = <Alert tone="error" title={t.programmes.board.forbidden} />;
  else body = children(detail.data);

  return (
    <div className="programmes">
      <p className="back-link">
        <Link href={back?.href ?? `/t/${slug}`}>
          <span aria-hidden="true">← </span>
          {back?.label ?? t.back.toTerritory(name ?? slug)}
        </Link>
      </p>
      {heading && <h1>{heading}</h1>}
      {body}
    </div>
  );
}
