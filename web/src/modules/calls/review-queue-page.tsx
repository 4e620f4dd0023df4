import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { DataTable, Link, Loading } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { callsHref, callsPaths, isReviewer, pick, type Review } from './calls.api.ts';
import { CallsFrame } from './calls-frame.tsx';
import { ExpertiseSection } from './expertise-section.tsx';

/** Reviews grouped by stage (and so by call), in the order the server gives them. */
function byStage(items: Review[]): Review[][] {
  const groups = new Map<string, Review[]>();
  for (const r of items) groups.set(r.stage.id, [...(groups.get(r.stage.id) ?? []), r]);
  return [...groups.values()];
}

function Queue({ territory }: { territory: TerritoryDetail }) {
  const { t, locale } = useI18n();
  const r = t.calls.reviews;
  const list = useApi<{ items: Review[] }>(callsPaths.myReviews(territory.slug));
  if (list.status === 'loading') return <Loading label={t.common.loading} />;
  if (list.status === 'error') return <ProblemAlert error={list.error} onRetry={list.reload} />;
  if (list.data.items.length === 0) return <p className="empty">{r.empty}</p>;
  return (
    <>
      <p className="lead">{r.intro}</p>
      {byStage(list.data.items).map((group) => {
        const first = group[0] as Review;
        const heading = `${pick(locale, first.application.callTitleFr, first.application.callTitleEn)} – ${pick(locale, first.stage.nameFr, first.stage.nameEn)}`;
        return (
          <DataTable
            key={first.stage.id}
            caption={heading}
            rowKey={(x) => x.id}
            rows={group}
            columns={[
              {
                id: 'org',
                header: r.organization,
                isRowHeader: true,
                cell: (x) => <Link href={callsHref.review(territory.slug, x.id)}>{x.application.organizationName}</Link>,
              },
              { id: 'status', header: r.status, cell: (x) => <span className="badge">{r.statuses[x.status]}</span> },
              { id: 'access', header: r.declaration, cell: (x) => (x.access === 'full' ? r.declared : r.toDeclare) },
              { id: 'revision', header: r.revision, cell: (x) => String(x.revision) },
            ]}
          />
        );
      })}
    </>
  );
}

/** The reviewer's queue: the applications assigned to them, per stage, and their expertise. */
export function ReviewQueuePage() {
  const { t } = useI18n();
  const { session } = useSession();
  return (
    <CallsFrame heading={t.calls.reviews.heading} access="signed_in">
      {(territory) => (
        <>
          <Queue territory={territory} />
          {isReviewer(session, territory.slug) && <ExpertiseSection territory={territory} />}
        </>
      )}
    </CallsFrame>
  );
}
