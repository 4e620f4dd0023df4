import { useEffect, useState } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { apiRequest } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { callsPaths } from './calls.api.ts';

export type OrgRef = { id: string; name: string };

/**
 * Organisations whose name matches what was typed: the staff's directory for staff, the public
 * directory for others (the person's own organisations are offered before anything is typed; the
 * server checks the affiliation when the application starts).
 */
function useSearch(slug: string, text: string, staff: boolean, skip: boolean) {
  const [items, setItems] = useState<OrgRef[]>([]);
  useEffect(() => {
    if (skip) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const path = staff ? callsPaths.staffOrganizations(slug, text) : callsPaths.publicOrganizations(slug, text);
      apiRequest<Page<OrgRef>>(path, { signal: controller.signal })
        .then((page) => setItems(page.items.map((o) => ({ id: o.id, name: o.name }))))
        // A failed search keeps the previous suggestions; the start of the application reports real errors.
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [slug, text, staff, skip]);
  return items;
}

export type OrganizationChoiceProps = {
  slug: string;
  staff: boolean;
  /** The person's organisations and those they applied for: offered before anything is typed. */
  known: OrgRef[];
  value: OrgRef | null;
  onChange: (value: OrgRef | null) => void;
  errorMessage?: string;
};

/** Chooses the organisation the person represents (React Aria ComboBox: type, arrows, Enter). */
export function OrganizationChoice({ slug, staff, known, value, onChange, errorMessage }: OrganizationChoiceProps) {
  const { t } = useI18n();
  const a = t.calls.apply;
  const [text, setText] = useState(value?.name ?? '');
  const found = useSearch(slug, text, staff, Boolean(value && value.name === text));
  const offered = text.trim() ? found : [...known, ...found.filter((o) => !known.some((k) => k.id === o.id))];
  // The chosen organisation stays in the list: React Aria empties the field on blur when the
  // selected key is missing from the collection (a known organisation is not among the search's hits).
  const items = value && !offered.some((o) => o.id === value.id) ? [value, ...offered] : offered;
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
      menuTrigger="focus"
      isRequired
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className="field"
    >
      <Label className="field-label">{a.organization}</Label>
      <Text slot="description" className="field-hint">
        {a.organizationHint}
      </Text>
      <div className="combo-box">
        <Input className="field-input combo-input" />
        <Button className="combo-button" aria-label={a.showOrganizations}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <FieldError className="field-error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="menu" renderEmptyState={() => <p className="menu-empty">{a.noOrganization}</p>}>
          {(o: OrgRef) => (
            <ListBoxItem id={o.id} textValue={o.name} className="menu-item">
              {o.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
