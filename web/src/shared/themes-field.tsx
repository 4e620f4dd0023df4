import type { Theme } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CheckboxGroup } from '../ui/index.ts';

export type ThemesFieldProps = {
  label: string;
  description?: string;
  themes: Theme[];
  value: string[];
  onChange: (slugs: string[]) => void;
  errorMessage?: string | undefined;
  /** Shown instead when the territory has no themes. */
  empty: string;
};

/** The territory's themes as checkboxes in columns, named in the interface's language. */
export function ThemesField({ label, description, themes, value, onChange, errorMessage, empty }: ThemesFieldProps) {
  const { locale } = useI18n();
  if (themes.length === 0) return <p className="muted">{empty}</p>;
  return (
    <CheckboxGroup
      label={label}
      description={description}
      columns
      value={value}
      onChange={onChange}
      options={themes.map((th) => ({ id: th.slug, label: locale === 'en' ? th.labelEn : th.labelFr }))}
      errorMessage={errorMessage}
    />
  );
}
