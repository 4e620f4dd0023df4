import type { Key } from 'react-aria-components';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';

export type SegmentedOption = { id: string; short: string; long: string; lang?: string };

export type SegmentedProps = { label: string; options: SegmentedOption[]; value: string; onChange: (id: string) => void };

/**
 * A group of toggle buttons of which exactly one is pressed (React Aria). Each button shows a
 * short text and says the long one to assistive technologies (its name starts with the short one).
 */
export function Segmented({ label, options, value, onChange }: SegmentedProps) {
  const change = (keys: Set<Key>) => {
    const [first] = keys;
    if (first !== undefined) onChange(String(first));
  };
  return (
    <ToggleButtonGroup
      aria-label={label}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[value]}
      onSelectionChange={change}
      className="segmented"
    >
      {options.map((o) => (
        <ToggleButton key={o.id} id={o.id} lang={o.lang} className="segmented-item">
          <span aria-hidden="true">{o.short}</span>
          <span className="sr-only">{`${o.short} – ${o.long}`}</span>
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
