import { useSearchParams } from 'react-router';
import type { Member, Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { pageLabels, pageParam } from '../../shared/pagination.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { type Column, DataTable, Loading, Pagination } from '../../ui/index.ts';
import { AdminFrame } from './admin-frame.tsx';
import { territoryPaths } from './territories.api.ts';

const pageSize = 20;

function MembersTable({ territory }: { territory: TerritoryDetail }) {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const page = pageParam(params.get('page'));
  const members = useApi<Page<Member>>(territoryPaths.members(territory.slug, page, pageSize));
  if (members.status === 'loading') return <Loading label={t.common.loading} />;
  if (members.status === 'error') return <ProblemAlert error={members.error} onRetry={members.reload} />;
  const { items, total } = members.data;
  const columns: Column<Member>[] = [
    { id: 'name', header: t.members.name, cell: (m) => m.displayName, isRowHeader: true },
    { id: 'email', header: t.members.email, cell: (m) => <span className="break-word">{m.email}</span> },
    { id: 'role', header: t.members.role, cell: (m) => t.roles[m.role] ?? m.role },
    {
      id: 'since',
      header: t.members.since,
      cell: (m) => <span className="nowrap">{formatDate(m.createdAt, locale, territory.timeZone)}</span>,
    },
  ];
  return (
    <>
      <p className="muted">{t.pagination.count(total)}</p>
      {items.length === 0 ? (
        <p className="empty">{t.members.empty}</p>
      ) : (
        <DataTable caption={t.members.caption} columns={columns} rows={items} rowKey={(m) => m.id} />
      )}
      <Pagination
        page={page}
        pageCount={Math.ceil(total / pageSize)}
        hrefFor={(p) => `/t/${territory.slug}/members?page=${p}`}
        labels={pageLabels(t)}
      />
    </>
  );
}

/** The people holding a role in a territory (its admins only). */
export function MembersPage() {
  const { t } = useI18n();
  return (
    <AdminFrame title={t.members.title} heading={t.members.heading}>
      {(territory) => <MembersTable territory={territory} />}
    </AdminFrame>
  );
}
