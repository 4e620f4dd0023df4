import { useI18n } from '../../i18n/i18n.tsx';
import { Button, Checkbox, CheckboxGroup, SelectField, TextField } from '../../ui/index.ts';
import { pick, type Question, type QuestionType } from './calls.api.ts';
import { formatEurosInput, parseEuros } from './money.ts';
import { OptionsEditor, RuleEditor } from './question-rules.tsx';

export const questionTypes: QuestionType[] = [
  'short_text',
  'long_text',
  'number',
  'money',
  'date',
  'single_choice',
  'multiple_choice',
  'theme_choice',
  'file',
];
const fileTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** The question with another type: the shared fields kept, the new type's defaults added. */
function retyped(q: Question, type: QuestionType): Question {
  const { id, labelFr, labelEn, helpFr, helpEn, required, showWhen } = q;
  const base = { id, labelFr, labelEn, helpFr, helpEn, required, showWhen };
  const options = 'options' in q ? q.options : [{ value: 'option_1', labelFr: 'Option 1', labelEn: 'Option 1' }];
  switch (type) {
    case 'short_text':
      return { ...base, type, maxLength: 200 };
    case 'long_text':
      return { ...base, type, maxLength: 3000 };
    case 'single_choice':
      return { ...base, type, options };
    case 'multiple_choice':
      return { ...base, type, options };
    case 'file':
      return { ...base, type, allowedTypes: ['application/pdf'], maxSizeBytes: 5 * 1024 * 1024 };
    default:
      return { ...base, type } as Question;
  }
}

type Props = {
  question: Question;
  number: number;
  /** The questions before this one: a condition may only look at them. */
  earlier: Question[];
  path: string;
  errors: Record<string, { message: string }>;
  isFirst: boolean;
  isLast: boolean;
  locked: boolean;
  onChange: (q: Question) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
};

/** The settings that depend on the type: lengths, bounds, amounts in euros, file types and size. */
function TypeSettings({
  q,
  set,
  path,
  errors,
}: {
  q: Question;
  set: (patch: Partial<Question>) => void;
  path: string;
  errors: Props['errors'];
}) {
  const { t, locale } = useI18n();
  const b = t.calls.builder;
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v.replace(',', '.')));
  const err = (k: string) => errors[`${path}.${k}`]?.message;
  switch (q.type) {
    case 'short_text':
    case 'long_text':
      return (
        <TextField
          label={b.maxLength}
          name={`${path}.maxLength`}
          value={String(q.maxLength)}
          onChange={(v) => set({ maxLength: num(v) ?? 0 } as Partial<Question>)}
          errorMessage={err('maxLength')}
        />
      );
    case 'number':
      return (
        <div className="form-grid">
          <TextField
            label={b.min}
            name={`${path}.min`}
            value={q.min === undefined ? '' : String(q.min)}
            onChange={(v) => set({ min: num(v) } as Partial<Question>)}
            errorMessage={err('min')}
          />
          <TextField
            label={b.max}
            name={`${path}.max`}
            value={q.max === undefined ? '' : String(q.max)}
            onChange={(v) => set({ max: num(v) } as Partial<Question>)}
            errorMessage={err('max')}
          />
        </div>
      );
    case 'money':
      return (
        <TextField
          label={b.maxEuros}
          name={`${path}.maxCents`}
          value={q.maxCents === undefined ? '' : formatEurosInput(q.maxCents, locale)}
          onChange={(v) => {
            const cents = parseEuros(v, locale);
            set({ maxCents: cents === null || Number.isNaN(cents) ? undefined : cents } as Partial<Question>);
          }}
          description={b.maxEurosHint}
          errorMessage={err('maxCents')}
        />
      );
    case 'file':
      return (
        <div className="form-grid">
          <CheckboxGroup
            label={b.fileTypes}
            value={q.allowedTypes}
            onChange={(v) => set({ allowedTypes: v as Array<(typeof fileTypes)[number]> } as Partial<Question>)}
            options={fileTypes.map((ft) => ({ id: ft, label: ft.replace(/^.*\//, '').toUpperCase() }))}
            errorMessage={err('allowedTypes')}
          />
          <TextField
            label={b.maxSizeMb}
            name={`${path}.maxSizeBytes`}
            value={String(q.maxSizeBytes / (1024 * 1024))}
            onChange={(v) => set({ maxSizeBytes: Math.round((num(v) ?? 0) * 1024 * 1024) } as Partial<Question>)}
            errorMessage={err('maxSizeBytes')}
          />
        </div>
      );
    default:
      return null;
  }
}

/** One question of the builder, in a fieldset named after it. */
export function QuestionEditor({ question: q, number, earlier, path, errors, isFirst, isLast, locked, onChange, onMove, onRemove }: Props) {
  const { t, locale } = useI18n();
  const b = t.calls.builder;
  const name = pick(locale, q.labelFr, q.labelEn) || q.id;
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch } as Question);
  const err = (k: string) => errors[`${path}.${k}`]?.message;
  return (
    <fieldset className="builder-question">
      <legend>{b.questionLegend(number, name)}</legend>
      <div className="form-grid">
        <SelectField
          label={b.type}
          value={q.type}
          onChange={(v) => onChange(retyped(q, v as QuestionType))}
          options={questionTypes.map((ty) => ({ id: ty, label: b.types[ty] ?? ty }))}
        />
        <TextField
          label={b.id}
          name={`${path}.id`}
          value={q.id}
          onChange={(id) => set({ id })}
          description={b.idHint}
          errorMessage={err('id')}
        />
        <TextField
          label={b.labelFr}
          name={`${path}.labelFr`}
          value={q.labelFr}
          onChange={(labelFr) => set({ labelFr })}
          errorMessage={err('labelFr')}
        />
        <TextField
          label={b.labelEn}
          name={`${path}.labelEn`}
          value={q.labelEn}
          onChange={(labelEn) => set({ labelEn })}
          errorMessage={err('labelEn')}
        />
        <TextField
          label={b.helpFr}
          name={`${path}.helpFr`}
          value={q.helpFr ?? ''}
          onChange={(v) => set({ helpFr: v || undefined })}
          errorMessage={err('helpFr')}
        />
        <TextField
          label={b.helpEn}
          name={`${path}.helpEn`}
          value={q.helpEn ?? ''}
          onChange={(v) => set({ helpEn: v || undefined })}
          errorMessage={err('helpEn')}
        />
      </div>
      <Checkbox isSelected={q.required} onChange={(required) => set({ required })}>
        {b.required}
      </Checkbox>
      <TypeSettings q={q} set={set} path={path} errors={errors} />
      {(q.type === 'single_choice' || q.type === 'multiple_choice') && (
        <OptionsEditor question={q} onChange={onChange} path={path} errors={errors} />
      )}
      <RuleEditor question={q} earlier={earlier} onChange={onChange} path={path} errors={errors} />
      {!locked && (
        <div className="actions-row compact">
          <Button variant="quiet" onPress={() => onMove(-1)} isDisabled={isFirst} aria-label={b.questionUp(name)}>
            {b.up}
          </Button>
          <Button variant="quiet" onPress={() => onMove(1)} isDisabled={isLast} aria-label={b.questionDown(name)}>
            {b.down}
          </Button>
          <Button variant="quiet" className="btn-danger" onPress={onRemove} aria-label={b.questionRemove(name)}>
            {b.remove}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
