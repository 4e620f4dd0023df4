import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { apiRequest } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { pageLabels } from '../../shared/pagination.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, Checkbox, type Column, DataTable, Link, Loading, Pagination, TextField } from '../../ui/index.ts';
import { directoryPaths, type Organization, type SearchPage, searchQuery } from './directory.api.ts';
import { StaffFrame } from './staff-frame.tsx';

const pageSize = 50;

function BulkTag({ slug, ids, onDone }: { slug: string; ids: string[]; onDone: () => void }) {
  const { t } = useI18n();
  const d = t.directory.staff;
  const [tag, setTag] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = async (mode: 'add' | 'remove') => {
    setError(null);
    setDone(null);
    try {
      const r = await apiRequest<{ updated: number }>(directoryPaths.bulkTags(slug), {
        method: 'POST',
        body: { organizationIds: ids, [mode]: [tag.trim()] },
      });
      setDone(d.bulkDone(r.updated));
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="bulk-tag" className="form-section">
      <h2 id="bulk-tag">{d.bulkTag}</h2>
      <p>{d.selected(ids.length)}</p>
      <div className="actions-row">
        <TextField label={d.tag} name="tag" value={tag} onChange={setTag} />
        <Button isDisabled={!ids.length || !tag.trim()} onPress={() => send('add')}>
          {d.bulkAdd}
        </Button>
        <Button variant="secondary" isDisabled={!ids.length || !tag.trim()} onPress={() => send('remove')}>
          {d.bulkRemove}
        </Button>
      </div>
      <div role="status">{done && <Alert tone="success" announce={false} title={done} />}</div>
      <ProblemAlert error={error} />
    </section>
  );
}

function OrganizationsList({ territory }: { territory: TerritoryDetail }) {
  const { t } = useI18n();
  const d = t.directory;
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [selected, setSelected] = useState<string[]>([]);
  const base = `/t/${territory.slug}/gestion/annuaire`;
  const list = useApi<SearchPage<Organization>>(directoryPaths.staffOrganizations(territory.slug, searchQuery(params, pageSize)));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(q.trim() ? { q: q.trim() } : {});
  };
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const columns: Column<Organization>[] = [
    {
      id: 'select',
      header: d.staff.select(''),
      cell: (o) => (
        <Checkbox isSelected={selected.includes(o.id)} onChange={(on) => toggle(o.id, on)}>
          <span className="sr-only">{d.staff.select(o.name)}</span>
        </Checkbox>
      ),
    },
    { id: 'name', header: d.staff.name, cell: (o) => <Link href={`${base}/${o.id}`}>{o.name}</Link>, isRowHeader: true },
    { id: 'kind', header: d.staff.kind, cell: (o) => d.kinds[o.kind] ?? o.kind },
    { id: 'commune', header: d.staff.commune, cell: (o) => o.commune?.name ?? o.commune?.inseeCode ?? '—' },
    { id: 'tags', header: d.form.tags, cell: (o) => (o.tags.length ? o.tags.join(', ') : '—') },
    { id: 'status', header: d.staff.status, cell: (o) => d.statuses[o.membershipStatus] ?? o.membershipStatus },
    { id: 'visibility', header: d.staff.visibility, cell: (o) => (o.isPublic ? d.staff.public : d.staff.private) },
  ];
  return (
    <>
      <div className="actions-row">
        <Link href={`${base}/nouvelle`} variant="button">
          {d.staff.newOrganization}
        </Link>
      </div>
      <search>
        <form className="search-form" onSubmit={submit}>
          <TextField label={d.search.label} name="q" value={q} onChange={setQ} />
          <Button type="submit">{d.search.submit}</Button>
        </form>
      </search>
      {list.status === 'loading' && <Loading label={t.common.loading} />}
      {list.status === 'error' && <ProblemAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && (
        <>
          <p role="status" className="result-count">
            {d.search.count(list.data.total)}
          </p>
          {list.data.items.length === 0 ? (
            <p className="empty">{d.staff.empty}</p>
          ) : (
            <DataTable caption={d.staff.caption} columns={columns} rows={list.data.items} rowKey={(o) => o.id} />
          )}
          <Pagination
            page={page}
            pageCount={Math.ceil(list.data.total / pageSize)}
            hrefFor={(p) => `${base}?${new URLSearchParams({ ...Object.fromEntries(params), page: String(p) })}`}
            labels={pageLabels(t)}
          />
        </>
      )}
      {/* Outside the list, so that reloading the list after tagging keeps the form and its message. */}
      {selected.length > 0 && <BulkTag slug={territory.slug} ids={selected} onDone={list.reload} />}
    </>
  );
}

/** The staff's list of organisations: search, selection for bulk tagging, links to edit. */
export function StaffOrganizationsPage() {
  const { t } = useI18n();
  return <StaffFrame heading={t.directory.staff.heading}>{(territory) => <OrganizationsList territory={territory} />}</StaffFrame>;
}
