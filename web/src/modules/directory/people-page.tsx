import { useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import type { Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, type Column, ConfirmDialog, DataTable, Loading, TextField } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { directoryPaths, isDirectoryAdmin, type Person } from './directory.api.ts';
import { StaffFrame } from './staff-frame.tsx';

/** Saves a JSON document as a file in the browser. */
function download(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

function Erase({ slug, person, onDone }: { slug: string; person: Person; onDone: (error?: unknown) => void }) {
  const { t } = useI18n();
  const p = t.directory.people;
  const [typed, setTyped] = useState('');
  return (
    <ConfirmDialog
      trigger={p.erase}
      title={`${p.erase} – ${person.firstName} ${person.lastName}`}
      confirmLabel={p.erase}
      cancelLabel={t.directory.confirm.cancel}
      canConfirm={typed.trim() === p.eraseWord}
      onConfirm={async () => {
        try {
          await apiRequest(directoryPaths.personErase(slug, person.id), { method: 'POST' });
          onDone();
        } catch (err) {
          onDone(err);
        }
      }}
    >
      <p>{p.eraseHint}</p>
      <TextField label={p.eraseType(p.eraseWord)} name="confirm" value={typed} onChange={setTyped} />
    </ConfirmDialog>
  );
}

function People({ territory }: { territory: TerritoryDetail }) {
  const { t } = useI18n();
  const p = t.directory.people;
  const { session } = useSession();
  const admin = isDirectoryAdmin(session, territory.slug);
  const list = useApi<Page<Person>>(directoryPaths.people(territory.slug, '?pageSize=100'));
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (list.status === 'loading') return <Loading label={t.common.loading} />;
  if (list.status === 'error') return <ProblemAlert error={list.error} onRetry={list.reload} />;
  const exportOf = async (person: Person) => {
    try {
      download(`${person.lastName}-${person.id}.json`, await apiRequest(directoryPaths.personExport(territory.slug, person.id)));
    } catch (err) {
      setError(err);
    }
  };
  const columns: Column<Person>[] = [
    { id: 'name', header: p.name, cell: (x) => (x.erasedAt ? p.erasedMarker : `${x.firstName} ${x.lastName}`), isRowHeader: true },
    { id: 'email', header: p.email, cell: (x) => <span className="break-word">{x.email ?? '—'}</span> },
    { id: 'basis', header: p.legalBasis, cell: (x) => t.directory.legalBases[x.legalBasis] ?? x.legalBasis },
    { id: 'public', header: p.publicProfile, cell: (x) => (x.publicProfile ? p.yes : p.no) },
    {
      id: 'rgpd',
      header: p.rgpd,
      cell: (x) =>
        x.erasedAt ? null : (
          <div className="actions-row">
            <Button variant="secondary" onPress={() => exportOf(x)} aria-label={`${p.export} – ${x.firstName} ${x.lastName}`}>
              {p.export}
            </Button>
            {admin && (
              <Erase
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
