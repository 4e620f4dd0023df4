import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, Checkbox, CheckboxGroup, Loading, SelectField, TextArea, TextField } from '../../ui/index.ts';
import { InteractionTimeline } from './crm.tsx';
import {
  directoryPaths,
  membershipStatuses,
  type Organization,
  type OrganizationDetail,
  organizationKinds,
  publicFieldNames,
} from './directory.api.ts';
import { MetricsEditor } from './metrics-editor.tsx';
import { DangerZone } from './organization-danger-zone.tsx';
import { OrganizationPeople } from './organization-people.tsx';
import { RelationshipsEditor } from './relationships-editor.tsx';
import { StaffFrame } from './staff-frame.tsx';

type Form = Record<
  | 'name'
  | 'kind'
  | 'legalName'
  | 'siren'
  | 'siret'
  | 'rna'
  | 'street'
  | 'postalCode'
  | 'city'
  | 'communeInsee'
  | 'website'
  | 'descriptionFr'
  | 'descriptionEn'
  | 'foundingYear'
  | 'sector'
  | 'tags'
  | 'membershipStatus',
  string
> & { themeIds: string[]; isPublic: boolean; publicFields: string[] };

function formOf(o: OrganizationDetail | null): Form {
  return {
    name: o?.name ?? '',
    kind: o?.kind ?? 'startup',
    legalName: o?.legalName ?? '',
    siren: o?.siren ?? '',
    siret: o?.siret ?? '',
    rna: o?.rna ?? '',
    street: o?.address.street ?? '',
    postalCode: o?.address.postalCode ?? '',
    city: o?.address.city ?? '',
    communeInsee: o?.commune?.inseeCode ?? '',
    website: o?.website ?? '',
    descriptionFr: o?.descriptionFr ?? '',
    descriptionEn: o?.descriptionEn ?? '',
    foundingYear: o?.foundingYear ? String(o.foundingYear) : '',
    sector: o?.sector ?? '',
    tags: o?.tags.join(', ') ?? '',
    membershipStatus: o?.membershipStatus ?? 'prospect',
    themeIds: o?.themes.map((th) => th.id) ?? [],
    isPublic: o?.isPublic ?? true,
    publicFields: o?.publicFields ?? ['commune', 'website', 'description', 'logoUrl', 'sector', 'themes'],
  };
}

/** The request body: empty fields are left out on creation and cleared (null) on update. */
function bodyOf(f: Form, creating: boolean): Record<string, unknown> {
  const opt = (v: string) => (v.trim() ? v.trim() : creating ? undefined : null);
  const address =
    f.street.trim() || f.postalCode.trim() || f.city.trim()
      ? { street: opt(f.street) ?? null, postalCode: opt(f.postalCode) ?? null, city: opt(f.city) ?? null }
      : creating
        ? undefined
        : null;
  return {
    name: f.name.trim(),
    kind: f.kind,
    legalName: opt(f.legalName),
    siren: opt(f.siren.replace(/\s/g, '')),
    siret: opt(f.siret.replace(/\s/g, '')),
    rna: opt(f.rna),
    address,
    communeInsee: opt(f.communeInsee),
    website: opt(f.website),
    descriptionFr: opt(f.descriptionFr),
    descriptionEn: opt(f.descriptionEn),
    foundingYear: f.foundingYear.trim() ? Number(f.foundingYear) : creating ? undefined : null,
    sector: opt(f.sector),
    tags: f.tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    membershipStatus: f.membershipStatus,
    themeIds: f.themeIds,
    isPublic: f.isPublic,
    publicFields: f.publicFields,
  };
}

function OrganizationForm({ territory, org }: { territory: TerritoryDetail; org: OrganizationDetail | null }) {
  const { t, locale } = useI18n();
  const d = t.directory;
  const f = d.form;
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(() => formOf(org));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const location = useLocation();
  const [saved, setSaved] = useState<string | null>(() => (location.state as { saved?: string } | null)?.saved ?? null);
  const errors = fieldProblems(error);
  const set = (k: keyof Form) => (v: string) => setForm((s) => ({ ...s, [k]: v }));
  // The server's field messages are technical and in English: the known fields get a message in the interface's language.
  const err = (k: string) => {
    const found = errors[k] ?? errors[`address.${k}`] ?? Object.entries(errors).find(([p]) => p.startsWith(`${k}.`))?.[1];
    return found ? (f.fieldErrors[k] ?? found.message) : undefined;
  };
  const base = `/t/${territory.slug}/gestion/annuaire`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      if (org) {
        await apiRequest(directoryPaths.staffOrganization(territory.slug, org.id), { method: 'PATCH', body: bodyOf(form, false) });
        setSaved(f.saved);
      } else {
        const created = await apiRequest<Organization>(directoryPaths.staffOrganizations(territory.slug, ''), {
          method: 'POST',
          body: bodyOf(form, true),
        });
        navigate(`${base}/${created.id}`, { state: { saved: f.created } });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const text = (k: keyof Form, label: string, hint?: string, required?: boolean) => (
    <TextField
      label={label}
      name={k}
      value={form[k] as string}
      onChange={set(k)}
      description={hint}
      errorMessage={err(k)}
      isRequired={required}
    />
  );
  return (
    <form onSubmit={submit} noValidate>
      <p className="muted">{f.optional}</p>
      <div role="status">{saved && <Alert tone="success" announce={false} title={saved} />}</div>
      <ProblemAlert error={error} />
      <fieldset className="form-section">
        <legend>{f.identity}</legend>
        <div className="form-grid">
          {text('name', f.name, undefined, true)}
          <SelectField
            label={f.kind}
            name="kind"
            value={form.kind}
            onChange={set('kind')}
            options={organizationKinds.map((k) => ({ id: k, label: d.kinds[k] ?? k }))}
            errorMessage={err('kind')}
            isRequired
          />
          {text('legalName', f.legalName)}
          {text('siren', f.siren, f.sirenHint)}
          {text('siret', f.siret, f.siretHint)}
          {text('rna', f.rna, f.rnaHint)}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{f.location}</legend>
        <div className="form-grid">
          {text('street', f.street)}
          {text('postalCode', f.postalCode)}
          {text('city', f.city)}
          {text('communeInsee', f.communeInsee, f.communeHint)}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{f.presentation}</legend>
        {text('website', f.website, f.websiteHint)}
        <TextArea
          label={f.descriptionFr}
          name="descriptionFr"
          value={form.descriptionFr}
          onChange={set('descriptionFr')}
          errorMessage={err('descriptionFr')}
        />
        <TextArea
          label={f.descriptionEn}
          name="descriptionEn"
          value={form.descriptionEn}
          onChange={set('descriptionEn')}
          errorMessage={err('descriptionEn')}
        />
        <div className="form-grid">
          {text('foundingYear', f.foundingYear)}
          {text('sector', f.sector)}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{f.classification}</legend>
        {territory.themes.length > 0 && (
          <CheckboxGroup
            label={f.themes}
            columns
            value={form.themeIds}
            onChange={(v) => setForm((s) => ({ ...s, themeIds: v }))}
            options={territory.themes.map((th) => ({ id: th.id, label: locale === 'en' ? th.labelEn : th.labelFr }))}
            errorMessage={err('themeIds')}
          />
        )}
        <div className="form-grid">
          {text('tags', f.tags, f.tagsHint)}
          <SelectField
            label={f.status}
            name="membershipStatus"
            value={form.membershipStatus}
            onChange={set('membershipStatus')}
            options={membershipStatuses.map((s) => ({ id: s, label: d.statuses[s] ?? s }))}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{f.visibility}</legend>
        <Checkbox isSelected={form.isPublic} onChange={(v) => setForm((s) => ({ ...s, isPublic: v }))}>
          {f.isPublic}
        </Checkbox>
        <CheckboxGroup
          label={f.publicFields}
          columns
          value={form.publicFields}
          onChange={(v) => setForm((s) => ({ ...s, publicFields: v }))}
          options={publicFieldNames.map((p) => ({ id: p, label: d.publicFields[p] ?? p }))}
        />
      </fieldset>
      <div className="actions-row">
        <Button type="submit" isDisabled={busy}>
          {busy ? f.saving : f.save}
        </Button>
      </div>
    </form>
  );
}

function EditLoader({ territory, id }: { territory: TerritoryDetail; id: string }) {
  const { t } = useI18n();
  const org = useApi<OrganizationDetail>(directoryPaths.staffOrganization(territory.slug, id));
  if (org.status === 'loading') return <Loading label={t.common.loading} />;
  if (org.status === 'error') return <ProblemAlert error={org.error} onRetry={org.reload} />;
  return (
    <>
      <h2>{t.directory.form.editTitle(org.data.name)}</h2>
      <OrganizationForm key={org.data.updatedAt} territory={territory} org={org.data} />
      <OrganizationPeople slug={territory.slug} org={org.data} />
      <RelationshipsEditor territory={territory} organization={org.data} />
      <MetricsEditor territory={territory} organizationId={org.data.id} />
      <InteractionTimeline slug={territory.slug} organizationId={org.data.id} timeZone={territory.timeZone} />
      <DangerZone territory={territory} org={org.data} />
    </>
  );
}

/** Creating (`/nouvelle`) or editing an organisation, with the server's field errors beside each field. */
export function OrganizationFormPage() {
  const { t } = useI18n();
  const id = useParams().organizationId;
  return (
    <StaffFrame heading={id ? t.directory.staff.heading : t.directory.form.createTitle}>
      {(territory) => (id ? <EditLoader territory={territory} id={id} /> : <OrganizationForm territory={territory} org={null} />)}
    </StaffFrame>
  );
}
