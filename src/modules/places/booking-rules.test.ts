import { describe, expect, it } from 'vitest';
import { zonedToInstant } from '../../platform/time/zone.ts';
import {
  canCancel,
  cancellationDeadline,
  checkBooking,
  DEFAULT_BOOKING_RULES,
  describeViolation,
  exceedsQuota,
  initialStatus,
  isAligned,
  peakUnits,
  priceCents,
  quotaWindow,
  resolveBookingRules,
  type TBookingContext,
  withBuffer,
} from './booking-rules.ts';

const PARIS = 'Europe/Paris';
const paris = (date: string, time: string) => zonedToInstant(date, time, PARIS);
const slot = (date: string, from: string, to: string) => ({ start: paris(date, from), end: paris(date, to) });
const codes = (list: { code: string }[]) => list.map((v) => v.code);
const now = paris('2026-03-02', '08:00'); // a Monday
const ctx: TBookingContext = { now, zone: PARIS };

describe('resolveBookingRules', () => {
  it('fills the documented defaults and keeps explicit values, null quotas included', () => {
    expect(resolveBookingRules()).toEqual(DEFAULT_BOOKING_RULES);
    expect(DEFAULT_BOOKING_RULES).toMatchObject({
      granularityMinutes: 30,
      minDurationMinutes: 30,
      maxDurationMinutes: 480,
      maxAdvanceDays: 90,
    });
    const r = resolveBookingRules({ granularityMinutes: 15, dailyQuotaMinutes: 120, bufferMinutes: undefined });
    expect(r).toMatchObject({ granularityMinutes: 15, dailyQuotaMinutes: 120, bufferMinutes: 0, cancellationDeadlineMinutes: 120 });
  });
});

describe('checkBooking', () => {
  it('accepts a well-formed request', () => {
    expect(checkBooking(slot('2026-03-03', '09:00', '11:00'), {}, ctx)).toEqual([]);
  });

  it('refuses an empty, reversed or sub-minute interval alone', () => {
    expect(codes(checkBooking(slot('2026-03-03', '11:00', '09:00'), {}, ctx))).toEqual(['booking_invalid_interval']);
    const s = paris('2026-03-03', '09:00');
    expect(codes(checkBooking({ start: s, end: new Date(s.getTime() + 90_500) }, {}, ctx))).toEqual(['booking_invalid_interval']);
  });

  it('checks the minimum and maximum durations', () => {
    expect(codes(checkBooking(slot('2026-03-03', '09:00', '09:30'), { minDurationMinutes: 60 }, ctx))).toEqual(['booking_too_short']);
    const long = checkBooking(slot('2026-03-03', '08:00', '17:00'), {}, ctx);
    expect(long).toEqual([{ code: 'booking_too_long', params: { minutes: 480 } }]);
  });

  it('checks the slot grid on the local clock, also on the DST days', () => {
    expect(codes(checkBooking(slot('2026-03-03', '09:15', '10:00'), {}, ctx))).toEqual(['booking_misaligned']);
    expect(codes(checkBooking(slot('2026-03-03', '09:15', '10:00'), { granularityMinutes: 15 }, ctx))).toEqual([]);
    // 01:30 → 03:30 on 2026-03-29 is one hour of real time, both ends on the grid.
    expect(codes(checkBooking(slot('2026-03-29', '01:30', '03:30'), { minDurationMinutes: 60 }, ctx))).toEqual([]);
    expect(isAligned(paris('2026-10-25', '02:30'), PARIS, 30)).toBe(true);
    expect(isAligned(new Date(paris('2026-03-03', '09:00').getTime() + 1000), PARIS, 30)).toBe(false);
    // 90-minute grid from local midnight: 00:00, 01:30, 03:00, …
    expect(isAligned(paris('2026-03-03', '10:30'), PARIS, 90)).toBe(true);
    expect(isAligned(paris('2026-03-03', '10:00'), PARIS, 90)).toBe(false);
  });

  it('refuses the past and bookings inside the lead time', () => {
    expect(codes(checkBooking(slot('2026-03-02', '07:00', '07:30'), {}, ctx))).toEqual(['booking_in_past']);
    const soon = checkBooking(slot('2026-03-02', '09:00', '10:00'), { leadTimeMinutes: 120 }, ctx);
    expect(soon).toEqual([{ code: 'booking_lead_time', params: { minutes: 120 } }]);
    expect(checkBooking(slot('2026-03-02', '10:00', '11:00'), { leadTimeMinutes: 120 }, ctx)).toEqual([]);
  });

  it('limits how far ahead, by local dates', () => {
    expect(checkBooking(slot('2026-03-09', '23:00', '23:30'), { maxAdvanceDays: 7 }, ctx)).toEqual([]);
    const far = checkBooking(slot('2026-03-10', '00:00', '00:30'), { maxAdvanceDays: 7 }, ctx);
    expect(far).toEqual([{ code: 'booking_too_far_ahead', params: { days: 7, lastDate: '2026-03-09' } }]);
  });

  it('counts "today" in Paris at 00:30, when UTC is still on the previous day', () => {
    const at0030 = { now: paris('2026-03-03', '00:30'), zone: PARIS };
    expect(codes(checkBooking(slot('2026-03-10', '09:00', '10:00'), { maxAdvanceDays: 7 }, at0030))).toEqual([]);
    expect(codes(checkBooking(slot('2026-03-11', '09:00', '10:00'), { maxAdvanceDays: 7 }, at0030))).toEqual(['booking_too_far_ahead']);
  });

  it('checks opening hours and closures', () => {
    const open = { ...ctx, openingHours: 'Mo-Fr 08:00-18:00; PH off' };
    expect(codes(checkBooking(slot('2026-03-03', '17:00', '18:30'), {}, open))).toEqual(['booking_outside_opening_hours']);
    expect(codes(checkBooking(slot('2026-05-08', '09:00', '10:00'), {}, open))).toEqual(['booking_outside_opening_hours']);
    const closure = slot('2026-03-03', '12:00', '14:00');
    expect(codes(checkBooking(slot('2026-03-03', '13:00', '15:00'), {}, { ...open, closures: [closure] }))).toEqual([
      'booking_outside_opening_hours',
    ]);
    expect(codes(checkBooking(slot('2026-03-03', '13:00', '15:00'), {}, { ...ctx, closures: [closure] }))).toEqual([
      'booking_outside_opening_hours',
    ]);
    expect(codes(checkBooking(slot('2026-03-03', '14:00', '15:00'), {}, { ...ctx, closures: [closure] }))).toEqual([]);
  });

  it('applies daily and weekly quotas to what is already booked', () => {
    const rules = { dailyQuotaMinutes: 240, weeklyQuotaMinutes: 600 };
    expect(checkBooking(slot('2026-03-03', '09:00', '11:00'), rules, { ...ctx, bookedMinutes: { day: 120, week: 480 } })).toEqual([]);
    const over = checkBooking(slot('2026-03-03', '09:00', '11:30'), rules, { ...ctx, bookedMinutes: { day: 120, week: 480 } });
    expect(over).toEqual([
      { code: 'booking_daily_quota', params: { minutes: 240, booked: 120, holder: 'person' } },
      { code: 'booking_weekly_quota', params: { minutes: 600, booked: 480, holder: 'person' } },
    ]);
    const shared = checkBooking(slot('2026-03-03', '09:00', '11:30'), rules, {
      ...ctx,
      bookedMinutes: { week: 480 },
      quotaHolder: 'organization',
    });
    expect(shared).toEqual([{ code: 'booking_weekly_quota', params: { minutes: 600, booked: 480, holder: 'organization' } }]);
    expect(describeViolation(shared[0] as (typeof shared)[number], 'fr')).toContain('quota de votre organisation');
    expect(describeViolation(shared[0] as (typeof shared)[number], 'en')).toContain("organisation's quota");
  });

  it('reports several violations at once, with messages in both languages', () => {
    const v = checkBooking(slot('2026-03-02', '07:10', '07:20'), {}, ctx);
    expect(codes(v)).toEqual(['booking_in_past', 'booking_too_short', 'booking_misaligned']);
    expect(describeViolation({ code: 'booking_too_short', params: { minutes: 30 } }, 'fr')).toBe(
      'La réservation doit durer au moins 30 minutes.',
    );
    expect(describeViolation({ code: 'booking_too_short', params: { minutes: 30 } }, 'en')).toBe('A booking lasts at least 30 minutes.');
  });
});

describe('cancellation, buffer, status', () => {
  const booking = slot('2026-03-03', '09:00', '11:00');

  it('allows cancelling until the deadline', () => {
    expect(cancellationDeadline(booking.start, {}).toISOString()).toBe(paris('2026-03-03', '07:00').toISOString());
    expect(canCancel(booking, {}, paris('2026-03-03', '07:00'))).toBe(true);
    expect(canCancel(booking, {}, paris('2026-03-03', '07:01'))).toBe(false);
    expect(canCancel(booking, { cancellationDeadlineMinutes: 0 }, paris('2026-03-03', '08:59'))).toBe(true);
  });

  it('extends the blocked range by the buffer after the booking', () => {
    expect(withBuffer(booking.start, booking.end, 15)).toEqual({ start: booking.start, end: paris('2026-03-03', '11:15') });
    expect(withBuffer(booking.start, booking.end, 0).end).toEqual(booking.end);
  });

  it('confirms at once unless approval is required', () => {
    expect(initialStatus({})).toBe('confirmed');
    expect(initialStatus({ requiresApproval: true })).toBe('pending');
  });
});

describe('quotas', () => {
  it('gives the local day of the start, 23 or 25 hours long on DST days', () => {
    const late = paris('2026-03-03', '00:30');
    expect(quotaWindow('day', late, PARIS)).toEqual({ start: paris('2026-03-03', '00:00'), end: paris('2026-03-04', '00:00') });
    const spring = quotaWindow('day', paris('2026-03-29', '10:00'), PARIS);
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
  });

  it('gives the ISO week of the start, Monday to Monday', () => {
    expect(quotaWindow('week', paris('2026-03-29', '23:30'), PARIS)).toEqual({
      start: paris('2026-03-23', '00:00'),
      end: paris('2026-03-30', '00:00'),
    });
  });

  it('compares against the quota, none when null', () => {
    expect(exceedsQuota(120, 120, 240)).toBe(false);
    expect(exceedsQuota(120, 121, 240)).toBe(true);
    expect(exceedsQuota(10_000, 60, null)).toBe(false);
  });
});

describe('peakUnits', () => {
  const b = (from: string, to: string, units: number) => ({ ...slot('2026-03-03', from, to), units });

  it('finds the busiest moment inside the window, freeing units at touching ends', () => {
    const bookings = [b('09:00', '10:00', 2), b('09:30', '11:00', 3), b('10:00', '12:00', 1), b('13:00', '14:00', 5)];
    expect(peakUnits(bookings, slot('2026-03-03', '09:00', '12:00'))).toBe(5);
    expect(peakUnits(bookings, slot('2026-03-03', '10:00', '12:00'))).toBe(4);
    expect(peakUnits(bookings, slot('2026-03-03', '12:00', '13:00'))).toBe(0);
  });
});

describe('priceCents', () => {
  const at = (from: string, to: string) => slot('2026-03-03', from, to);

  it('charges pro rata of the minutes, rounded up to the cent once', () => {
    expect(priceCents({ ...at('09:00', '11:00'), hourlyRateCents: 1500 })).toBe(3000);
    expect(priceCents({ ...at('09:00', '09:20'), hourlyRateCents: 1000 })).toBe(334);
    expect(priceCents({ ...at('09:00', '09:30'), hourlyRateCents: 1001, flatCents: 500 })).toBe(1001);
    expect(priceCents({ ...at('09:00', '10:00'), hourlyRateCents: 0 })).toBe(0);
  });

  it('charges real time on the spring-forward night (01:30 → 03:30 is one hour)', () => {
    expect(priceCents({ ...slot('2026-03-29', '01:30', '03:30'), hourlyRateCents: 2000 })).toBe(2000);
  });

  it('stays exact on large amounts and refuses bad input', () => {
    const month = { start: paris('2026-03-01', '00:00'), end: paris('2026-04-01', '00:00') };
    expect(priceCents({ ...month, hourlyRateCents: 999_999_999 })).toBe(742_999_999_257);
    expect(() => priceCents({ ...at('09:00', '10:00'), hourlyRateCents: -1 })).toThrow(RangeError);
    expect(() => priceCents({ ...at('09:00', '10:00'), hourlyRateCents: 10.5 })).toThrow(RangeError);
    expect(() => priceCents({ ...at('10:00', '09:00'), hourlyRateCents: 100 })).toThrow(RangeError);
  });
});
