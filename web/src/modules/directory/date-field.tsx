import { TextField as AriaTextField, FieldError, Input, Label, Text } from 'react-aria-components';

export type DateFieldProps = {
  label: string;
  name: string;
  /** An ISO date (`2026-03-29`) or the empty string. */
  value: string;
  onChange: (value: string) => void;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
};

/**
 * A labelled calendar date. The browser's own date input gives each language its format, a
 * keyboard-usable picker and an ISO value, which is what the API takes.
 */
export function DateField({ label, description, errorMessage, ...props }: DateFieldProps) {
  return (
    <AriaTextField {...props} type="date" isInvalid={Boolean(errorMessage)} validationBehavior="aria" className="field">
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <Input className="field-input field-date" />
      <FieldError className="field-error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
