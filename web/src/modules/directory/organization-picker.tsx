import { useEffect, useState } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { apiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { directoryPaths, type Organization, type OrgRef, type SearchPage } from './directory.api.ts';

export type OrganizationPickerProps = {
  slug: string;
  label: string;
  value: OrgRef | null;
  onChange: (organization: OrgRef | null) => void;
  /** An organisation never offered (the one being edited: it cannot be related to itself). */
  excludeId?: string;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
};

/** Staff organisations whose name matches what was typed, fetched a moment after typing stops. */
function useOrganizationSearch(slug: string, text: string, skip: boolean, excludeId?: string) {
  const [items, setItems] = useState<OrgRef[]>([]);
  useEffect(() => {
    if (skip) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const query = `?${new URLSearchParams({ ...(text.trim() ? { q: text.trim() } : {}), pageSize: '20' })}`;
      apiRequest<SearchPage<Organization>>(directoryPaths.staffOrganizations(slug, query), { signal: controller.signal })
        .then((page) => setItems(page.items.filter((o) => o.id !== excludeId).map((o) => ({ id: o.id, name: o.name, kind: o.kind }))))
        // A failed search leaves the previous suggestions: the field stays usable and the form reports the real error.
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [slug, text, skip, excludeId]);
  return items;
}

/**
 * Chooses an organisation of the directory by typing part of its name (React Aria ComboBox: arrows
 * move through the suggestions, Enter chooses, Escape closes). Only a chosen suggestion counts.
 */
export function OrganizationPicker({
  slug,
  label,
  value,
  onChange,
  excludeId,
  description,
  errorMessage,
  isRequired,
}: OrganizationPickerProps) {
  const { t } = useI18n();
  const d = t.directory;
  const [text, setText] = useState(value?.name ?? '');
  const items = useOrganizationSearch(slug, text, Boolean(value && value.name === text), excludeId);
  return (
    <ComboBox
      items={items}
      inputValue={text}
      onInputChange={(next) => {
        setText(next);
        if (value && next !== value.name) onChange(null);
      }}
      selectedKey={value?.id ?? null}
      onSelectionChange={(key) => {
        const chosen = items.find((o) => o.id === key) ?? null;
        onChange(chosen);
        if (chosen) setText(chosen.name);
      }}
      allowsEmptyCollection
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
      <div className="combo-box">
        <Input className="field-input combo-input" />
        <Button className="combo-button" aria-label={d.picker.show}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <FieldError className="field-error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="menu" renderEmptyState={() => <p className="menu-empty">{d.picker.empty}</p>}>
          {(o: OrgRef) => (
            <ListBoxItem id={o.id} textValue={o.name} className="menu-item">
              <span>{o.name}</span>
              <span className="menu-item-meta">{d.kinds[o.kind] ?? o.kind}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
