/**
 * Amounts typed in euros the French way (« 12 500,50 », « 12500.5 € ») and sent in integer cents,
 * so that no float ever reaches the server.
 */
const spaces = /[\s\u00a0\u202f]/g;

/** Cents from what was typed; null for an empty field, NaN when it is not an amount. */
export function parseEuros(text: string, locale: 'fr' | 'en'): number | null {
  let cleaned = text.replace(spaces, '').replace(/€$/, '');
  // Thousands separators: a comma in English, a dot in French when a decimal comma follows.
  if (locale === 'en') cleaned = cleaned.replace(/,/g, '');
  else if (cleaned.includes(',')) cleaned = cleaned.replace(/\./g, '');
  if (cleaned === '') return null;
  const m = /^(\d+)(?:[,.](\d{1,2}))?$/.exec(cleaned);
  if (!m) return Number.NaN;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : Number.NaN;
}

/** Cents as the field shows them: « 12 500,50 » in French, « 12,500.50 » in English. */
export function formatEurosInput(cents: number, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: cents % 100 ? 2 : 0 }).format(cents / 100);
}

/** Cents as an amount with its currency (« 12 500,50 € »). */
export function formatEuros(cents: number, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A file size for people (« 2,5 Mo » / « 2.5 MB »). */
export function formatSize(bytes: number, locale: 'fr' | 'en'): string {
  const units = locale === 'fr' ? ['octets', 'Ko', 'Mo'] : ['bytes', 'KB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const n = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: unit ? 1 : 0 }).format(value);
  return `${n} ${units[unit]}`;
}
