import { useI18n } from '../i18n/i18n.tsx';
import type { Locale } from '../i18n/locale.ts';
import { Segmented } from '../ui/index.ts';

/** FR / EN: the choice is remembered in this browser and set on `<html lang>`. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  const options = [
    { id: 'fr', short: t.language.frShort, long: t.language.frLong, lang: 'fr' },
    { id: 'en', short: t.language.enShort, long: t.language.enLong, lang: 'en' },
  ];
  return <Segmented label={t.language.label} options={options} value={locale} onChange={(id) => setLocale(id as Locale)} />;
}
