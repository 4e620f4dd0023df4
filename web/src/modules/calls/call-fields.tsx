import { TextField as AriaTextField, FieldError, Input, Label, Text } from 'react-aria-components';
import type { FieldProblem } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ThemesField } from '../../shared/themes-field.tsx';
import { Checkbox, CheckboxGroup, RadioGroup, TextArea, TextField } from '../../ui/index.ts';
import type { Eligibility } from './calls.api.ts';
import { type CallDocument, DocumentsFields } from './documents-fields.tsx';

/** What the editor holds of a call: the fields staff edit here (the form has its own builder). */
export type CallDraft = {
  slug: string;
  titleFr: string;
  titleEn: string;
  descriptionFr: string;
  descriptionEn: string;
  themes: string[];
  eligibility: Eligibility;
  intake: 'window' | 'continuous';
  opensLocal: string;
  closesLocal: string;
  documents: CallDocument[];
};

type Props = {
  draft: CallDraft;
  onChange: (next: CallDraft) => void;
  territory: TerritoryDetail;
  errors: Record<string, FieldProblem>;
  isNew: boolean;
};

/** A local date and time in the territory's zone (the browser's own picker; the value is YYYY-MM-DDTHH:MM). */
function LocalDateTime(props: { label: string; name: string; value: string; onChange: (v: string) => void; hint: string; error?: string }) {
  return (
    <AriaTextField
      name={props.name}
      type="datetime-local"
      value={props.value}
      onChange={props.onChange}
      isInvalid={Boolean(props.error)}
      validationBehavior="aria"
      className="field"
    >
      <Label className="field-label">{props.label}</Label>
      <Text slot="description" className="field-hint">
        {props.hint}
      </Text>
      <Input className="field-input field-date" />
      <FieldError className="field-error">{props.error}</FieldError>
    </AriaTextField>
  );
}

function EligibilityFields({ draft, onChange, errors }: Omit<Props, 'territory' | 'isNew'>) {
  const { t } = useI18n();
  const e = t.calls.editor;
  const el = draft.eligibility;
  const set = (patch: Partial<Eligibility>) => onChange({ ...draft, eligibility: { ...el, ...patch } });
  const count = (v: string) => (v.trim() === '' ? null : Number(v));
  return (
    <fieldset className="form-section">
      <legend>{e.eligibility}</legend>
      <CheckboxGroup
        label={e.kinds}
        description={e.kindsHint}
        columns
        value={el.organizationKinds}
        onChange={(v) => set({ organizationKinds: v as Eligibility['organizationKinds'] })}
        options={Object.entries(t.directory.kinds).map(([id, label]) => ({ id, label }))}
        errorMessage={errors['eligibility.organizationKinds']?.message}
      />
      <Checkbox isSelected={el.inTerritory} onChange={(v) => set({ inTerritory: v })}>
        {e.inTerritory}
      </Checkbox>
      <div className="form-grid">
        <TextField
          label={e.maxAge}
          name="maxCompanyAgeYears"
          value={el.maxCompanyAgeYears === null ? '' : String(el.maxCompanyAgeYears)}
          onChange={(v) => set({ maxCompanyAgeYears: count(v) })}
          description={e.maxAgeHint}
          errorMessage={errors['eligibility.maxCompanyAgeYears']?.message}
        />
        <TextField
          label={e.minThemes}
          name="minMatchingThemes"
          value={String(el.minMatchingThemes)}
          onChange={(v) => set({ minMatchingThemes: count(v) ?? 0 })}
          errorMessage={errors['eligibility.minMatchingThemes']?.message}
        />
      </div>
    </fieldset>
  );
}

/** The call's own fields: identity, texts, themes, intake window and eligibility. */
export function CallFields({ draft, onChange, territory, errors, isNew }: Props) {
  const { t } = useI18n();
  const e = t.calls.editor;
  const set = (patch: Partial<CallDraft>) => onChange({ ...draft, ...patch });
  const zone = e.zoneHint(territory.timeZone);
  return (
    <>
      <fieldset className="form-section">
        <legend>{e.identity}</legend>
        {isNew && (
          <TextField
            label={e.slug}
            name="slug"
            value={draft.slug}
            onChange={(slug) => set({ slug })}
            description={e.slugHint}
            isRequired
            errorMessage={errors.slug?.message}
          />
        )}
        <div className="form-grid">
          <TextField
            label={e.titleFr}
            name="titleFr"
            value={draft.titleFr}
            onChange={(titleFr) => set({ titleFr })}
            isRequired
            errorMessage={errors.titleFr?.message}
          />
          <TextField
            label={e.titleEn}
            name="titleEn"
            value={draft.titleEn}
            onChange={(titleEn) => set({ titleEn })}
            isRequired
            errorMessage={errors.titleEn?.message}
          />
        </div>
        <TextArea
          label={e.descriptionFr}
          name="descriptionFr"
          value={draft.descriptionFr}
          onChange={(descriptionFr) => set({ descriptionFr })}
          errorMessage={errors.descriptionFr?.message}
        />
        <TextArea
          label={e.descriptionEn}
          name="descriptionEn"
          value={draft.descriptionEn}
          onChange={(descriptionEn) => set({ descriptionEn })}
          errorMessage={errors.descriptionEn?.message}
        />
        <ThemesField
          label={e.themes}
          themes={territory.themes}
          value={draft.themes}
          onChange={(themes) => set({ themes })}
          errorMessage={errors.themes?.message}
          empty={e.noThemes}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>{e.intakeHeading}</legend>
        <RadioGroup
          label={e.intake}
          value={draft.intake}
          onChange={(v) => set({ intake: v as CallDraft['intake'] })}
          options={[
            { id: 'continuous', label: e.continuous },
            { id: 'window', label: e.window },
          ]}
        />
        {draft.intake === 'window' && (
          <div className="form-grid">
            <LocalDateTime
              label={e.opens}
              name="opensLocal"
              value={draft.opensLocal}
              onChange={(opensLocal) => set({ opensLocal })}
              hint={zone}
              error={errors.opensLocal?.message}
            />
            <LocalDateTime
              label={e.closes}
              name="closesLocal"
              value={draft.closesLocal}
              onChange={(closesLocal) => set({ closesLocal })}
              hint={zone}
              error={errors.closesLocal?.message}
            />
          </div>
        )}
      </fieldset>
      <EligibilityFields draft={draft} onChange={onChange} errors={errors} />
      <DocumentsFields value={draft.documents} onChange={(documents) => set({ documents })} errors={errors} />
    </>
  );
}
