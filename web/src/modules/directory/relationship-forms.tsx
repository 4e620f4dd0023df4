import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, SelectField, TextArea } from '../../ui/index.ts';
import { DateField } from './date-field.tsx';
import {
  directoryPaths,
  type OrgRef,
  type Relationship,
  type RelationshipKind,
  type RelationshipView,
  relationshipKinds,
} from './directory.api.ts';
import { OrganizationPicker } from './organization-picker.tsx';
import { fieldErrorsOf, isProblem, useWrite } from './staff-helpers.ts';

type Details = { startedOn: string; endedOn: string; note: string };
const detailsOf = (r: RelationshipView | null): Details => ({
  startedOn: r?.startedOn ?? '',
  endedOn: r?.endedOn ?? '',
  note: r?.note ?? '',
});
const bodyOf = (f: Details) => ({ startedOn: f.startedOn || null, endedOn: f.endedOn || null, note: f.note.trim() || null });

/** A relationship as the server returns it, seen from `organizationId`'s side as the list shows it. */
export function viewFrom(organizationId: string, r: Relationship): RelationshipView {
  const outgoing = r.source.id === organizationId;
  return {
    id: r.id,
    kind: r.kind,
    direction: outgoing ? 'outgoing' : 'incoming',
    other: outgoing ? r.target : r.source,
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    note: r.note,
  };
}

function DetailsFields({ form, set, err }: { form: Details; set: (f: Details) => void; err: (k: string) => string | undefined }) {
  const r = useI18n().t.directory.relations;
  return (
    <>
      <div className="form-grid">
        <DateField
          label={r.startedOn}
          name="startedOn"
          value={form.startedOn}
          onChange={(v) => set({ ...form, startedOn: v })}
          errorMessage={err('startedOn')}
        />
        <DateField
          label={r.endedOn}
          name="endedOn"
          value={form.endedOn}
          onChange={(v) => set({ ...form, endedOn: v })}
          errorMessage={err('endedOn')}
        />
      </div>
      <TextArea
        label={r.noteLabel}
        name="note"
        rows={2}
        value={form.note}
        onChange={(v) => set({ ...form, note: v })}
        errorMessage={err('note')}
      />
    </>
  );
}

export type AddRelationshipProps = { slug: string; organization: OrgRef; onAdded: (r: RelationshipView) => void };

/** Relates this organisation to another, in either direction (it accompanies, or is accompanied by, the other). */
export function AddRelationship({ slug, organization, onAdded }: AddRelationshipProps) {
  const r = useI18n().t.directory.relations;
  const [way, setWay] = useState('out:accompanies');
  const [other, setOther] = useState<OrgRef | null>(null);
  const [form, setForm] = useState<Details>(detailsOf(null));
  const [missing, setMissing] = useState(false);
  const [round, setRound] = useState(0);
  const { error, busy, send } = useWrite();
  const err = fieldErrorsOf(error, r.fieldErrors);
  // A symmetric partnership reads the same both ways: it is offered once.
  const ways = [
    ...relationshipKinds.map((k) => ({ id: `out:${k}`, label: r.outgoing[k] ?? k })),
    ...relationshipKinds.filter((k) => k !== 'partners_with').map((k) => ({ id: `in:${k}`, label: r.incoming[k] ?? k })),
  ];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!other);
    if (!other) return;
    const [direction, kind] = way.split(':') as ['out' | 'in', RelationshipKind];
    const ends =
      direction === 'out' ? { sourceId: organization.id, targetId: other.id } : { sourceId: other.id, targetId: organization.id };
    const made = await send<Relationship>(directoryPaths.relationshipCreate(slug), 'POST', { ...ends, kind, ...bodyOf(form) });
    if (!made) return;
    setOther(null);
    setForm(detailsOf(null));
    setRound((n) => n + 1);
    onAdded(viewFrom(organization.id, made));
  };
  const otherError = missing ? r.fieldErrors.targetId : isProblem(error, 'conflict') ? r.exists : (err('targetId') ?? err('sourceId'));
  return (
    <form onSubmit={submit} noValidate aria-labelledby="relationship-add">
      <h3 id="relationship-add">{r.add}</h3>
      <ProblemAlert error={error} />
      <div className="form-grid">
        <SelectField
          label={r.kind(organization.name)}
          name="kind"
          value={way}
          onChange={setWay}
          options={ways}
          errorMessage={err('kind')}
          isRequired
        />
        <OrganizationPicker
          key={round}
          slug={slug}
          label={r.pick}
          description={r.pickHint}
          value={other}
          excludeId={organization.id}
          onChange={(o) => {
            setOther(o);
            if (o) setMissing(false);
          }}
          errorMessage={otherError}
          isRequired
        />
      </div>
      <DetailsFields form={form} set={setForm} err={err} />
      <Button type="submit" isDisabled={busy}>
        {r.addButton}
      </Button>
    </form>
  );
}

export type EditRelationshipProps = {
  slug: string;
  organizationId: string;
  relationship: RelationshipView;
  title: string;
  onSaved: (r: RelationshipView) => void;
  onCancel: () => void;
};

/** Changes a relationship's dates and note; its kind and ends stay (delete it and add another instead). */
export function EditRelationship({ slug, organizationId, relationship, title, onSaved, onCancel }: EditRelationshipProps) {
  const r = useI18n().t.directory.relations;
  const [form, setForm] = useState<Details>(detailsOf(relationship));
  const { error, busy, send } = useWrite();
  const err = fieldErrorsOf(error, r.fieldErrors);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form appears below the table: take the focus there, so that keyboard and screen reader users follow.
  useEffect(() => heading.current?.focus(), []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await send<Relationship>(directoryPaths.relationship(slug, relationship.id), 'PATCH', bodyOf(form));
    if (saved) onSaved(viewFrom(organizationId, saved));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="relationship-edit" className="form-section">
      <h3 id="relationship-edit" ref={heading} tabIndex={-1}>
        {r.editOf(title)}
      </h3>
      <ProblemAlert error={error} />
      <DetailsFields form={form} set={setForm} err={err} />
      <div className="actions-row">
        <Button type="submit" isDisabled={busy}>
          {r.saveEdit}
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          {r.cancel}
        </Button>
      </div>
    </form>
  );
}
