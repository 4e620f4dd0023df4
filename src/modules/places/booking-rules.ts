/**
 * A resource's booking rules and the pure checks of a requested booking against them. The
 * service gathers the facts (now, the territory's zone, opening hours, closures, minutes
 * already booked) and turns the violations into a 422 with field errors.
 */
import type { Locale } from '../../platform/i18n/locale.ts';
import { addMinutes, intervalsOverlap, type TInterval } from '../../platform/time/intervals.ts';
import { addDays, dayRange, instantToZoned, todayIn, weekRange } from '../../platform/time/zone.ts';
import { isOpenDuring, type THolidayRegion } from './opening-hours.ts';

/**
 * Per-resource rules; every field is optional and {@link DEFAULT_BOOKING_RULES} fills the gaps.
 * Durations are in minutes of real time; a quota of `null` means no quota.
 */
export type TBookingRules = {
  /** Shortest booking. Default 30. */
  minDurationMinutes?: number;
  /** Longest booking. Default 480 (8 h). */
  maxDurationMinutes?: number;
  /** Start and end must fall on this grid, counted on the clock from local midnight. Default 30. */
  granularityMinutes?: number;
  /** The start's local date may be at most this many days after today. Default 90. */
  maxAdvanceDays?: number;
  /** The start must be at least this many minutes after now. Default 0. */
  leadTimeMinutes?: number;
  /** Cancelling or moving is possible until this many minutes before the start. Default 120. */
  cancellationDeadlineMinutes?: number;
  /** Time kept free after each booking (cleaning, cooling a machine). Default 0. */
  bufferMinutes?: number;
  /** Minutes one person (or organisation, see `quotaScope`) may book per local day. Default null. */
  dailyQuotaMinutes?: number | null;
  /** Minutes per ISO week (Monday to Sunday, local). Default null. */
  weeklyQuotaMinutes?: number | null;
  /** Whom the quotas count for. Default 'person'. */
  quotaScope?: 'person' | 'organization';
  /** When true a booking waits for a manager's approval; otherwise it is confirmed at once. Default false. */
  requiresApproval?: boolean;
  /** Minutes after the start a booking waits to be checked in, then is released as a no-show. Default null (never). */
  checkInGraceMinutes?: number | null;
};

export type TResolvedBookingRules = Required<TBookingRules>;

export const DEFAULT_BOOKING_RULES: TResolvedBookingRules = {
  minDurationMinutes: 30,
  maxDurationMinutes: 480,
  granularityMinutes: 30,
  maxAdvanceDays: 90,
  leadTimeMinutes: 0,
  cancellationDeadlineMinutes: 120,
  bufferMinutes: 0,
  dailyQuotaMinutes: null,
  weeklyQuotaMinutes: null,
  quotaScope: 'person',
  requiresApproval: false,
  checkInGraceMinutes: null,
};

/** The rules with defaults applied (`undefined` fields take the default; `null` quotas stay off). */
export function resolveBookingRules(rules: TBookingRules = {}): TResolvedBookingRules {
  const resolved = { ...DEFAULT_BOOKING_RULES };
  for (const [key, value] of Object.entries(rules)) {
    if (value !== undefined) (resolved as Record<string, unknown>)[key] = value;
  }
  return resolved;
}

export type TBookingViolationCode =
  | 'booking_invalid_interval'
  | 'booking_in_past'
  | 'booking_too_short'
  | 'booking_too_long'
  | 'booking_misaligned'
  | 'booking_lead_time'
  | 'booking_too_far_ahead'
  | 'booking_outside_opening_hours'
  | 'booking_daily_quota'
  | 'booking_weekly_quota';

/** One broken rule, with the numbers a message needs. */
export type TBookingViolation = { code: TBookingViolationCode; params: Record<string, number | string> };

export type TBookingContext = {
  now: Date;
  /** The territory's IANA zone. */
  zone: string;
  /** The opening hours that apply (the resource's or its place's); null or absent: always open. */
  openingHours?: string | null;
  closures?: readonly TInterval[];
  region?: THolidayRegion;
  /**
   * Minutes the same person (or organisation) already holds in the day and the week of the
   * request's start (see {@link quotaWindow}), not counting the booking being moved.
   */
  bookedMinutes?: { day?: number; week?: number };
  /** Whose minutes `bookedMinutes` counts, for the message: the person's (default) or their organisation's. */
  quotaHolder?: 'person' | 'organization';
};

const MINUTE = 60_000;

/**
 * Every rule the request breaks, in a stable order; an empty list means acceptable. Capacity
 * and overlaps with other bookings are the database's business (exclusion constraint or
 * counted under a lock), not checked here. The buffer does not have to fit in the opening hours.
 */
export function checkBooking(request: TInterval, rules: TBookingRules, context: TBookingContext): TBookingViolation[] {
  const r = resolveBookingRules(rules);
  const { start, end } = request;
  const length = (end.getTime() - start.getTime()) / MINUTE;
  if (!(length > 0) || !Number.isInteger(length)) return [{ code: 'booking_invalid_interval', params: {} }];
  const v: TBookingViolation[] = [];
  const now = context.now.getTime();
  if (start.getTime() < now) v.push({ code: 'booking_in_past', params: {} });
  else if (start.getTime() < now + r.leadTimeMinutes * MINUTE)
    v.push({ code: 'booking_lead_time', params: { minutes: r.leadTimeMinutes } });
  const lastDate = addDays(todayIn(context.zone, context.now), r.maxAdvanceDays);
  if (instantToZoned(start, context.zone).date > lastDate)
    v.push({ code: 'booking_too_far_ahead', params: { days: r.maxAdvanceDays, lastDate } });
  if (length < r.minDurationMinutes) v.push({ code: 'booking_too_short', params: { minutes: r.minDurationMinutes } });
  if (length > r.maxDurationMinutes) v.push({ code: 'booking_too_long', params: { minutes: r.maxDurationMinutes } });
  if (!isAligned(start, context.zone, r.granularityMinutes) || !isAligned(end, context.zone, r.granularityMinutes)) {
    v.push({ code: 'booking_misaligned', params: { minutes: r.granularityMinutes } });
  }
  if (context.openingHours && !isOpenDuring(context.openingHours, context.zone, start, end, context.closures ?? [], context.region)) {
    v.push({ code: 'booking_outside_opening_hours', params: {} });
  } else if (!context.openingHours && context.closures?.some((c) => intervalsOverlap(c, request))) {
    v.push({ code: 'booking_outside_opening_hours', params: {} });
  }
  const holder = context.quotaHolder ?? 'person';
  if (exceedsQuota(context.bookedMinutes?.day ?? 0, length, r.dailyQuotaMinutes)) {
    v.push({ code: 'booking_daily_quota', params: { minutes: r.dailyQuotaMinutes ?? 0, booked: context.bookedMinutes?.day ?? 0, holder } });
  }
  if (exceedsQuota(context.bookedMinutes?.week ?? 0, length, r.weeklyQuotaMinutes)) {
    v.push({
      code: 'booking_weekly_quota',
      params: { minutes: r.weeklyQuotaMinutes ?? 0, booked: context.bookedMinutes?.week ?? 0, holder },
    });
  }
  return v;
}

/**
 * True when the instant falls on the slot grid: whole minutes, and minutes since local
 * midnight as read on the clock a multiple of the granularity (so 10:30 is on a 30-minute grid
 * on DST days too).
 */
export function isAligned(instant: Date, zone: string, granularityMinutes: number): boolean {
  if (instant.getTime() % MINUTE !== 0) return false;
  return instantToZoned(instant, zone).minuteOfDay % granularityMinutes === 0;
}

/** The first status of a new booking: confirmed at once unless the resource requires approval. */
export function initialStatus(rules: TBookingRules): 'confirmed' | 'pending' {
  return resolveBookingRules(rules).requiresApproval ? 'pending' : 'confirmed';
}

/** The last instant at which a booking starting at `start` may be cancelled or moved. */
export function cancellationDeadline(start: Date, rules: TBookingRules): Date {
  return addMinutes(start, -resolveBookingRules(rules).cancellationDeadlineMinutes);
}

/** True while the booking may still be cancelled or moved by its holder (staff are not bound by this). */
export function canCancel(booking: { start: Date }, rules: TBookingRules, now: Date): boolean {
  return now.getTime() <= cancellationDeadline(booking.start, rules).getTime();
}

/**
 * The time a booking blocks: its slot plus the buffer after it. Two blocked ranges that do not
 * overlap are at least `bufferMinutes` apart, so this is the range to store and constrain
 * (`EXCLUDE USING gist (resource_id WITH =, blocked WITH &&)`) and to test for conflicts.
 */
export function withBuffer(start: Date, end: Date, bufferMinutes: number): TInterval {
  return { start, end: addMinutes(end, Math.max(0, bufferMinutes)) };
}

/**
 * The local day or ISO week (Monday 00:00 to Monday 00:00, in `zone`) containing `start`. A
 * booking counts wholly towards the window its start falls in, so the service sums the
 * durations of the holder's active bookings whose start lies in [window.start, window.end).
 */
export function quotaWindow(kind: 'day' | 'week', start: Date, zone: string): TInterval {
  const date = instantToZoned(start, zone).date;
  return kind === 'day' ? dayRange(date, zone) : weekRange(date, zone);
}

/** True when adding `requestedMinutes` to `alreadyMinutes` goes over the quota (`null`: no quota). */
export function exceedsQuota(alreadyMinutes: number, requestedMinutes: number, quotaMinutes: number | null | undefined): boolean {
  if (quotaMinutes === null || quotaMinutes === undefined) return false;
  return alreadyMinutes + requestedMinutes > quotaMinutes;
}

/**
 * The price of a booking in euro cents: `flatCents` plus the hourly rate pro rata of the real
 * duration in whole minutes, rounded up to the next cent once, on the total (so 20 minutes at
 * 1 000 c/h is 334 c). Integer arithmetic throughout (BigInt), no floating-point error.
 * Throws a RangeError for negative or non-integer amounts or a non-positive duration.
 */
export function priceCents(input: { start: Date; end: Date; hourlyRateCents: number; flatCents?: number }): number {
  const { hourlyRateCents, flatCents = 0 } = input;
  const ms = input.end.getTime() - input.start.getTime();
  if (!(ms > 0)) throw new RangeError('The booking must end after it starts');
  if (!Number.isSafeInteger(hourlyRateCents) || hourlyRateCents < 0 || !Number.isSafeInteger(flatCents) || flatCents < 0) {
    throw new RangeError('Amounts must be non-negative whole numbers of cents');
  }
  const minutes = BigInt(Math.ceil(ms / MINUTE));
  const prorata = (BigInt(hourlyRateCents) * minutes + 59n) / 60n;
  return Number(prorata + BigInt(flatCents));
}

/**
 * The most units used at any instant of `window` by `bookings` (their blocked ranges, see
 * {@link withBuffer}), for resources with a capacity above one (desks of a coworking space):
 * the request fits when `peakUnits(others, request) + request.units <= capacity`. Count under a
 * lock on the resource row so that two requests cannot both see the last unit free.
 */
export function peakUnits(bookings: readonly (TInterval & { units: number })[], window: TInterval): number {
  const events: [number, number][] = [];
  for (const b of bookings) {
    if (!intervalsOverlap(b, window)) continue;
    events.push([Math.max(b.start.getTime(), window.start.getTime()), b.units]);
    events.push([Math.min(b.end.getTime(), window.end.getTime()), -b.units]);
  }
  // At equal instants releases come first: a booking ending at 10:00 frees its unit for one starting at 10:00.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let used = 0;
  let peak = 0;
  for (const [, delta] of events) {
    used += delta;
    peak = Math.max(peak, used);
  }
  return peak;
}

// An organisation's quota is shared by all who book on its behalf: say so, or the person would look for their own bookings.
const quotaFr = (p: Record<string, number | string>, per: string) =>
  p.holder === 'organization'
    ? `Le quota de votre organisation, ${p.minutes} minutes par ${per}, serait dépassé (${p.booked} déjà réservées par ses membres).`
    : `Le quota de ${p.minutes} minutes par ${per} serait dépassé (${p.booked} déjà réservées).`;
const quotaEn = (p: Record<string, number | string>, per: string) =>
  p.holder === 'organization'
    ? `Your organisation's quota of ${p.minutes} minutes a ${per} would be exceeded (${p.booked} already booked by its members).`
    : `The quota of ${p.minutes} minutes a ${per} would be exceeded (${p.booked} already booked).`;

const VIOLATION_MESSAGES: Record<TBookingViolationCode, Record<Locale, (p: Record<string, number | string>) => string>> = {
  booking_invalid_interval: {
    fr: () => 'La fin doit suivre le début, en minutes entières.',
    en: () => 'The end must come after the start, in whole minutes.',
  },
  booking_in_past: { fr: () => 'Le créneau est déjà passé.', en: () => 'The slot is in the past.' },
  booking_too_short: {
    fr: (p) => `La réservation doit durer au moins ${p.minutes} minutes.`,
    en: (p) => `A booking lasts at least ${p.minutes} minutes.`,
  },
  booking_too_long: {
    fr: (p) => `La réservation ne peut dépasser ${p.minutes} minutes.`,
    en: (p) => `A booking lasts at most ${p.minutes} minutes.`,
  },
  booking_misaligned: {
    fr: (p) => `Le début et la fin doivent tomber sur des créneaux de ${p.minutes} minutes.`,
    en: (p) => `The start and end must fall on ${p.minutes}-minute slots.`,
  },
  booking_lead_time: {
    fr: (p) => `Réservez au moins ${p.minutes} minutes à l’avance.`,
    en: (p) => `Book at least ${p.minutes} minutes in advance.`,
  },
  booking_too_far_ahead: {
    fr: (p) => `On ne peut réserver plus de ${p.days} jours à l’avance (jusqu’au ${p.lastDate}).`,
    en: (p) => `Bookings open at most ${p.days} days ahead (until ${p.lastDate}).`,
  },
  booking_outside_opening_hours: {
    fr: () => 'Le créneau déborde des horaires d’ouverture ou tombe pendant une fermeture.',
    en: () => 'The slot is outside the opening hours or during a closure.',
  },
  booking_daily_quota: {
    fr: (p) => quotaFr(p, 'jour'),
    en: (p) => quotaEn(p, 'day'),
  },
  booking_weekly_quota: {
    fr: (p) => quotaFr(p, 'semaine'),
    en: (p) => quotaEn(p, 'week'),
  },
};

/** A violation in words, for field errors and e-mails. */
export function describeViolation(violation: TBookingViolation, locale: Locale): string {
  return VIOLATION_MESSAGES[violation.code][locale](violation.params);
}
