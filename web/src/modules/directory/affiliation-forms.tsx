import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, TextField } from '../../ui/index.ts';
import { DateField } from './date-field.tsx';
import { type Affiliation, directoryPaths, type OrgRef } from './directory.api.ts';
import { OrganizationPicker } from './organization-picker.tsx';
import { fieldErrorsOf, useWrite } from './staff-helpers.ts';

type Dates = { title: string; startedOn: string; endedOn: string };
const datesOf = (a: Affiliation | null): Dates => ({ title: a?.title ?? '', startedOn: a?.startedOn ?? '', endedOn: a?.endedOn ?? '' });
const bodyOf = (f: Dates) => ({ title: f.title.trim() || null, startedOn: f.startedOn || null, endedOn: f.endedOn || null });

/** The fields an affiliation has besides its organisation. */
function DatesFields({ form, set, err }: { form: Dates; set: (f: Dates) => void; err: (k: string) => string | undefined }) {
  const a = useI18n().t.directory.affiliations;
  return (
    <div className="form-grid">
      <TextField label={a.title} name="title" value={form.title} onChange={(v) => set({ ...form, title: v })} errorMessage={err('title')} />
      <DateField
        label={a.startedOn}
        name="startedOn"
        value={form.startedOn}
        onChange={(v) => set({ ...form, startedOn: v })}
        errorMessage={err('startedOn')}
      />
      <DateField
        label={a.endedOn}
        name="endedOn"
        value={form.endedOn}
        onChange={(v) => set({ ...form, endedOn: v })}
        errorMessage={err('endedOn')}
      />
    </div>
  );
}

export type AddAffiliationProps = { slug: string; personId: string; onAdded: (a: Affiliation) => void };

/** Affiliates the person with an organisation chosen in the combo box. */
export function AddAffiliation({ slug, personId, onAdded }: AddAffiliationProps) {
  const a = useI18n().t.directory.affiliations;
  const [org, setOrg] = useState<OrgRef | null>(null);
  const [form, setForm] = useState<Dates>(datesOf(null));
  const [missing, setMissing] = useState(false);
  const [round, setRound] = useState(0);
  const { error, busy, send } = useWrite();
  const err = fieldErrorsOf(error, a.fieldErrors);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!org);
    if (!org) return;
    const added = await send<Affiliation>(directoryPaths.affiliations(slug, personId), 'POST', { organizationId: org.id, ...bodyOf(form) });
    if (!added) return;
    setOrg(null);
    setForm(datesOf(null));
    // A new picker: its typed text goes with the old one.
    setRound((r) => r + 1);
    onAdded(added);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="affiliation-add">
      <h3 id="affiliation-add">{a.add}</h3>
      <ProblemAlert error={error} />
      <OrganizationPicker
        key={round}
        slug={slug}
        label={a.pick}
        description={a.pickHint}
        value={org}
        onChange={(o) => {
          setOrg(o);
          if (o) setMissing(false);
        }}
        errorMessage={missing ? a.fieldErrors.organizationId : err('organizationId')}
        isRequired
      />
      <DatesFields form={form} set={setForm} err={err} />
      <Button type="submit" isDisabled={busy}>
        {a.addButton}
      </Button>
    </form>
  );
}

export type EditAffiliationProps = { slug: string; affiliation: Affiliation; onSaved: (a: Affiliation) => void; onCancel: () => void };

/** Changes an affiliation's role and dates (its organisation stays: remove it and add another instead). */
export function EditAffiliation({ slug, affiliation, onSaved, onCancel }: EditAffiliationProps) {
  const a = useI18n().t.directory.affiliations;
  const [form, setForm] = useState<Dates>(datesOf(affiliation));
  const { error, busy, send } = useWrite();
  const err = fieldErrorsOf(error, a.fieldErrors);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form appears below the table: take the focus there, so that keyboard and screen reader users follow.
  useEffect(() => heading.current?.focus(), []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await send<Affiliation>(directoryPaths.affiliation(slug, affiliation.id), 'PATCH', bodyOf(form));
    if (saved) onSaved(saved);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="affiliation-edit" className="form-section">
      <h3 id="affiliation-edit" ref={heading} tabIndex={-1}>
        {a.editOf(affiliation.organization.name)}
      </h3>
      <ProblemAlert error={error} />
      <DatesFields form={form} set={setForm} err={err} />
      <div className="actions-row">
        <Button type="submit" isDisabled={busy}>
          {a.saveEdit}
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          {a.cancel}
        </Button>
      </div>
    </form>
  );
}
