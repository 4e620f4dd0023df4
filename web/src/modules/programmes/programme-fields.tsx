import type { FieldProblem } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ThemesField } from '../../shared/themes-field.tsx';
import { Checkbox, RadioGroup, TextArea, TextField } from '../../ui/index.ts';
import { countOf, fieldMessage, type Programme } from './programmes.api.ts';

const kinds = ['incubation', 'acceleration', 'residency', 'other'] as const;

/** What the editor holds of a programme; numbers stay as typed until they are sent. */
export type ProgrammeDraft = {
  slug: string;
  nameFr: string;
  nameEn: string;
  descriptionFr: string;
  descriptionEn: string;
  kind: Programme['kind'];
  entry: Programme['entry'];
  duration: string;
  cap: string;
  themes: string[];
  isPublished: boolean;
};

export const emptyProgramme: ProgrammeDraft = {
  slug: '',
  nameFr: '',
  nameEn: '',
  descriptionFr: '',
  descriptionEn: '',
  kind: 'incubation',
  entry: 'cohorts',
  duration: '',
  cap: '',
  themes: [],
  isPublished: false,
};

export const draftOf = (p: Programme): ProgrammeDraft => ({
  slug: p.slug,
  nameFr: p.nameFr,
  nameEn: p.nameEn,
  descriptionFr: p.descriptionFr ?? '',
  descriptionEn: p.descriptionEn ?? '',
  kind: p.kind,
  entry: p.entry,
  duration: p.defaultDurationMonths === null ? '' : String(p.defaultDurationMonths),
  cap: p.cap === null ? '' : String(p.cap),
  themes: p.themes.map((th) => th.slug),
  isPublished: p.isPublished,
});

/** The request body: the slug only at creation (it cannot change), empty texts and numbers as null. */
export function bodyOf(d: ProgrammeDraft, isNew: boolean) {
  return {
    ...(isNew ? { slug: d.slug.trim() } : {}),
    nameFr: d.nameFr,
    nameEn: d.nameEn,
    descriptionFr: d.descriptionFr.trim() || null,
    descriptionEn: d.descriptionEn.trim() || null,
    kind: d.kind,
    entry: d.entry,
    defaultDurationMonths: countOf(d.duration),
    cap: countOf(d.cap),
    themes: d.themes,
    isPublished: d.isPublished,
  };
}

/** An identifier for the address from the French name: « Accélérateur Stardust » → accelerateur-stardust. */
export const slugFrom = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');

type Props = {
  draft: ProgrammeDraft;
  onChange: (next: ProgrammeDraft) => void;
  territory: TerritoryDetail;
  errors: Record<string, FieldProblem>;
  isNew: boolean;
};

/** The programme's fields: identity and texts, kind and entry, duration and cap, themes, publication. */
export function ProgrammeFields({ draft, onChange, territory, errors, isNew }: Props) {
  const { t } = useI18n();
  const e = t.programmes.editor;
  const set = (patch: Partial<ProgrammeDraft>) => onChange({ ...draft, ...patch });
  // Until the identifier is typed, it follows the French name.
  const setNameFr = (nameFr: string) =>
    set(isNew && draft.slug === slugFrom(draft.nameFr) ? { nameFr, slug: slugFrom(nameFr) } : { nameFr });
  return (
    <>
      <fieldset className="form-section">
        <legend>{e.identity}</legend>
        <div className="form-grid">
          <TextField
            label={e.nameFr}
            name="nameFr"
            value={draft.nameFr}
            onChange={setNameFr}
            isRequired
            errorMessage={fieldMessage(errors.nameFr, e.nameRule)}
          />
          <TextField
            label={e.nameEn}
            name="nameEn"
            value={draft.nameEn}
            onChange={(nameEn) => set({ nameEn })}
            isRequired
            errorMessage={fieldMessage(errors.nameEn, e.nameRule)}
          />
        </div>
        {isNew ? (
          <TextField
            label={e.slug}
            name="slug"
            value={draft.slug}
            onChange={(slug) => set({ slug })}
            description={e.slugHint}
            isRequired
            errorMessage={fieldMessage(errors.slug, e.slugRule)}
          />
        ) : (
          <p className="muted">
            {`${e.address} `}
            <code>{draft.slug}</code>
          </p>
        )}
        <TextArea
          label={e.descriptionFr}
          name="descriptionFr"
          value={draft.descriptionFr}
          onChange={(descriptionFr) => set({ descriptionFr })}
          errorMessage={fieldMessage(errors.descriptionFr, e.descriptionRule)}
        />
        <TextArea
          label={e.descriptionEn}
          name="descriptionEn"
          value={draft.descriptionEn}
          onChange={(descriptionEn) => set({ descriptionEn })}
          errorMessage={fieldMessage(errors.descriptionEn, e.descriptionRule)}
        />
        <RadioGroup
          label={e.kind}
          value={draft.kind}
          onChange={(kind) => set({ kind: kind as ProgrammeDraft['kind'] })}
          options={kinds.map((k) => ({ id: k, label: t.programmes.kinds[k] ?? k }))}
        />
        <ThemesField
          label={e.themes}
          themes={territory.themes}
          value={draft.themes}
          onChange={(themes) => set({ themes })}
          errorMessage={fieldMessage(errors.themes, e.themesRule)}
          empty={e.noThemes}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>{e.capacity}</legend>
        <RadioGroup
          label={e.entry}
          value={draft.entry}
          onChange={(entry) => set({ entry: entry as ProgrammeDraft['entry'] })}
          description={e.entryHint}
          options={(['cohorts', 'continuous'] as const).map((k) => ({ id: k, label: t.programmes.entries[k] ?? k }))}
        />
        <div className="form-grid">
          <TextField
            label={e.duration}
            name="defaultDurationMonths"
            inputMode="numeric"
            value={draft.duration}
            onChange={(duration) => set({ duration })}
            description={e.durationHint}
            errorMessage={fieldMessage(errors.defaultDurationMonths, e.durationRule)}
          />
          <TextField
            label={e.cap}
            name="cap"
            inputMode="numeric"
            value={draft.cap}
            onChange={(cap) => set({ cap })}
            description={e.capHint}
            errorMessage={fieldMessage(errors.cap, e.capRule)}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{e.publication}</legend>
        <Checkbox isSelected={draft.isPublished} onChange={(isPublished) => set({ isPublished })}>
          {e.published}
        </Checkbox>
      </fieldset>
    </>
  );
}
