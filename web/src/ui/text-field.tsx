import { TextField as AriaTextField, FieldError, Input, Label, Text } from 'react-aria-components';

export type TextFieldProps = {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  /** The keyboard a phone shows (`numeric` for a whole number typed as text). */
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
  description?: string;
  /** Shown under the field and tied to it by aria-describedby; marks the field invalid. */
  errorMessage?: string;
  isRequired?: boolean;
  autoFocus?: boolean;
};

/** A labelled text input with its hint and its error message (React Aria). */
export function TextField({ label, description, errorMessage, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} isInvalid={Boolean(errorMessage)} validationBehavior="aria" className="field">
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <Input className="field-input" spellCheck={false} />
      <FieldError className="field-error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
