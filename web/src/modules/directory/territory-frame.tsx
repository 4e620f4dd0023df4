import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../shared/page-title.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Link, Loading } from '../../ui/index.ts';

export type PublicFrameProps = {
  title: (territory: string) => string | null;
  children: (territory: TerritoryDetail) => ReactNode;
  back?: { href: string; label: string };
};

/** A public page of a territory's directory: a way back, the page title, then the content. */
export function PublicFrame({ title, children, back }: PublicFrameProps) {
  const { t } = useI18n();
  const slug = useParams().slug ?? '';
  const detail = useApi<TerritoryDetail>(`/api/v1/territories/${encodeURIComponent(slug)}`);
  const name = detail.status === 'ok' ? detail.data.name : null;
  usePageTitle(name ? title(name) : detail.status === 'error' ? t.territory.notFound : null);
  if (detail.status === 'loading') return <Loading label={t.common.loading} />;
  if (detail.status === 'error') {
    return (
      <div>
        <h1>{t.territory.notFound}</h1>
        <ProblemAlert error={detail.error} onRetry={detail.error.problem.status === 404 ? undefined : detail.reload} />
      </div>
    );
  }
  return (
    <div>
      <p className="back-link">
        <Link href={back?.href ?? `/t/${slug}`}>
          <span aria-hidden="true">← </span>
          {back?.label ?? t.back.toTerritory(detail.data.name)}
        </Link>
      </p>
      {children(detail.data)}
    </div>
  );
}
