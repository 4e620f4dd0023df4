import { TextArea as AriaTextArea, TextField as AriaTextField, FieldError, Label, Text } from 'react-aria-components';

export type TextAreaProps = {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  errorMessage?: string;
  rows?: number;
  isRequired?: boolean;
  monospace?: boolean;
};

/** A labelled multi-line text input with its hint and error (React Aria). */
export function TextArea({ label, description, errorMessage, rows = 4, monospace, ...props }: TextAreaProps) {
  return (
    <AriaTextField {...props} isInvalid={Boolean(errorMessage)} validationBehavior="aria" className="field">
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <AriaTextArea className={monospace ? 'field-input field-textarea mono' : 'field-input field-textarea'} rows={rows} />
      <FieldError className="field-error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
