import { useSearchParams } from 'react-router';
import type { AuditEntry, Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { formatShortDate, formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { pageLabels, pageParam } from '../../shared/pagination.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { type Column, DataTable, Loading, Pagination } from '../../ui/index.ts';
import { AdminFrame } from './admin-frame.tsx';
import { territoryPaths } from './territories.api.ts';

const pageSize = 10;

function AuditTable({ territory }: { territory: TerritoryDetail }) {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const page = pageParam(params.get('page'));
  const audit = useApi<Page<AuditEntry>>(territoryPaths.audit(territory.slug, page, pageSize));
  if (audit.status === 'loading') return <Loading label={t.common.loading} />;
  if (audit.status === 'error') return <ProblemAlert error={audit.error} onRetry={audit.reload} />;
  const { items, total } = audit.data;
  const columns: Column<AuditEntry>[] = [
    {
      id: 'at',
      header: t.audit.at,
      cell: (e) => (
        <>
          <span className="block nowrap">{formatShortDate(e.at, locale, territory.timeZone)}</span>
          <span className="block nowrap muted">{formatTime(e.at, locale, territory.timeZone)}</span>
        </>
      ),
      isRowHeader: true,
    },
    { id: 'actor', header: t.audit.actor, cell: (e) => <span className="break-word">{e.actorLabel}</span> },
    { id: 'action', header: t.audit.action, cell: (e) => t.auditActions[e.action] ?? e.action },
    {
      id: 'entity',
      header: t.audit.entity,
      cell: (e) => (
        <>
          {t.auditEntities[e.entity] ?? e.entity}
          {e.entityId && <span className="mono block">{e.entityId.slice(0, 8)}</span>}
        </>
      ),
    },
  ];
  return (
    <>
      <p className="muted">{t.pagination.count(total)}</p>
      {items.length === 0 ? (
        <p className="empty">{t.audit.empty}</p>
      ) : (
        <DataTable caption={t.audit.caption} columns={columns} rows={items} rowKey={(e) => e.id} />
      )}
      <Pagination
        page={page}
        pageCount={Math.ceil(total / pageSize)}
        hrefFor={(p) => `/t/${territory.slug}/audit?page=${p}`}
        labels={pageLabels(t)}
      />
    </>
  );
}

/** A territory's audit log, newest first, page by page (its admins only). */
export function AuditPage() {
  const { t } = useI18n();
  return (
    <AdminFrame title={t.audit.title} heading={t.audit.heading} intro={t.audit.intro}>
      {(territory) => <AuditTable territory={territory} />}
    </AdminFrame>
  );
}
