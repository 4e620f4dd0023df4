/**
 * Opening hours in OpenStreetMap `opening_hours` syntax ("Mo-Fr 09:00-18:00; PH off"), evaluated
 * in the territory's time zone whatever the server's zone is.
 *
 * opening_hours.js reads and builds dates through the local-time methods of `Date`
 * (`getHours`, `new Date(y, m, d, h, min)`), that is in the server's zone. Rather than depend on
 * `process.env.TZ`, the library is loaded with a `Date` whose "local" methods are its UTC ones:
 * it then computes on wall-clock readings with no daylight-saving time of its own, and each
 * wall-clock bound is turned into an instant here, in the territory's zone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compileFunction } from 'node:vm';
import type { opening_hours as OpeningHours, optional_conf } from 'opening_hours';
import { Temporal } from 'temporal-polyfill';
import type { Locale } from '../../platform/i18n/locale.ts';
import { clampIntervals, coversInterval, mergeIntervals, subtractIntervals, type TInterval } from '../../platform/time/intervals.ts';
import { plainToInstant, toZoned } from '../../platform/time/zone.ts';

/** Where public holidays (`PH`) and school holidays (`SH`) come from: a country and, for some, a region. */
export type THolidayRegion = {
  /** ISO 3166-1 alpha-2, lower case: 'fr'. */
  countryCode: string;
  /** A state known to opening_hours.js, e.g. 'Moselle' (Alsace-Moselle holidays) or 'La Réunion'; '' for none. */
  state?: string;
};

/** Metropolitan France: the eleven national public holidays. */
export const FRANCE: THolidayRegion = { countryCode: 'fr', state: '' };

export type TOpeningHoursErrorCode =
  | 'opening_hours_empty'
  | 'opening_hours_too_long'
  | 'opening_hours_variable_time'
  | 'opening_hours_invalid';

export type TOpeningHoursCheck =
  | { ok: true; value: string; warnings: string[] }
  | { ok: false; code: TOpeningHoursErrorCode; message: Record<Locale, string> };

/** OpenStreetMap limits tag values to 255 characters. */
export const OPENING_HOURS_MAX_LENGTH = 255;

// sunrise/sunset are computed by the library from real instants, which the wall-clock evaluation
// cannot honour; a tiers-lieu's hours are set by people anyway.
const VARIABLE_TIME_RE = /\b(sunrise|sunset|dawn|dusk)\b/i;

const FIXED_MESSAGES: Record<Exclude<TOpeningHoursErrorCode, 'opening_hours_invalid'>, Record<Locale, string>> = {
  opening_hours_empty: { fr: 'Les horaires d’ouverture sont vides.', en: 'The opening hours are empty.' },
  opening_hours_too_long: {
    fr: `Les horaires d’ouverture dépassent ${OPENING_HOURS_MAX_LENGTH} caractères.`,
    en: `The opening hours exceed ${OPENING_HOURS_MAX_LENGTH} characters.`,
  },
  opening_hours_variable_time: {
    fr: 'Les heures variables (lever ou coucher du soleil) ne sont pas prises en charge : indiquez des heures fixes.',
    en: 'Variable times (sunrise, sunset, dawn, dusk) are not supported: give fixed times.',
  },
};

/**
 * Validates an opening_hours value. On success returns it trimmed with the library's warnings
 * (in `locale`); on failure a stable code and a message in French and English that quotes the
 * library's own explanation (it points at the faulty token).
 */
export function parseOpeningHours(value: string, locale: Locale = 'fr', region: THolidayRegion = FRANCE): TOpeningHoursCheck {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  const refused = precheck(trimmed);
  if (refused) return { ok: false, code: refused, message: FIXED_MESSAGES[refused] };
  try {
    const oh = construct(trimmed, region, locale);
    return { ok: true, value: trimmed, warnings: oh.getWarnings() };
  } catch {
    return {
      ok: false,
      code: 'opening_hours_invalid',
      message: {
        fr: `Horaires d’ouverture invalides : ${libraryError(trimmed, region, 'fr')}`,
        en: `Invalid opening hours: ${libraryError(trimmed, region, 'en')}`,
      },
    };
  }
}

/** The refusals decided before the library is asked. */
function precheck(trimmed: string): keyof typeof FIXED_MESSAGES | null {
  if (trimmed === '') return 'opening_hours_empty';
  if (trimmed.length > OPENING_HOURS_MAX_LENGTH) return 'opening_hours_too_long';
  if (VARIABLE_TIME_RE.test(trimmed)) return 'opening_hours_variable_time';
  return null;
}

export type TOpenIntervalsOptions = {
  /** Exceptional closures (works, holidays of the place…), removed from the result. */
  closures?: readonly TInterval[];
  /** Public holidays used by `PH`; metropolitan France by default. */
  region?: THolidayRegion;
};

/**
 * The instants between `from` and `to` during which the place is open, merged (contiguous
 * ranges such as "08:00-12:00,12:00-18:00" or the two halves of "Fr 20:00-02:00" become one) and
 * minus `closures`. Ranges whose state is "unknown" in the syntax count as closed: they cannot
 * be booked.
 *
 * Wall-clock bounds become instants with the `boundary` rule of zone.ts: "Mo-Su 00:00-24:00"
 * gives 23 hours on 2026-03-29 and 25 hours on 2026-10-25 in Paris; a bound in the
 * spring-forward gap falls on the transition; a bound in the autumn fold is its first occurrence.
 *
 * Throws a RangeError when `value` is not valid (validate it with {@link parseOpeningHours} on write).
 */
export function openIntervals(value: string, zone: string, from: Date, to: Date, options: TOpenIntervalsOptions = {}): TInterval[] {
  if (to.getTime() <= from.getTime()) return [];
  const oh = compiled(value, options.region ?? FRANCE);
  // A day of margin each side: the clamp below works on instants, the library on wall clocks.
  const wallFrom = toZoned(from, zone).toPlainDateTime().subtract({ days: 1 });
  const wallTo = toZoned(to, zone).toPlainDateTime().add({ days: 1 });
  const open: TInterval[] = [];
  for (const [start, end, unknown] of oh.getOpenIntervals(toWallClockDate(wallFrom), toWallClockDate(wallTo))) {
    if (unknown) continue;
    open.push({
      start: plainToInstant(fromWallClockDate(start), zone, 'boundary'),
      end: plainToInstant(fromWallClockDate(end), zone, 'boundary'),
    });
  }
  return subtractIntervals(clampIntervals(mergeIntervals(open), from, to), options.closures ?? []);
}

/**
 * True when the place is open for the whole of [start, end): the interval lies inside one
 * merged opening interval and touches no closure.
 */
export function isOpenDuring(
  value: string,
  zone: string,
  start: Date,
  end: Date,
  closures: readonly TInterval[] = [],
  region: THolidayRegion = FRANCE,
): boolean {
  if (end.getTime() <= start.getTime()) return false;
  return coversInterval(openIntervals(value, zone, start, end, { closures, region }), start, end);
}

/* ------------------------------------------------------------------------------------------ */
/* The library, loaded with a wall-clock Date                                                 */
/* ------------------------------------------------------------------------------------------ */

/** A Date whose local-time methods are its UTC ones: the library sees wall clocks without DST. */
class WallClockDate extends Date {
  constructor(...args: unknown[]) {
    if (args.length > 1) super(Date.UTC(...(args as [number, number])));
    else if (args.length === 1) super(args[0] as number);
    else super();
  }
  override getFullYear() {
    return this.getUTCFullYear();
  }
  override getMonth() {
    return this.getUTCMonth();
  }
  override getDate() {
    return this.getUTCDate();
  }
  override getDay() {
    return this.getUTCDay();
  }
  override getHours() {
    return this.getUTCHours();
  }
  override getMinutes() {
    return this.getUTCMinutes();
  }
  override getSeconds() {
    return this.getUTCSeconds();
  }
  override getMilliseconds() {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset() {
    return 0;
  }
  override setFullYear(...args: [number, number?, number?]) {
    return this.setUTCFullYear(...(args as [number]));
  }
  override setMonth(...args: [number, number?]) {
    return this.setUTCMonth(...(args as [number]));
  }
  override setDate(date: number) {
    return this.setUTCDate(date);
  }
  override setHours(...args: [number, number?, number?, number?]) {
    return this.setUTCHours(...(args as [number]));
  }
  override setMinutes(...args: [number, number?, number?]) {
    return this.setUTCMinutes(...(args as [number]));
  }
  override toLocaleString(locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) {
    return super.toLocaleString(locales, { ...options, timeZone: 'UTC' });
  }
}

type TOpeningHoursClass = new (value: string, nominatim: object, conf: Partial<optional_conf>) => OpeningHours;

let engine: TOpeningHoursClass | undefined;

/** Loads opening_hours.js (its CommonJS build) with `Date` bound to {@link WallClockDate}. */
function library(): TOpeningHoursClass {
  if (engine) return engine;
  const require = createRequire(import.meta.url);
  const filename = require.resolve('opening_hours');
  const factory = compileFunction(readFileSync(filename, 'utf8'), ['exports', 'require', 'module', 'Date'], { filename });
  const module = { exports: {} as unknown };
  factory.call(module.exports, module.exports, require, module, WallClockDate);
  engine = module.exports as TOpeningHoursClass;
  return engine;
}

function construct(value: string, region: THolidayRegion, locale: string): OpeningHours {
  // lat/lon only serve sunrise and sunset, which are refused; the country and state give PH and SH.
  const nominatim = { lat: 0, lon: 0, address: { country_code: region.countryCode, state: region.state ?? '' } };
  return new (library())(value, nominatim, { mode: 0, tag_key: 'opening_hours', locale, warnings_severity: 4 });
}

function libraryError(value: string, region: THolidayRegion, locale: Locale): string {
  try {
    construct(value, region, locale);
    return '';
  } catch (err) {
    return String(err instanceof Error ? err.message : err).trim();
  }
}

const cache = new Map<string, OpeningHours>();
const CACHE_SIZE = 500;

/** A parsed value, cached: places are few and evaluated often. */
function compiled(value: string, region: THolidayRegion): OpeningHours {
  const key = `${region.countryCode}|${region.state ?? ''}|${value}`;
  let oh = cache.get(key);
  if (!oh) {
    const trimmed = value.trim();
    const refused = precheck(trimmed);
    if (refused) throw new RangeError(FIXED_MESSAGES[refused].en);
    try {
      oh = construct(trimmed, region, 'en');
    } catch {
      throw new RangeError(`Invalid opening hours: ${libraryError(trimmed, region, 'en')}`);
    }
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, oh);
  }
  return oh;
}

function toWallClockDate(dateTime: Temporal.PlainDateTime): Date {
  return new WallClockDate(dateTime.toZonedDateTime('UTC').epochMilliseconds);
}

function fromWallClockDate(date: Date): Temporal.PlainDateTime {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO('UTC').toPlainDateTime();
}
