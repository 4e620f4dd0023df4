/**
 * Dates and times of places, always in the territory's time zone (the API's `timeZone`), never in
 * the browser's: a resident of Calais reading the page from abroad still sees Calais' hours.
 */
import type { Locale } from '../../i18n/locale.ts';

const tags: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** The local calendar date (ISO, `2026-03-03`) of an instant in a zone. */
export function localDate(iso: string | Date, timeZone: string): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Today's date in the zone. */
export function todayIn(timeZone: string): string {
  return localDate(new Date(), timeZone);
}

/** A calendar date moved by whole days (pure calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week of a date. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** Whether a text is an ISO calendar date. */
export function isIsoDate(text: string | null | undefined): text is string {
  return !!text && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

/** The zone's offset from UTC at an instant, in minutes (Paris: 60 in winter, 120 in summer). */
function offsetMinutes(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - at) / 60_000;
}

/**
 * The instant of a local date and time in the zone (`2026-03-29`, `09:30`). The offset is read
 * twice so that days of a daylight-saving change land on the right side of it.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  let at = wall - offsetMinutes(wall, timeZone) * 60_000;
  at = wall - offsetMinutes(at, timeZone) * 60_000;
  return new Date(at);
}

/** The start of a local day, as an instant. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return zonedInstant(date, '00:00', timeZone);
}

/** A time of day (« 09:30 »). */
export function formatClock(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(tags[locale], { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** A local date with its weekday (« mardi 3 mars 2026 »), from an ISO date. */
export function formatDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** A short local date with its weekday (« mar. 3 mars »), from an ISO date. */
export function formatShortDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** A calendar date alone (« 24 déc. 2026 »), from an ISO date. */
export function formatCalendarDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** A period between two instants (« mar. 3 mars 2026, 09:00 – 10:30 »), in the zone. */
export function formatPeriod(start: string, end: string, locale: Locale, timeZone: string): string {
  const f = new Intl.DateTimeFormat(tags[locale], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  return f.formatRange(new Date(start), new Date(end));
}

/** A duration in hours and minutes (« 1 h 30 »). */
export function formatDuration(minutes: number, locale: Locale): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (locale === 'fr') return h ? `${h} h${m ? ` ${String(m).padStart(2, '0')}` : ''}` : `${m} min`;
  return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}
