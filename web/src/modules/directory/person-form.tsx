import { type Dispatch, type FormEvent, type SetStateAction, useState } from 'react';
import { useNavigate } from 'react-router';
import { apiRequest } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from '../../ui/index.ts';
import { directoryPaths, type LegalBasis, legalBases, type OfferKind, offerKinds, type PersonDetail } from './directory.api.ts';
import { fieldErrorsOf, isProblem, listOf } from './staff-helpers.ts';

type Form = Record<'firstName' | 'lastName' | 'email' | 'phone' | 'skills' | 'languages' | 'purpose', string> & {
  legalBasis: LegalBasis;
  offers: OfferKind[];
  seeks: OfferKind[];
  consentPublicProfile: boolean;
  consentContact: boolean;
  publicProfile: boolean;
};

function formOf(p: PersonDetail | null): Form {
  return {
    firstName: p?.firstName ?? '',
    lastName: p?.lastName ?? '',
    email: p?.email ?? '',
    phone: p?.phone ?? '',
    skills: p?.skills.join(', ') ?? '',
    languages: p?.languages.join(', ') ?? 'fr',
    purpose: p?.purpose ?? '',
    legalBasis: p?.legalBasis ?? 'legitimate_interest',
    offers: p?.offers ?? [],
    seeks: p?.seeks ?? [],
    consentPublicProfile: p?.consentPublicProfile ?? false,
    consentContact: p?.consentContact ?? false,
    publicProfile: p?.publicProfile ?? false,
  };
}

/** The request body: empty fields are left out on creation and cleared (null) on update. */
function bodyOf(f: Form, creating: boolean): Record<string, unknown> {
  const opt = (v: string) => (v.trim() ? v.trim() : creating ? undefined : null);
  return {
    firstName: f.firstName.trim(),
    lastName: f.lastName.trim(),
    email: opt(f.email),
    phone: opt(f.phone),
    skills: listOf(f.skills),
    languages: listOf(f.languages).map((l) => l.toLowerCase()),
    purpose: opt(f.purpose),
    legalBasis: f.legalBasis,
    offers: f.offers,
    seeks: f.seeks,
    consentPublicProfile: f.consentPublicProfile,
    consentContact: f.consentContact,
    publicProfile: f.consentPublicProfile && f.publicProfile,
  };
}

type FieldsProps = { form: Form; setForm: Dispatch<SetStateAction<Form>>; err: (field: string) => string | undefined };

/** Who the person is, how to reach them, what they know, offer and seek. */
function IdentityAndProfile({ form, setForm, err }: FieldsProps) {
  const d = useI18n().t.directory;
  const p = d.people;
  const f = d.personForm;
  const text = (k: keyof Form, label: string, opts: { hint?: string; required?: boolean; type?: 'email' } = {}) => (
    <TextField
      label={label}
      name={k}
      value={form[k] as string}
      onChange={(v) => setForm((s) => ({ ...s, [k]: v }))}
      description={opts.hint}
      errorMessage={err(k)}
      isRequired={opts.required}
      type={opts.type}
      autoComplete="off"
    />
  );
  const offers = offerKinds.map((o) => ({ id: o, label: d.offers[o] ?? o }));
  return (
    <>
      <fieldset className="form-section">
        <legend>{f.identity}</legend>
        <div className="form-grid">
          {text('firstName', p.firstName, { required: true })}
          {text('lastName', p.lastName, { required: true })}
          {text('email', p.email, { type: 'email' })}
          {text('phone', p.phone)}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{f.profile}</legend>
        <div className="form-grid">
          {text('skills', p.skills, { hint: f.skillsHint })}
          {text('languages', f.languages, { hint: f.languagesHint })}
        </div>
        <CheckboxGroup
          label={f.offers}
          columns
          value={form.offers}
          onChange={(v) => setForm((s) => ({ ...s, offers: v as OfferKind[] }))}
          options={offers}
        />
        <CheckboxGroup
          label={f.seeks}
          columns
          value={form.seeks}
          onChange={(v) => setForm((s) => ({ ...s, seeks: v as OfferKind[] }))}
          options={offers}
        />
      </fieldset>
    </>
  );
}

/** Why Totem holds the data (RGPD) and what the person consented to; a public profile needs that consent. */
function Privacy({ form, setForm, err, consentAt, timeZone }: FieldsProps & { consentAt: string | null; timeZone: string }) {
  const { t, locale } = useI18n();
  const d = t.directory;
  const p = d.people;
  const f = d.personForm;
  return (
    <fieldset className="form-section">
      <legend>{f.privacy}</legend>
      <SelectField
        label={p.legalBasis}
        name="legalBasis"
        description={f.legalBasisHint}
        value={form.legalBasis}
        onChange={(v) => setForm((s) => ({ ...s, legalBasis: v as LegalBasis }))}
        options={legalBases.map((b) => ({ id: b, label: d.legalBases[b] ?? b }))}
        errorMessage={err('legalBasis')}
        isRequired
      />
      <TextArea
        label={p.purpose}
        name="purpose"
        description={p.purposeHint}
        rows={2}
        value={form.purpose}
        onChange={(v) => setForm((s) => ({ ...s, purpose: v }))}
        errorMessage={err('purpose')}
      />
      <Checkbox
        isSelected={form.consentPublicProfile}
        onChange={(v) => setForm((s) => ({ ...s, consentPublicProfile: v, publicProfile: v && s.publicProfile }))}
      >
        {p.consentPublicProfile}
      </Checkbox>
      <Checkbox isSelected={form.consentContact} onChange={(v) => setForm((s) => ({ ...s, consentContact: v }))}>
        {p.consentContact}
      </Checkbox>
      <Checkbox
        isSelected={form.publicProfile}
        isDisabled={!form.consentPublicProfile}
        onChange={(v) => setForm((s) => ({ ...s, publicProfile: v }))}
      >
        {p.showPublic}
      </Checkbox>
      {!form.consentPublicProfile && <p className="field-hint">{f.publicNeedsConsent}</p>}
      {err('publicProfile') && <p className="field-error">{err('publicProfile')}</p>}
      {consentAt && <p className="muted">{f.consentAt(formatDate(consentAt, locale, timeZone))}</p>}
    </fieldset>
  );
}

export type PersonFormProps = { territory: TerritoryDetail; person: PersonDetail | null; saved?: string | null };

/** Creating or editing a person: identity, profile, then the RGPD basis and consents; field errors beside each field. */
export function PersonForm({ territory, person, saved: savedBefore = null }: PersonFormProps) {
  const { t } = useI18n();
  const p = t.directory.people;
  const f = t.directory.personForm;
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(() => formOf(person));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(savedBefore);
  const fieldErr = fieldErrorsOf(error, f.fieldErrors);
  // An e-mail address another person has is refused as a whole (409): say so under the field.
  const err = (k: string) => (k === 'email' && isProblem(error, 'person_exists') ? f.fieldErrors.emailTaken : fieldErr(k));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      if (person) {
        await apiRequest(directoryPaths.person(territory.slug, person.id), { method: 'PATCH', body: bodyOf(form, false) });
        setSaved(p.saved);
      } else {
        const created = await apiRequest<PersonDetail>(directoryPaths.people(territory.slug, ''), {
          method: 'POST',
          body: bodyOf(form, true),
        });
        navigate(`/t/${territory.slug}/gestion/annuaire/personnes/${created.id}`, { state: { saved: p.created } });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <p className="muted">{f.optional}</p>
      <div role="status">{saved && <Alert tone="success" announce={false} title={saved} />}</div>
      <ProblemAlert error={error} />
      <IdentityAndProfile form={form} setForm={setForm} err={err} />
      <Privacy form={form} setForm={setForm} err={err} consentAt={person?.consentAt ?? null} timeZone={territory.timeZone} />
      <div className="actions-row">
        <Button type="submit" isDisabled={busy}>
          {busy ? f.saving : f.save}
        </Button>
      </div>
    </form>
  );
}
