import { useState } from 'react';
import { useLocation } from 'react-router';
import type { Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, type Column, DataTable, Link, Loading } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { directoryPaths, isDirectoryAdmin, type Person } from './directory.api.ts';
import { ErasePerson, ExportPerson } from './person-privacy.tsx';
import { StaffFrame } from './staff-frame.tsx';

function People({ territory }: { territory: TerritoryDetail }) {
  const { t } = useI18n();
  const p = t.directory.people;
  const { session } = useSession();
  const admin = isDirectoryAdmin(session, territory.slug);
  const list = useApi<Page<Person>>(directoryPaths.people(territory.slug, '?pageSize=100'));
  const [error, setError] = useState<unknown>(null);
  const location = useLocation();
  // An erasure made from the person's own page is announced here, where it leads.
  const [notice, setNotice] = useState<string | null>(() => (location.state as { saved?: string } | null)?.saved ?? null);
  const base = `/t/${territory.slug}/gestion/annuaire/personnes`;
  if (list.status === 'loading') return <Loading label={t.common.loading} />;
  if (list.status === 'error') return <ProblemAlert error={list.error} onRetry={list.reload} />;
  const columns: Column<Person>[] = [
    {
      id: 'name',
      header: p.name,
      cell: (x) => (x.erasedAt ? p.erasedMarker : <Link href={`${base}/${x.id}`}>{`${x.firstName} ${x.lastName}`}</Link>),
      isRowHeader: true,
    },
    { id: 'email', header: p.email, cell: (x) => <span className="break-word">{x.email ?? '—'}</span> },
    { id: 'basis', header: p.legalBasis, cell: (x) => t.directory.legalBases[x.legalBasis] ?? x.legalBasis },
    { id: 'public', header: p.publicProfile, cell: (x) => (x.publicProfile ? p.yes : p.no) },
    {
      id: 'rgpd',
      header: p.rgpd,
      cell: (x) =>
        x.erasedAt ? null : (
          <div className="actions-row">
            <ExportPerson slug={territory.slug} person={x} onError={setError} />
            {admin && (
              <ErasePerson
                slug={territory.slug}
                person={x}
                onDone={(err) => {
                  if (err) setError(err);
                  else {
                    setNotice(p.erased);
                    list.reload();
                  }
                }}
              />
            )}
          </div>
        ),
    },
  ];
  return (
    <>
      <div className="actions-row">
        <Link href={`${base}/nouvelle`} variant="button">
          {p.new}
        </Link>
      </div>
      <div role="status">{notice && <Alert tone="success" announce={false} title={notice} />}</div>
      <ProblemAlert error={error} />
      {list.data.items.length === 0 ? (
        <p className="empty">{p.empty}</p>
      ) : (
        <DataTable caption={p.caption} columns={columns} rows={list.data.items} rowKey={(x) => x.id} />
      )}
    </>
  );
}

/** The people of the directory with their RGPD tools: export of their data, erasure (admins). */
export function PeoplePage() {
  const { t } = useI18n();
  return <StaffFrame heading={t.directory.people.heading}>{(territory) => <People territory={territory} />}</StaffFrame>;
}
