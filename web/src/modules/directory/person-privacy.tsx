import { useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Button, ConfirmDialog, TextField } from '../../ui/index.ts';
import { directoryPaths, type Person } from './directory.api.ts';

/** Saves a JSON document as a file in the browser. */
function download(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

const fullName = (p: Person) => `${p.firstName} ${p.lastName}`;

/** Downloads everything held on the person (right of access); the server records the export. */
export function ExportPerson({ slug, person, onError }: { slug: string; person: Person; onError: (error: unknown) => void }) {
  const p = useI18n().t.directory.people;
  const exportIt = async () => {
    try {
      download(`${person.lastName}-${person.id}.json`, await apiRequest(directoryPaths.personExport(slug, person.id)));
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Button variant="secondary" onPress={exportIt} aria-label={`${p.export} – ${fullName(person)}`}>
      {p.export}
    </Button>
  );
}

/** Erases the person (administrators), once the confirmation word has been typed. */
export function ErasePerson({ slug, person, onDone }: { slug: string; person: Person; onDone: (error?: unknown) => void }) {
  const { t } = useI18n();
  const p = t.directory.people;
  const [typed, setTyped] = useState('');
  return (
    <ConfirmDialog
      trigger={p.erase}
      triggerLabel={`${p.erase} – ${fullName(person)}`}
      title={`${p.erase} – ${fullName(person)}`}
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
