/**
 * Recurring bookings ("every Tuesday 9:00–11:00 until June"): a deliberately small subset of
 * RFC 5545 RRULE, validated here with clear errors and expanded by rrule-temporal into separate
 * occurrences, each of which the service stores and can cancel alone.
 *
 * Rules:
 * - FREQ is DAILY, WEEKLY or MONTHLY; INTERVAL, BYDAY (with an ordinal such as 1TU or -1FR for
 *   MONTHLY only), UNTIL and COUNT are the only other parts.
 * - UNTIL is a date (YYYYMMDD: occurrences starting on that local day are included), a UTC
 *   date-time (…Z) or a local date-time; UNTIL and COUNT together are refused (RFC 5545).
 * - A rule with neither UNTIL nor COUNT is expanded only up to `horizon` and refused without one.
 * - `horizon` caps every rule: occurrences starting after it are left out and `truncated` says so.
 * - More than `maxOccurrences` (200 by default) occurrences before the horizon is an error, not a
 *   silent cut.
 * - Occurrences keep the wall-clock start across DST changes (9:00 stays 9:00 in the
 *   territory's zone) and last exactly `durationMinutes` of real time. A start that does not
 *   exist or exists twice follows the `compatible` rule of zone.ts. The rule is expanded on
 *   wall-clock date-times, so no occurrence is dropped on the spring-forward night.
 */
import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import type { Locale } from '../../platform/i18n/locale.ts';
import { addMinutes, type TInterval } from '../../platform/time/intervals.ts';
import { isValidTimeZone, plainToInstant, toPlainDateTime, toZoned } from '../../platform/time/zone.ts';

export type TRecurrenceFrequency = 'DAILY' | 'WEEKLY' | 'MONTHLY';

export type TRecurrenceUntil = { kind: 'date'; date: string } | { kind: 'utc'; instant: Date } | { kind: 'local'; dateTime: string };

/** A validated rule; `formatRRule` writes it back in canonical form. */
export type TRecurrenceRule = {
  freq: TRecurrenceFrequency;
  interval: number;
  /** Weekday codes, possibly with an ordinal for MONTHLY: 'TU', '1TU', '-1FR'. */
  byDay: string[];
  count?: number;
  until?: TRecurrenceUntil;
};

export type TRecurrenceErrorCode =
  | 'rrule_invalid'
  | 'rrule_unsupported'
  | 'rrule_unbounded'
  | 'rrule_too_many'
  | 'rrule_empty'
  | 'recurrence_invalid_start'
  | 'recurrence_invalid_duration';

export type TRecurrenceError = {
  ok: false;
  code: TRecurrenceErrorCode;
  params: Record<string, string | number>;
  message: Record<Locale, string>;
};

export type TOccurrence = TInterval & {
  /** 0-based rank in the series. */
  index: number;
  /** The wall-clock start, 'YYYY-MM-DDTHH:MM', a stable key for the occurrence within its series. */
  localStart: string;
};

export type TRecurrenceInput = {
  /** e.g. 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630' (an 'RRULE:' prefix is accepted). */
  rrule: string;
  /** The first occurrence's wall-clock start in `zone`, 'YYYY-MM-DDTHH:MM' (like DTSTART). */
  start: string;
  durationMinutes: number;
  zone: string;
  maxOccurrences?: number;
  horizon?: Date;
};

export type TRecurrenceResult = { ok: true; occurrences: TOccurrence[]; truncated: boolean } | TRecurrenceError;

export const DEFAULT_MAX_OCCURRENCES = 200;

const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
const KNOWN_FREQUENCIES = ['YEARLY', 'HOURLY', 'MINUTELY', 'SECONDLY'];
const KNOWN_PARTS = [
  'BYMONTH',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYHOUR',
  'BYMINUTE',
  'BYSECOND',
  'BYSETPOS',
  'WKST',
  'RSCALE',
  'SKIP',
];
const BYDAY_RE = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;

const MESSAGES: Record<TRecurrenceErrorCode, Record<Locale, (p: Record<string, string | number>) => string>> = {
  rrule_invalid: {
    fr: (p) => `Règle de récurrence invalide : ${p.reason}.`,
    en: (p) => `Invalid recurrence rule: ${p.reason}.`,
  },
  rrule_unsupported: {
    fr: (p) => `« ${p.part} » n’est pas pris en charge : seules FREQ (DAILY, WEEKLY, MONTHLY), INTERVAL, BYDAY, UNTIL et COUNT le sont.`,
    en: (p) => `"${p.part}" is not supported: only FREQ (DAILY, WEEKLY, MONTHLY), INTERVAL, BYDAY, UNTIL and COUNT are.`,
  },
  rrule_unbounded: {
    fr: () => 'La récurrence doit avoir une fin (UNTIL ou COUNT).',
    en: () => 'The recurrence needs an end (UNTIL or COUNT).',
  },
  rrule_too_many: {
    fr: (p) => `La récurrence produit plus de ${p.max} occurrences.`,
    en: (p) => `The recurrence produces more than ${p.max} occurrences.`,
  },
  rrule_empty: {
    fr: () => 'La récurrence ne produit aucune occurrence.',
    en: () => 'The recurrence produces no occurrence.',
  },
  recurrence_invalid_start: {
    fr: () => 'Le début doit être une date et une heure locales (AAAA-MM-JJTHH:MM).',
    en: () => 'The start must be a local date and time (YYYY-MM-DDTHH:MM).',
  },
  recurrence_invalid_duration: {
    fr: () => 'La durée doit être un nombre entier positif de minutes.',
    en: () => 'The duration must be a positive whole number of minutes.',
  },
};

function failure(code: TRecurrenceErrorCode, params: Record<string, string | number> = {}): TRecurrenceError {
  return { ok: false, code, params, message: { fr: MESSAGES[code].fr(params), en: MESSAGES[code].en(params) } };
}

const invalid = (reason: string) => failure('rrule_invalid', { reason });

function positiveInteger(value: string, max: number): number | undefined {
  if (!/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

function parseUntil(value: string): TRecurrenceUntil | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, z] = m;
  try {
    const date = Temporal.PlainDate.from(`${y}-${mo}-${d}`, { overflow: 'reject' }).toString();
    if (h === undefined) return { kind: 'date', date };
    const dateTime = Temporal.PlainDateTime.from(`${date}T${h}:${mi}:${s}`, { overflow: 'reject' }).toString();
    return z ? { kind: 'utc', instant: new Date(`${dateTime}Z`) } : { kind: 'local', dateTime };
  } catch {
    return undefined;
  }
}

function parseByDay(value: string, freq: TRecurrenceFrequency): string[] | TRecurrenceError {
  const days: string[] = [];
  for (const token of value.split(',')) {
    const m = BYDAY_RE.exec(token);
    if (!m) return invalid(`BYDAY "${token}"`);
    if (m[1] !== undefined) {
      const n = Number(m[1]);
      if (freq !== 'MONTHLY') return invalid(`BYDAY "${token}" (an ordinal needs FREQ=MONTHLY)`);
      if (n === 0 || Math.abs(n) > 5) return invalid(`BYDAY "${token}" (ordinal from -5 to 5)`);
    }
    if (!days.includes(token)) days.push(token);
  }
  return days;
}

/** Validates an RRULE string against the supported subset (see the file's header). */
export function parseRRule(text: string): { ok: true; rule: TRecurrenceRule } | TRecurrenceError {
  const body = String(text ?? '')
    .trim()
    .replace(/^RRULE:/i, '');
  const parts = new Map<string, string>();
  for (const part of body.split(';').filter((p) => p !== '')) {
    const [key = '', value, ...rest] = part.split('=');
    const name = key.trim().toUpperCase();
    if (value === undefined || rest.length > 0 || value.trim() === '') return invalid(`"${part}" is not NAME=VALUE`);
    if (parts.has(name)) return invalid(`${name} given twice`);
    parts.set(name, value.trim().toUpperCase());
  }
  for (const name of parts.keys()) {
    if (KNOWN_PARTS.includes(name)) return failure('rrule_unsupported', { part: name });
    if (!['FREQ', 'INTERVAL', 'BYDAY', 'UNTIL', 'COUNT'].includes(name)) return invalid(`unknown part ${name}`);
  }
  const freq = parts.get('FREQ');
  if (!freq) return invalid('FREQ is missing');
  if (KNOWN_FREQUENCIES.includes(freq)) return failure('rrule_unsupported', { part: `FREQ=${freq}` });
  if (!(FREQUENCIES as readonly string[]).includes(freq)) return invalid(`FREQ "${freq}"`);
  const rule: TRecurrenceRule = { freq: freq as TRecurrenceFrequency, interval: 1, byDay: [] };
  const interval = parts.get('INTERVAL');
  if (interval !== undefined) {
    const n = positiveInteger(interval, 1000);
    if (n === undefined) return invalid(`INTERVAL "${interval}"`);
    rule.interval = n;
  }
  const byDay = parts.get('BYDAY');
  if (byDay !== undefined) {
    const days = parseByDay(byDay, rule.freq);
    if (!Array.isArray(days)) return days;
    rule.byDay = days;
  }
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count !== undefined && until !== undefined) return invalid('UNTIL and COUNT cannot be used together');
  if (count !== undefined) {
    const n = positiveInteger(count, 100_000);
    if (n === undefined) return invalid(`COUNT "${count}"`);
    rule.count = n;
  }
  if (until !== undefined) {
    const u = parseUntil(until);
    if (!u) return invalid(`UNTIL "${until}" (expected YYYYMMDD or YYYYMMDDTHHMMSSZ)`);
    rule.until = u;
  }
  return { ok: true, rule };
}

/** The canonical RRULE text of a rule (what to store and show), e.g. 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630'. */
export function formatRRule(rule: TRecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay.length > 0) parts.push(`BYDAY=${rule.byDay.join(',')}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until) parts.push(`UNTIL=${untilText(rule.until)}`);
  return parts.join(';');
}

function untilText(until: TRecurrenceUntil): string {
  const compact = (s: string) => s.replace(/[-:]/g, '').replace(/\.\d+$/, '');
  if (until.kind === 'date') return compact(until.date);
  if (until.kind === 'local') return compact(until.dateTime);
  return `${compact(until.instant.toISOString().slice(0, 19))}Z`;
}

/** The last wall-clock date-time an occurrence may start at, in the floating (UTC) frame of the expansion. */
function untilWallClock(until: TRecurrenceUntil, zone: string): Temporal.PlainDateTime {
  if (until.kind === 'date') return Temporal.PlainDate.from(until.date).toPlainDateTime({ hour: 23, minute: 59, second: 59 });
  if (until.kind === 'local') return Temporal.PlainDateTime.from(until.dateTime);
  return toZoned(until.instant, zone).toPlainDateTime();
}

function floatingRule(rule: TRecurrenceRule, zone: string): string {
  const parts = [`FREQ=${rule.freq}`, `INTERVAL=${rule.interval}`];
  if (rule.byDay.length > 0) parts.push(`BYDAY=${rule.byDay.join(',')}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until) parts.push(`UNTIL=${untilWallClock(rule.until, zone).toString().replace(/[-:]/g, '').slice(0, 15)}Z`);
  return parts.join(';');
}

/**
 * Expands a recurring booking into its occurrences (see the file's header for the rules).
 * Throws a RangeError only for an unknown time zone (the territory's, not user input).
 */
export function expandRecurrence(input: TRecurrenceInput): TRecurrenceResult {
  const { zone, durationMinutes, horizon } = input;
  const max = input.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES;
  if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone "${zone}"`);
  let start: Temporal.PlainDateTime;
  try {
    start = toPlainDateTime(input.start);
  } catch {
    return failure('recurrence_invalid_start');
  }
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) return failure('recurrence_invalid_duration');
  const parsed = parseRRule(input.rrule);
  if (!parsed.ok) return parsed;
  const { rule } = parsed;
  if (rule.count === undefined && rule.until === undefined && !horizon) return failure('rrule_unbounded');
  if (rule.count !== undefined && rule.count > max) return failure('rrule_too_many', { max });

  // Expanded in a floating frame (UTC standing for the wall clock), then placed in the zone.
  const dtstart = start.toZonedDateTime('UTC');
  const expander = new RRuleTemporal({ rruleString: floatingRule(rule, zone), dtstart, temporal: Temporal });
  const occurrences: TOccurrence[] = [];
  let truncated = false;
  let tooMany = false;
  expander.all((wall, index) => {
    const wallClock = wall.toPlainDateTime();
    const begin = plainToInstant(wallClock, zone, 'compatible');
    if (horizon && begin.getTime() > horizon.getTime()) {
      truncated = true;
      return false;
    }
    if (index >= max) {
      tooMany = true;
      return false;
    }
    occurrences.push({ index, start: begin, end: addMinutes(begin, durationMinutes), localStart: wallClock.toString().slice(0, 16) });
    return true;
  });
  if (tooMany) return failure('rrule_too_many', { max });
  if (occurrences.length === 0) return failure('rrule_empty');
  return { ok: true, occurrences, truncated };
}
