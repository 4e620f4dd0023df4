/** The languages of the interface; French is the default. */
export type Locale = 'fr' | 'en';

export const locales: readonly Locale[] = ['fr', 'en'];
const storageKey = 'totem.locale';
let current: Locale = readStoredLocale();

function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return stored === 'en' || stored === 'fr' ? stored : 'fr';
  } catch {
    return 'fr';
  }
}

/** The language in use, also read by the API client for `Accept-Language`. */
export function getLocale(): Locale {
  return current;
}

/** Switches language: remembered in this browser and announced on `<html lang>`. */
export function storeLocale(locale: Locale): void {
  current = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Private browsing may refuse storage: the choice then lasts until the page is closed.
  }
}
