import type { Locale } from './locale.ts';

const tags: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** A time of day to the second. */
export function formatTime(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(tags[locale], { timeStyle: 'medium', timeZone }).format(new Date(iso));
}

/** A short calendar date, for example « 23 nov. 2026 ». */
export function formatShortDate(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** A calendar date, for example « 23 novembre 2026 ». */
export function formatDate(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'long', timeZone }).format(new Date(iso));
}

/** A whole number with the language's digit grouping (« 1 234 »). */
export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(tags[locale]).format(n);
}
