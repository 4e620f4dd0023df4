import type { FieldProblem } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SelectField, TextField } from '../../ui/index.ts';

/** An organisation the applicant adds to the directory while applying (not public, the applicant affiliated). */
export type NewOrganization = { kind: string | null; name: string; siret: string; communeInsee: string; foundingYear: string };
export const emptyOrganization: NewOrganization = { kind: null, name: '', siret: '', communeInsee: '', foundingYear: '' };

/** The request's `newOrganization`: empty optional fields left out, the year as a number. */
export function newOrganizationBody(o: NewOrganization) {
  return {
    kind: o.kind,
    name: o.name,
    ...(o.siret.trim() ? { siret: o.siret.replace(/\s/g, '') } : {}),
    ...(o.communeInsee.trim() ? { communeInsee: o.communeInsee.trim() } : {}),
    ...(o.foundingYear.trim() ? { foundingYear: Number(o.foundingYear) } : {}),
  };
}

/** The fields of the new organisation, with the server's errors at `newOrganization.<field>`. */
export function NewOrganizationFields({
  value,
  onChange,
  errors,
}: {
  value: NewOrganization;
  onChange: (v: NewOrganization) => void;
  errors: Record<string, FieldProblem>;
}) {
  const { t } = useI18n();
  const a = t.calls.apply;
  const set = (patch: Partial<NewOrganization>) => onChange({ ...value, ...patch });
  const err = (k: string) => errors[`newOrganization.${k}`]?.message;
  return (
    <fieldset className="form-section">
      <legend>{a.newOrganization}</legend>
      <p className="field-hint">{a.newOrganizationHint}</p>
      <div className="form-grid">
        <TextField
          label={a.orgName}
          name="name"
          value={value.name}
          onChange={(name) => set({ name })}
          isRequired
          errorMessage={err('name')}
        />
        <SelectField
          label={a.orgKind}
          value={value.kind}
          onChange={(kind) => set({ kind })}
          isRequired
          options={Object.entries(t.directory.kinds).map(([id, label]) => ({ id, label }))}
          errorMessage={err('kind')}
        />
        <TextField
          label={a.orgSiret}
          name="siret"
          value={value.siret}
          onChange={(siret) => set({ siret })}
          description={a.orgSiretHint}
          errorMessage={err('siret')}
        />
        <TextField
          label={a.orgCommune}
          name="communeInsee"
          value={value.communeInsee}
          onChange={(communeInsee) => set({ communeInsee })}
          description={a.orgCommuneHint}
          errorMessage={err('communeInsee')}
        />
        <TextField
          label={a.orgYear}
          name="foundingYear"
          value={value.foundingYear}
          onChange={(foundingYear) => set({ foundingYear })}
          errorMessage={err('foundingYear')}
        />
      </div>
    </fieldset>
  );
}
