import { type ReactNode, useState } from 'react';
import {
  TextField as AriaTextField,
  Checkbox,
  CheckboxGroup,
  FieldError,
  Input,
  Label,
  Radio,
  RadioGroup,
  Text,
  TextArea,
} from 'react-aria-components';
import { useI18n } from '../../i18n/i18n.tsx';
import type { PublicCall, Question } from './calls.api.ts';
import { pick } from './calls.api.ts';
import { FileQuestion } from './file-question.tsx';
import { formatEuros, formatEurosInput, parseEuros } from './money.ts';

export type QuestionFieldProps = {
  question: Question;
  value: unknown;
  onChange: (value: unknown) => void;
  /** The server's message for `answers.<id>`, or the field's own (an amount that is not one). */
  error?: string;
  /** The call, for its themes (a theme question offers them). */
  call: Pick<PublicCall, 'themes'>;
  slug: string;
  applicationId: string;
  isDisabled?: boolean;
};

/** The label with its visible required mark; assistive technologies hear `aria-required` instead. */
export function QuestionLabel({ text, required }: { text: string; required: boolean }) {
  return (
    <Label className="field-label">
      {text}
      {required && (
        <span className="required-mark" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </Label>
  );
}

function Help({ text }: { text: string | undefined }) {
  return text ? (
    <Text slot="description" className="field-hint">
      {text}
    </Text>
  ) : null;
}

/** A text input for short text, numbers, amounts and dates. */
function TextInput(props: {
  q: Question;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  help?: string;
  label: string;
  type?: 'text' | 'date';
  inputMode?: 'decimal' | 'numeric';
  maxLength?: number;
  isDisabled?: boolean;
}) {
  const { q, label, help, error, ...rest } = props;
  return (
    <AriaTextField
      id={`input-${q.id}`}
      name={q.id}
      value={rest.value}
      onChange={rest.onChange}
      type={rest.type}
      inputMode={rest.inputMode}
      maxLength={rest.maxLength}
      isRequired={q.required}
      isDisabled={rest.isDisabled}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      className="field"
    >
      <QuestionLabel text={label} required={q.required} />
      <Help text={help} />
      <Input className={rest.type === 'date' ? 'field-input field-date' : 'field-input'} />
      <FieldError className="field-error">{error}</FieldError>
    </AriaTextField>
  );
}

/** An amount in euros: typed with a decimal comma, kept and sent in cents; a wrong amount is said at once. */
function MoneyInput({
  q,
  value,
  onChange,
  error,
  help,
  label,
  isDisabled,
}: Omit<Parameters<typeof TextInput>[0], 'value'> & { value: unknown; onChange: (v: unknown) => void }) {
  const { t, locale } = useI18n();
  const c = t.calls.form;
  const [text, setText] = useState(typeof value === 'number' ? formatEurosInput(value, locale) : '');
  const parsed = parseEuros(text, locale);
  const own = Number.isNaN(parsed) ? c.moneyInvalid : undefined;
  const limits = q.type === 'money' ? [q.minCents, q.maxCents] : [];
  const range = [
    limits[0] !== undefined ? c.min(formatEuros(limits[0], locale)) : null,
    limits[1] !== undefined ? c.max(formatEuros(limits[1], locale)) : null,
  ].filter(Boolean);
  const hint = [help, c.moneyHint, ...range].filter(Boolean).join(' ');
  return (
    <TextInput
      q={q}
      label={`${label} (€)`}
      help={hint}
      value={text}
      inputMode="decimal"
      error={own ?? error}
      isDisabled={isDisabled}
      onChange={(next) => {
        setText(next);
        const cents = parseEuros(next, locale);
        onChange(cents === null ? undefined : cents);
      }}
    />
  );
}

function NumberInput(props: Omit<Parameters<typeof TextInput>[0], 'value'> & { value: unknown; onChange: (v: unknown) => void }) {
  const { t, locale } = useI18n();
  const [text, setText] = useState(typeof props.value === 'number' ? String(props.value).replace('.', locale === 'fr' ? ',' : '.') : '');
  const n = text.trim() === '' ? undefined : Number(text.replace(/\s/g, '').replace(',', '.'));
  const own = n !== undefined && !Number.isFinite(n) ? t.calls.form.numberInvalid : undefined;
  return (
    <TextInput
      {...props}
      value={text}
      inputMode="decimal"
      error={own ?? props.error}
      onChange={(next) => {
        setText(next);
        const v = next.trim() === '' ? undefined : Number(next.replace(/\s/g, '').replace(',', '.'));
        props.onChange(v);
      }}
    />
  );
}

type Choice = { value: string; label: string };

function Choices({
  q,
  multiple,
  options,
  value,
  onChange,
  error,
  help,
  label,
  isDisabled,
}: {
  q: Question;
  multiple: boolean;
  options: Choice[];
  value: unknown;
  onChange: (v: unknown) => void;
  error?: string;
  help?: string;
  label: string;
  isDisabled?: boolean;
}) {
  const common = {
    id: `input-${q.id}`,
    isRequired: q.required,
    isInvalid: Boolean(error),
    isDisabled,
    validationBehavior: 'aria' as const,
    className: 'choice-group',
  };
  const body = (items: ReactNode) => (
    <>
      <QuestionLabel text={label} required={q.required} />
      <Help text={help} />
      <div className="choice-list">{items}</div>
      <FieldError className="field-error">{error}</FieldError>
    </>
  );
  if (!multiple)
    return (
      <RadioGroup {...common} value={typeof value === 'string' ? value : null} onChange={onChange}>
        {body(
          options.map((o) => (
            <Radio key={o.value} value={o.value} className="choice choice-radio">
              <span className="choice-dot" aria-hidden="true" />
              <span className="choice-label">{o.label}</span>
            </Radio>
          )),
        )}
      </RadioGroup>
    );
  return (
    <CheckboxGroup {...common} value={Array.isArray(value) ? (value as string[]) : []} onChange={onChange}>
      {body(
        options.map((o) => (
          <Checkbox key={o.value} value={o.value} className="choice choice-check">
            <span className="choice-box" aria-hidden="true">
              <svg viewBox="0 0 16 16" focusable="false" aria-hidden="true">
                <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2" />
              </svg>
            </span>
            <span className="choice-label">{o.label}</span>
          </Checkbox>
        )),
      )}
    </CheckboxGroup>
  );
}

/** One question of a call's form, drawn for its type, with its help, required mark and error. */
export function QuestionField({ question: q, value, onChange, error, call, slug, applicationId, isDisabled }: QuestionFieldProps) {
  const { t, locale } = useI18n();
  const label = pick(locale, q.labelFr, q.labelEn);
  const help = pick(locale, q.helpFr, q.helpEn);
  const common = { q, label, help, error, isDisabled };
  switch (q.type) {
    case 'short_text':
      return <TextInput {...common} value={String(value ?? '')} onChange={onChange} maxLength={q.maxLength} />;
    case 'long_text':
      return (
        <AriaTextField
          id={`input-${q.id}`}
          name={q.id}
          value={String(value ?? '')}
          onChange={onChange}
          maxLength={q.maxLength}
          isRequired={q.required}
          isDisabled={isDisabled}
          isInvalid={Boolean(error)}
          validationBehavior="aria"
          className="field"
        >
          <QuestionLabel text={label} required={q.required} />
          <Help text={[help, t.calls.form.maxLength(q.maxLength)].filter(Boolean).join(' ')} />
          <TextArea className="field-input field-textarea" rows={5} />
          <FieldError className="field-error">{error}</FieldError>
        </AriaTextField>
      );
    case 'number':
      return <NumberInput {...common} value={value} onChange={onChange} />;
    case 'money':
      return <MoneyInput {...common} value={value} onChange={onChange} />;
    case 'date':
      return <TextInput {...common} type="date" value={String(value ?? '')} onChange={onChange} />;
    case 'single_choice':
    case 'multiple_choice': {
      const options = q.options.map((o) => ({ value: o.value, label: pick(locale, o.labelFr, o.labelEn) }));
      return <Choices {...common} multiple={q.type === 'multiple_choice'} options={options} value={value} onChange={onChange} />;
    }
    case 'theme_choice': {
      const options = call.themes.map((th) => ({ value: th.slug, label: pick(locale, th.labelFr, th.labelEn) }));
      return <Choices {...common} multiple options={options} value={value} onChange={onChange} />;
    }
    case 'file':
      return <FileQuestion {...common} question={q} value={value} onChange={onChange} slug={slug} applicationId={applicationId} />;
    default:
      return null;
  }
}
