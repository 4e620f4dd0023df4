import { useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, type Column, ConfirmDialog, DataTable, Link, Loading } from '../../ui/index.ts';
import { directoryPaths, type OrgRef, type RelationshipView, relationshipKinds } from './directory.api.ts';
import { AddRelationship, EditRelationship } from './relationship-forms.tsx';
import { periodLabel, useEditableList, useFocusAfterRender } from './staff-helpers.ts';

const kindOrder = (r: RelationshipView) => relationshipKinds.indexOf(r.kind);
/** The server's order: by kind, then by the other organisation's name. */
const sorted = (items: RelationshipView[]) =>
  [...items].sort((x, y) => kindOrder(x) - kindOrder(y) || x.other.name.localeCompare(y.other.name));

type TableProps = {
  slug: string;
  organization: OrgRef;
  items: RelationshipView[];
  phrase: (r: RelationshipView) => string;
  onEdit: (r: RelationshipView) => void;
  onRemove: (r: RelationshipView) => Promise<void>;
};

/** The relationships seen from this organisation: who the other is, how they relate, since and until when. */
function RelationshipsTable({ slug, organization, items, phrase, onEdit, onRemove }: TableProps) {
  const { t, locale } = useI18n();
  const d = t.directory;
  const r = d.relations;
  const columns: Column<RelationshipView>[] = [
    {
      id: 'other',
      header: r.other,
      cell: (x) => <Link href={`/t/${slug}/gestion/annuaire/${x.other.id}`}>{x.other.name}</Link>,
      isRowHeader: true,
    },
    {
      id: 'relation',
      header: r.relation,
      cell: (x) => (x.direction === 'outgoing' ? d.relationOutgoing : d.relationIncoming)[x.kind] ?? x.kind,
    },
    { id: 'period', header: r.period, cell: (x) => periodLabel(x.startedOn, x.endedOn, locale, d.affiliations) },
    { id: 'note', header: r.note, cell: (x) => x.note ?? '—' },
    {
      id: 'actions',
      header: r.actions,
      cell: (x) => (
        <div className="actions-row compact">
          <Button id={`relationship-edit-${x.id}`} variant="secondary" aria-label={r.editOf(phrase(x))} onPress={() => onEdit(x)}>
            {r.edit}
          </Button>
          <ConfirmDialog
            trigger={r.remove}
            triggerLabel={r.removeOf(phrase(x))}
            title={r.removeOf(phrase(x))}
            confirmLabel={r.remove}
            cancelLabel={r.cancel}
            onConfirm={() => onRemove(x)}
          >
            <p>{r.removeConfirm(phrase(x))}</p>
          </ConfirmDialog>
        </div>
      ),
    },
  ];
  return <DataTable caption={r.caption(organization.name)} columns={columns} rows={items} rowKey={(x) => x.id} />;
}

/** An organisation's typed, dated relationships with others, both ways: list, add, edit, delete. */
export function RelationshipsEditor({ territory, organization }: { territory: TerritoryDetail; organization: OrgRef }) {
  const { t } = useI18n();
  const r = t.directory.relations;
  const { list, items, setItems } = useEditableList<RelationshipView>(directoryPaths.orgRelationships(territory.slug, organization.id));
  const [editing, setEditing] = useState<RelationshipView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const focusLater = useFocusAfterRender();
  // « Bybe est hébergée par La Fabrique »: names each row's buttons and confirmations.
  const phrase = (x: RelationshipView) =>
    `${organization.name} ${(x.direction === 'outgoing' ? r.outgoing : r.incoming)[x.kind] ?? x.kind} ${x.other.name}`;
  const done = (message: string, next: RelationshipView[]) => {
    setItems(sorted(next));
    setError(null);
    setNotice(message);
  };
  const remove = async (x: RelationshipView) => {
    try {
      await apiRequest(directoryPaths.relationship(territory.slug, x.id), { method: 'DELETE' });
      done(
        r.removed,
        (items ?? []).filter((i) => i.id !== x.id),
      );
      if (editing?.id === x.id) setEditing(null);
      focusLater('relationships');
    } catch (err) {
      setError(err);
    }
  };
  const form = !items ? null : editing ? (
    <EditRelationship
      key={editing.id}
      slug={territory.slug}
      organizationId={organization.id}
      relationship={editing}
      title={phrase(editing)}
      onSaved={(saved) => {
        done(
          r.saved,
          items.map((i) => (i.id === saved.id ? saved : i)),
        );
        setEditing(null);
        focusLater(`relationship-edit-${saved.id}`);
      }}
      onCancel={() => {
        setEditing(null);
        focusLater(`relationship-edit-${editing.id}`);
      }}
    />
  ) : (
    <AddRelationship slug={territory.slug} organization={organization} onAdded={(added) => done(r.added, [...items, added])} />
  );
  return (
    <section aria-labelledby="relationships" className="form-section">
      <h2 id="relationships" tabIndex={-1}>
        {r.heading}
      </h2>
      <p className="muted">{r.intro}</p>
      <div role="status">{notice && <Alert tone="success" announce={false} title={notice} />}</div>
      <ProblemAlert error={error} />
      {list.status === 'error' && <ProblemAlert error={list.error} onRetry={list.reload} />}
      {!items && list.status === 'loading' && <Loading label={t.common.loading} />}
      {items?.length === 0 && <p className="empty">{r.empty}</p>}
      {items && items.length > 0 && (
        <RelationshipsTable
          slug={territory.slug}
          organization={organization}
          items={items}
          phrase={phrase}
          onEdit={setEditing}
          onRemove={remove}
        />
      )}
      {form}
    </section>
  );
}
