import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text } from 'react-aria-components';

export type SelectOption = { id: string; label: string };

export type SelectFieldProps = {
  label: string;
  name?: string;
  options: SelectOption[];
  value: string | null;
  onChange: (value: string) => void;
  placeholder?: string;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
};

/** A labelled drop-down list (React Aria Select): Enter or Space opens it, arrows choose. */
export function SelectField({
  label,
  name,
  options,
  value,
  onChange,
  placeholder,
  description,
  errorMessage,
  isRequired,
}: SelectFieldProps) {
  return (
    <Select
      name={name}
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      placeholder={placeholder}
      isInvalid={Boolean(errorMessage)}
      isRequired={isRequired}
      validationBehavior="aria"
      className="field"
    >
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <Button className="field-input select-button">
        <SelectValue />
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </Button>
      <FieldError className="field-error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="menu">
          {options.map((o) => (
            <ListBoxItem key={o.id} id={o.id} className="menu-item">
              {o.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
