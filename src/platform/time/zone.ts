/**
 * Calendar arithmetic in a territory's IANA time zone, never in the server's.
 *
 * Instants cross the boundaries as JS `Date` (UTC instants); dates and wall-clock times as
 * strings ('YYYY-MM-DD', 'HH:MM'). Inside, Temporal does the zone work, so the result is the
 * same whatever `process.env.TZ` is.
 */
import { Temporal } from 'temporal-polyfill';

/** A calendar date, 'YYYY-MM-DD'. */
export type TLocalDate = string;
/** A wall-clock time, 'HH:MM' (00:00 to 23:59, and '24:00' for the end of a day). */
export type TLocalTime = string;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type TIsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * How a wall-clock time that does not exist or exists twice becomes an instant.
 * - `compatible` (Temporal's and RFC 5545's rule): a time in the spring-forward gap is moved
 *   forward by the gap (02:30 on 2026-03-29 in Paris → 03:30 CEST); a time in the autumn
 *   fold is its first occurrence (02:30 on 2026-10-25 → 02:30 CEST, the earlier instant).
 * - `boundary`: like `compatible`, except that a time in the gap becomes the instant of the
 *   transition itself (02:00 CET = 03:00 CEST). This mapping never goes backwards, so an
 *   interval's bounds stay ordered: an opening "02:00-02:30" on the spring-forward night is empty.
 */
export type TWallClockRule = 'compatible' | 'boundary';

/** What an instant looks like on the territory's clocks. */
export type TZonedParts = {
  date: TLocalDate;
  time: TLocalTime;
  weekday: TIsoWeekday;
  /** Minutes since local midnight as shown on the clock (0 … 1439). */
  minuteOfDay: number;
  /** UTC offset in minutes at that instant (Paris: 60 in winter, 120 in summer). */
  offsetMinutes: number;
};

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** True when `zone` is an IANA time zone name known to the runtime (not a bare UTC offset). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || !/^[A-Za-z]/.test(zone)) return false;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** True for a real calendar date written 'YYYY-MM-DD' (2026-02-30 is refused). */
export function isLocalDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** True for 'HH:MM' from 00:00 to 24:00. */
export function isLocalTime(value: string): boolean {
  const m = TIME_RE.exec(value);
  return m !== null && (m[1] !== '24' || m[2] === '00');
}

/** Parses a 'YYYY-MM-DD' date; throws a RangeError on anything else. */
export function toPlainDate(date: TLocalDate): Temporal.PlainDate {
  if (!isLocalDate(date)) throw new RangeError(`Invalid date "${date}" (expected YYYY-MM-DD)`);
  return Temporal.PlainDate.from(date);
}

/** Parses 'YYYY-MM-DDTHH:MM' (seconds allowed) as a wall-clock date-time; throws a RangeError otherwise. */
export function toPlainDateTime(value: string): Temporal.PlainDateTime {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m?.[1] || !m[2] || !isLocalDate(m[1]) || !isLocalTime(m[2]) || m[2] === '24:00') {
    throw new RangeError(`Invalid local date-time "${value}" (expected YYYY-MM-DDTHH:MM)`);
  }
  return Temporal.PlainDateTime.from(value, { overflow: 'reject' });
}

/** Converts a Temporal instant-bearing value to a JS Date. */
export function toDate(value: Temporal.ZonedDateTime | Temporal.Instant): Date {
  return new Date(value.epochMilliseconds);
}

/** The instant's wall-clock reading in `zone`, as a Temporal value. */
export function toZoned(instant: Date, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone);
}

/**
 * The instant at which the wall clock of `zone` shows `dateTime`, resolving gaps and folds by
 * `rule` (see {@link TWallClockRule}).
 */
export function plainToInstant(dateTime: Temporal.PlainDateTime, zone: string, rule: TWallClockRule = 'compatible'): Date {
  const zoned = dateTime.toZonedDateTime(zone, { disambiguation: 'compatible' });
  if (rule === 'boundary' && !zoned.toPlainDateTime().equals(dateTime)) {
    // In the gap: the last instant before it is the transition itself.
    const before = dateTime.toZonedDateTime(zone, { disambiguation: 'earlier' });
    const transition = before.getTimeZoneTransition('next');
    if (transition) return toDate(transition);
  }
  return toDate(zoned);
}

/** The local calendar date in `zone` at the instant `now` ('YYYY-MM-DD'). */
export function todayIn(zone: string, now: Date): TLocalDate {
  return toZoned(now, zone).toPlainDate().toString();
}

/** `date` moved by `days` calendar days (negative to go back). */
export function addDays(date: TLocalDate, days: number): TLocalDate {
  return toPlainDate(date).add({ days }).toString();
}

/**
 * The first instant of the local day (midnight, or the first existing time where a zone skips
 * midnight).
 */
export function startOfDay(date: TLocalDate, zone: string): Date {
  return toDate(toPlainDate(date).toZonedDateTime({ timeZone: zone }));
}

/** The local day as a half-open range [start, end): 24 hours, 23 on spring-forward days, 25 in autumn. */
export function dayRange(date: TLocalDate, zone: string): { start: Date; end: Date } {
  return { start: startOfDay(date, zone), end: startOfDay(addDays(date, 1), zone) };
}

/** The ISO week (Monday to Sunday) containing `date`, as a half-open range of instants. */
export function weekRange(date: TLocalDate, zone: string): { start: Date; end: Date } {
  const day = toPlainDate(date);
  const monday = day.subtract({ days: day.dayOfWeek - 1 }).toString();
  return { start: startOfDay(monday, zone), end: startOfDay(addDays(monday, 7), zone) };
}

/**
 * The instant at which the clocks of `zone` show `time` on `date`. '24:00' is the next day's
 * midnight. Nonexistent and repeated times follow `rule`, by default `compatible` (see
 * {@link TWallClockRule}): 02:30 on 2026-03-29 in Paris is 03:30 CEST; 02:30 on 2026-10-25 is
 * the first one (CEST).
 */
export function zonedToInstant(date: TLocalDate, time: TLocalTime, zone: string, rule: TWallClockRule = 'compatible'): Date {
  if (!isLocalTime(time)) throw new RangeError(`Invalid time "${time}" (expected HH:MM)`);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const day = toPlainDate(date);
  const dateTime = hour === 24 ? day.add({ days: 1 }).toPlainDateTime() : day.toPlainDateTime({ hour, minute });
  return plainToInstant(dateTime, zone, rule);
}

/** How the clocks of `zone` read at `instant`: local date, 'HH:MM', ISO weekday, minute of day, offset. */
export function instantToZoned(instant: Date, zone: string): TZonedParts {
  const z = toZoned(instant, zone);
  return {
    date: z.toPlainDate().toString(),
    time: `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`,
    weekday: z.dayOfWeek as TIsoWeekday,
    minuteOfDay: z.hour * 60 + z.minute,
    offsetMinutes: Math.round(z.offsetNanoseconds / 60e9),
  };
}

/** What {@link formatInZone} prints: date and time, the date alone, or the time alone. */
export type TFormatStyle = 'dateTime' | 'date' | 'time';

const FULL_LOCALES: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };

function formatter(zone: string, locale: string, style: TFormatStyle): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { timeZone: zone };
  if (style !== 'time') options.dateStyle = 'full';
  if (style !== 'date') options.timeStyle = 'short';
  return new Intl.DateTimeFormat(FULL_LOCALES[locale] ?? locale, options);
}

/**
 * An instant written for people in `zone`, e.g. "mardi 3 mars 2026 à 09:00" (fr / fr-FR) or
 * "Tuesday, 3 March 2026 at 09:00" (en / en-GB). For e-mails and documents.
 */
export function formatInZone(instant: Date, zone: string, locale: string, style: TFormatStyle = 'dateTime'): string {
  return plainSpaces(formatter(zone, locale, style).format(instant));
}

/**
 * A range written for people in `zone`, sharing the date when both ends fall on the same day:
 * "mardi 3 mars 2026, 09:00 – 11:00" / "Tuesday, 3 March 2026, 09:00–11:00".
 */
export function formatRangeInZone(start: Date, end: Date, zone: string, locale: string): string {
  return plainSpaces(formatter(zone, locale, 'dateTime').formatRange(start, end));
}

// ICU versions differ in their thin and no-break spaces; plain spaces keep e-mails and tests stable.
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u2009\u202f]/g, ' ');
}
