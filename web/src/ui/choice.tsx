import type { ReactNode } from 'react';
import {
  Checkbox as AriaCheckbox,
  CheckboxGroup as AriaCheckboxGroup,
  Radio as AriaRadio,
  RadioGroup as AriaRadioGroup,
  FieldError,
  Label,
  Text,
} from 'react-aria-components';

export type ChoiceOption = { id: string; label: ReactNode; textValue?: string };

function CheckMark() {
  return (
    <span className="choice-box" aria-hidden="true">
      <svg viewBox="0 0 16 16" focusable="false" aria-hidden="true">
        <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
    </span>
  );
}

export type CheckboxProps = {
  children: ReactNode;
  isSelected: boolean;
  onChange: (selected: boolean) => void;
  name?: string;
  isDisabled?: boolean;
};

/** A checkbox with its label (React Aria): Space toggles it; the focus ring shows on the box. */
export function Checkbox({ children, ...props }: CheckboxProps) {
  return (
    <AriaCheckbox {...props} className="choice choice-check">
      <CheckMark />
      <span className="choice-label">{children}</span>
    </AriaCheckbox>
  );
}

export type CheckboxGroupProps = {
  label: string;
  description?: string;
  options: ChoiceOption[];
  value: string[];
  onChange: (value: string[]) => void;
  errorMessage?: string;
  columns?: boolean;
};

/** A labelled group of checkboxes (fieldset semantics by React Aria). */
export function CheckboxGroup({ label, description, options, value, onChange, errorMessage, columns }: CheckboxGroupProps) {
  return (
    <AriaCheckboxGroup
      value={value}
      onChange={onChange}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className={columns ? 'choice-group choice-columns' : 'choice-group'}
    >
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <div className="choice-list">
        {options.map((o) => (
          <AriaCheckbox key={o.id} value={o.id} className="choice choice-check">
            <CheckMark />
            <span className="choice-label">{o.label}</span>
          </AriaCheckbox>
        ))}
      </div>
      <FieldError className="field-error">{errorMessage}</FieldError>
    </AriaCheckboxGroup>
  );
}

export type RadioGroupProps = {
  label: string;
  /** A hint under the label, tied to the group by aria-describedby. */
  description?: string;
  options: ChoiceOption[];
  value: string;
  onChange: (value: string) => void;
  className?: string;
  /** Shown under the choices, which are then marked invalid (a server's refusal, for instance). */
  errorMessage?: string;
};

/** A labelled group of radio buttons (React Aria): one tab stop, arrows move and choose. */
export function RadioGroup({ label, options, value, onChange, className, description, errorMessage }: RadioGroupProps) {
  return (
    <AriaRadioGroup
      value={value}
      onChange={onChange}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className={['choice-group', className].filter(Boolean).join(' ')}
    >
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <div className="choice-list">
        {options.map((o) => (
          <AriaRadio key={o.id} value={o.id} className="choice choice-radio">
            <span className="choice-dot" aria-hidden="true" />
            <span className="choice-label">{o.label}</span>
          </AriaRadio>
        ))}
      </div>
      <FieldError className="field-error">{errorMessage}</FieldError>
    </AriaRadioGroup>
  );
}
