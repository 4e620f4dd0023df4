import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Commune, placesPaths } from './places.api.ts';

export type CommuneFieldProps = {
  slug: string;
  label: string;
  description?: string;
  /** The chosen commune's INSEE code, or null. */
  value: string | null;
  onChange: (inseeCode: string | null) => void;
  errorMessage?: string;
};

/**
 * The commune a person lives in, among the territory's (React Aria ComboBox: type a few letters,
 * arrows move, Enter chooses). Living elsewhere is said by leaving it empty.
 */
export function CommuneField({ slug, label, description, value, onChange, errorMessage }: CommuneFieldProps) {
  const { t } = useI18n();
  const list = useApi<{ items: Commune[] }>(placesPaths.communes(slug));
  const items = list.status === 'ok' ? [...list.data.items].sort((a, b) => a.name.localeCompare(b.name, 'fr')) : [];
  return (
    <ComboBox
      defaultItems={items}
      selectedKey={value}
      onSelectionChange={(key) => onChange(key === null ? null : String(key))}
      allowsEmptyCollection
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className="field"
    >
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <div className="combo-box">
        <Input className="field-input combo-input" />
        <Button className="combo-button" aria-label={t.places.booking.showCommunes}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <FieldError className="field-error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="menu" renderEmptyState={() => <p className="menu-empty">{t.places.booking.noCommune}</p>}>
          {(c: Commune) => (
            <ListBoxItem id={c.inseeCode} textValue={c.name} className="menu-item">
              <span>{c.name}</span>
              <span className="menu-item-meta">{c.inseeCode}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
