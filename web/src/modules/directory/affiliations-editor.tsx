import { useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, type Column, ConfirmDialog, DataTable, Link } from '../../ui/index.ts';
import { AddAffiliation, EditAffiliation } from './affiliation-forms.tsx';
import { DateField } from './date-field.tsx';
import { type Affiliation, directoryPaths, type PersonDetail } from './directory.api.ts';
import { periodLabel, todayIn, useFocusAfterRender } from './staff-helpers.ts';

type RowActions = {
  onEdit: (a: Affiliation) => void;
  onEnd: (a: Affiliation, endedOn: string) => Promise<void>;
  onRemove: (a: Affiliation) => Promise<void>;
};

/** Ends an affiliation at a date chosen in the confirmation (today by default). */
function EndAffiliation({
  affiliation,
  today,
  onConfirm,
}: {
  affiliation: Affiliation;
  today: string;
  onConfirm: (endedOn: string) => Promise<void>;
}) {
  const a = useI18n().t.directory.affiliations;
  const [endedOn, setEndedOn] = useState(today);
  const org = affiliation.organization.name;
  return (
    <ConfirmDialog
      trigger={a.end}
      triggerLabel={a.endOf(org)}
      title={a.endOf(org)}
      confirmLabel={a.end}
      cancelLabel={a.cancel}
      canConfirm={Boolean(endedOn)}
      onConfirm={() => onConfirm(endedOn)}
    >
      <p>{a.endConfirm(org)}</p>
      <DateField label={a.endedOn} name="endedOn" value={endedOn} onChange={setEndedOn} isRequired />
    </ConfirmDialog>
  );
}

/** The table of affiliations, each row with its period, its state and its actions. */
function AffiliationsTable({ slug, items, today, actions }: { slug: string; items: Affiliation[]; today: string; actions: RowActions }) {
  const { t, locale } = useI18n();
  const a = t.directory.affiliations;
  const ended = (x: Affiliation) => Boolean(x.endedOn && x.endedOn <= today);
  const columns: Column<Affiliation>[] = [
    {
      id: 'org',
      header: a.organization,
      cell: (x) => <Link href={`/t/${slug}/gestion/annuaire/${x.organization.id}`}>{x.organization.name}</Link>,
      isRowHeader: true,
    },
    { id: 'title', header: a.title, cell: (x) => x.title ?? '—' },
    {
      id: 'period',
      header: a.period,
      cell: (x) => (
        <>
          {periodLabel(x.startedOn, x.endedOn, locale, a)}{' '}
          <span className={ended(x) ? 'badge' : 'badge badge-live'}>{ended(x) ? a.ended : a.current}</span>
        </>
      ),
    },
    {
      id: 'actions',
      header: a.actions,
      cell: (x) => (
        <div className="actions-row compact">
          <Button
            id={`affiliation-edit-${x.id}`}
            variant="secondary"
            aria-label={a.editOf(x.organization.name)}
            onPress={() => actions.onEdit(x)}
          >
            {a.edit}
          </Button>
          {!ended(x) && <EndAffiliation affiliation={x} today={today} onConfirm={(d) => actions.onEnd(x, d)} />}
          <ConfirmDialog
            trigger={a.remove}
            triggerLabel={a.removeOf(x.organization.name)}
            title={a.removeOf(x.organization.name)}
            confirmLabel={a.remove}
            cancelLabel={a.cancel}
            onConfirm={() => actions.onRemove(x)}
          >
            <p>{a.removeConfirm(x.organization.name)}</p>
          </ConfirmDialog>
        </div>
      ),
    },
  ];
  return <DataTable caption={a.caption} columns={columns} rows={items} rowKey={(x) => x.id} />;
}

/** A person's affiliations: the table, then the form to add one or to edit the chosen one. */
export function AffiliationsEditor({ territory, person }: { territory: TerritoryDetail; person: PersonDetail }) {
  const a = useI18n().t.directory.affiliations;
  const [items, setItems] = useState<Affiliation[]>(person.affiliations);
  const [editing, setEditing] = useState<Affiliation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const focusLater = useFocusAfterRender();
  const done = (message: string, next: Affiliation[]) => {
    setItems(next);
    setError(null);
    setNotice(message);
  };
  const replaced = (x: Affiliation) => items.map((i) => (i.id === x.id ? x : i));
  const actions: RowActions = {
    onEdit: setEditing,
    onEnd: async (x, endedOn) => {
      try {
        const body = { endedOn };
        done(
          a.endDone,
          replaced(await apiRequest<Affiliation>(directoryPaths.affiliation(territory.slug, x.id), { method: 'PATCH', body })),
        );
      } catch (err) {
        setError(err);
      }
    },
    onRemove: async (x) => {
      try {
        await apiRequest(directoryPaths.affiliation(territory.slug, x.id), { method: 'DELETE' });
        done(
          a.removed,
          items.filter((i) => i.id !== x.id),
        );
        if (editing?.id === x.id) setEditing(null);
        // The row and its buttons are gone: the section's heading takes the focus.
        focusLater('affiliations');
      } catch (err) {
        setError(err);
      }
    },
  };
  return (
    <section aria-labelledby="affiliations" className="form-section">
      <h2 id="affiliations" tabIndex={-1}>
        {a.heading}
      </h2>
      <p className="muted">{a.intro}</p>
      <div role="status">{notice && <Alert tone="success" announce={false} title={notice} />}</div>
      <ProblemAlert error={error} />
      {items.length === 0 ? (
        <p className="empty">{a.empty}</p>
      ) : (
        <AffiliationsTable slug={territory.slug} items={items} today={todayIn(territory.timeZone)} actions={actions} />
      )}
      {editing ? (
        <EditAffiliation
          key={editing.id}
          slug={territory.slug}
          affiliation={editing}
          onSaved={(saved) => {
            done(a.saved, replaced(saved));
            setEditing(null);
            focusLater(`affiliation-edit-${saved.id}`);
          }}
          onCancel={() => {
            setEditing(null);
            focusLater(`affiliation-edit-${editing.id}`);
          }}
        />
      ) : (
        <AddAffiliation slug={territory.slug} personId={person.id} onAdded={(added) => done(a.added, [...items, added])} />
      )}
    </section>
  );
}
