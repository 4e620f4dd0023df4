import type { Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { pageLabels, usePageParam } from '../../shared/pagination.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { DataTable, Link, Loading, Pagination } from '../../ui/index.ts';
import { StatusBadge } from './application-status.tsx';
import { formatWhen } from './call-summary.tsx';
import { type Application, callsHref, callsPaths, pick } from './calls.api.ts';
import { CallsFrame } from './calls-frame.tsx';

function Applications({ territory }: { territory: TerritoryDetail }) {
  const { t, locale } = useI18n();
  const m = t.calls.mine;
  const page = usePageParam();
  const slug = territory.slug;
  const list = useApi<Page<Application>>(callsPaths.mine(slug, page));
  if (list.status === 'loading') return <Loading label={t.common.loading} />;
  if (list.status === 'error') return <ProblemAlert error={list.error} onRetry={list.reload} />;
  if (list.data.items.length === 0)
    return (
      <>
        <p className="empty">{m.empty}</p>
        <Link href={callsHref.list(slug)}>{m.seeCalls}</Link>
      </>
    );
  return (
    <>
      <DataTable
        caption={m.caption}
        rowKey={(a) => a.id}
        rows={list.data.items}
        columns={[
          {
            id: 'call',
            header: m.call,
            isRowHeader: true,
            cell: (a) => <Link href={callsHref.application(slug, a.id)}>{pick(locale, a.callTitleFr, a.callTitleEn)}</Link>,
          },
          { id: 'organization', header: m.organization, cell: (a) => a.organization.name },
          { id: 'status', header: m.statusColumn, cell: (a) => <StatusBadge status={a.status} /> },
          { id: 'revision', header: m.revisionColumn, cell: (a) => (a.revision > 0 ? String(a.revision) : '—') },
          { id: 'updated', header: m.updated, cell: (a) => formatWhen(a.updatedAt, locale, territory.timeZone) },
        ]}
      />
      <Pagination
        page={page}
        pageCount={Math.ceil(list.data.total / list.data.pageSize)}
        hrefFor={(p) => `${callsHref.mine(slug)}${p > 1 ? `?page=${p}` : ''}`}
        labels={pageLabels(t)}
      />
    </>
  );
}

/** The signed-in person's applications in the territory, with their status and revision. */
export function MyApplicationsPage() {
  const { t } = useI18n();
  return (
    <CallsFrame heading={t.calls.mine.heading} access="signed_in">
      {(territory) => <Applications territory={territory} />}
    </CallsFrame>
  );
}
