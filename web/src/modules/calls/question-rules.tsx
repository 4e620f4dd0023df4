import { useI18n } from '../../i18n/i18n.tsx';
import { Button, SelectField, TextField } from '../../ui/index.ts';
import { pick, type Question } from './calls.api.ts';

type Errors = Record<string, { message: string }>;
type ChoiceQuestion = Extract<Question, { type: 'single_choice' | 'multiple_choice' }>;
type Rule = NonNullable<Question['eligibility']>;

/** The options of a choice question: value, French and English labels; added and removed. */
export function OptionsEditor({
  question: q,
  onChange,
  path,
  errors,
}: {
  question: ChoiceQuestion;
  onChange: (q: Question) => void;
  path: string;
  errors: Errors;
}) {
  const { t } = useI18n();
  const b = t.calls.builder;
  const setOptions = (options: ChoiceQuestion['options']) => onChange({ ...q, options });
  return (
    <fieldset className="builder-options">
      <legend>{b.options}</legend>
      {q.options.map((o, i) => {
        const p = `${path}.options.${i}`;
        const set = (patch: Partial<typeof o>) => setOptions(q.options.map((x, k) => (k === i ? { ...x, ...patch } : x)));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: ids are typed in place, so the position is what stays stable while editing.
          <div key={`${i}:${q.id}`} className="form-grid builder-option">
            <TextField
              label={b.optionValue(i + 1)}
              name={`${p}.value`}
              value={o.value}
              onChange={(value) => set({ value })}
              errorMessage={errors[`${p}.value`]?.message}
            />
            <TextField
              label={b.optionFr(i + 1)}
              name={`${p}.labelFr`}
              value={o.labelFr}
              onChange={(labelFr) => set({ labelFr })}
              errorMessage={errors[`${p}.labelFr`]?.message}
            />
            <TextField
              label={b.optionEn(i + 1)}
              name={`${p}.labelEn`}
              value={o.labelEn}
              onChange={(labelEn) => set({ labelEn })}
              errorMessage={errors[`${p}.labelEn`]?.message}
            />
            <Button
              variant="quiet"
              className="btn-danger"
              isDisabled={q.options.length === 1}
              onPress={() => setOptions(q.options.filter((_, k) => k !== i))}
              aria-label={b.optionRemove(i + 1)}
            >
              {b.remove}
            </Button>
          </div>
        );
      })}
      <Button
        variant="secondary"
        onPress={() => setOptions([...q.options, { value: `option_${q.options.length + 1}`, labelFr: '', labelEn: '' }])}
      >
        {b.addOption}
      </Button>
    </fieldset>
  );
}

/** The values a condition may test on an earlier question: its options, its themes' slugs, or free text. */
function valueChoices(q: Question | undefined, locale: 'fr' | 'en') {
  if (q && (q.type === 'single_choice' || q.type === 'multiple_choice'))
    return q.options.map((o) => ({ id: o.value, label: pick(locale, o.labelFr, o.labelEn) || o.value }));
  return null;
}

/** "Show only when…" and the eligibility rule of a question, with the reasons given to ineligible applicants. */
export function RuleEditor({
  question: q,
  earlier,
  onChange,
  path,
  errors,
}: {
  question: Question;
  earlier: Question[];
  onChange: (q: Question) => void;
  path: string;
  errors: Errors;
}) {
  const { t, locale } = useI18n();
  const b = t.calls.builder;
  const w = q.showWhen;
  const target = earlier.find((x) => x.id === w?.questionId);
  const choices = valueChoices(target, locale);
  const operator = target && target.type !== 'single_choice' && target.type !== 'short_text' ? 'includes' : 'equals';
  const rule = q.eligibility;
  const setRule = (next: Rule | undefined) => onChange({ ...q, eligibility: next } as Question);
  return (
    <div className="builder-rules">
      <div className="form-grid">
        <SelectField
          label={b.condition}
          value={w?.questionId ?? '_always'}
          onChange={(id) =>
            onChange({ ...q, showWhen: id === '_always' ? undefined : { questionId: id, operator: 'equals', value: '' } } as Question)
          }
          options={[
            { id: '_always', label: b.always },
            ...earlier.map((x) => ({ id: x.id, label: b.whenQuestion(pick(locale, x.labelFr, x.labelEn) || x.id) })),
          ]}
        />
        {w &&
          (choices ? (
            <SelectField
              label={b.conditionValue}
              value={String(w.value) || null}
              onChange={(value) => onChange({ ...q, showWhen: { ...w, operator, value } } as Question)}
              options={choices}
              errorMessage={errors[`${path}.showWhen`]?.message}
            />
          ) : (
            <TextField
              label={b.conditionValue}
              name={`${path}.showWhen.value`}
              value={String(w.value)}
              onChange={(value) => onChange({ ...q, showWhen: { ...w, operator, value } } as Question)}
              errorMessage={errors[`${path}.showWhen`]?.message}
            />
          ))}
      </div>
      <div className="form-grid">
        <SelectField
          label={b.eligibilityRule}
          value={rule ? rule.rule.kind : '_none'}
          onChange={(kind) =>
            setRule(
              kind === '_none'
                ? undefined
                : {
                    rule: kind === 'range' ? { kind: 'range' } : { kind: 'equals', value: '' },
                    reasonFr: rule?.reasonFr ?? '',
                    reasonEn: rule?.reasonEn ?? '',
                  },
            )
          }
          options={[
            { id: '_none', label: b.ruleNone },
            { id: 'equals', label: b.ruleEquals },
            { id: 'range', label: b.ruleRange },
          ]}
        />
        {rule?.rule.kind === 'equals' && (
          <TextField
            label={b.ruleValue}
            name={`${path}.eligibility.rule.value`}
            value={String(rule.rule.value)}
            onChange={(value) => setRule({ ...rule, rule: { kind: 'equals', value } })}
            description={b.ruleValueHint}
          />
        )}
        {rule?.rule.kind === 'range' && (
          <>
            <TextField
              label={b.min}
              name={`${path}.eligibility.rule.min`}
              value={rule.rule.min === undefined ? '' : String(rule.rule.min)}
              onChange={(v) =>
                setRule({ ...rule, rule: { ...(rule.rule as Extract<Rule['rule'], { kind: 'range' }>), min: v ? Number(v) : undefined } })
              }
            />
            <TextField
              label={b.max}
              name={`${path}.eligibility.rule.max`}
              value={rule.rule.max === undefined ? '' : String(rule.rule.max)}
              onChange={(v) =>
                setRule({ ...rule, rule: { ...(rule.rule as Extract<Rule['rule'], { kind: 'range' }>), max: v ? Number(v) : undefined } })
              }
            />
          </>
        )}
        {rule && (
          <>
            <TextField
              label={b.reasonFr}
              name={`${path}.eligibility.reasonFr`}
              value={rule.reasonFr}
              onChange={(reasonFr) => setRule({ ...rule, reasonFr })}
              errorMessage={errors[`${path}.eligibility.reasonFr`]?.message}
            />
            <TextField
              label={b.reasonEn}
              name={`${path}.eligibility.reasonEn`}
              value={rule.reasonEn}
              onChange={(reasonEn) => setRule({ ...rule, reasonEn })}
              errorMessage={errors[`${path}.eligibility.reasonEn`]?.message}
            />
          </>
        )}
      </div>
    </div>
  );
}
