import { describe, expect, it } from 'vitest';
import { clampIntervals, coversInterval, durationMinutes, intervalsOverlap, mergeIntervals, subtractIntervals } from './intervals.ts';
import {
  addDays,
  dayRange,
  formatInZone,
  formatRangeInZone,
  instantToZoned,
  isLocalDate,
  isLocalTime,
  isValidTimeZone,
  startOfDay,
  todayIn,
  toPlainDateTime,
  weekRange,
  zonedToInstant,
} from './zone.ts';

const PARIS = 'Europe/Paris';
const at = (iso: string) => new Date(iso);
const hours = (r: { start: Date; end: Date }) => (r.end.getTime() - r.start.getTime()) / 3_600_000;

describe('todayIn', () => {
  it('gives the Paris date at 00:30 Paris time, when UTC is still on the previous day', () => {
    expect(todayIn(PARIS, at('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
    expect(todayIn(PARIS, at('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(todayIn('UTC', at('2026-07-14T22:30:00Z'))).toBe('2026-07-14');
  });

  it('follows other zones', () => {
    expect(todayIn('America/New_York', at('2026-07-15T02:00:00Z'))).toBe('2026-07-14');
    expect(todayIn('Pacific/Noumea', at('2026-07-14T14:00:00Z'))).toBe('2026-07-15');
  });
});

describe('days and weeks', () => {
  it('starts a Paris day at local midnight', () => {
    expect(startOfDay('2026-01-15', PARIS).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDay('2026-07-15', PARIS).toISOString()).toBe('2026-07-14T22:00:00.000Z');
  });

  it('makes the spring-forward day 23 hours and the autumn day 25 hours long', () => {
    expect(hours(dayRange('2026-03-29', PARIS))).toBe(23);
    expect(hours(dayRange('2026-10-25', PARIS))).toBe(25);
    expect(hours(dayRange('2026-03-28', PARIS))).toBe(24);
    expect(dayRange('2026-10-25', PARIS).end.toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('starts a day at the first existing time where a zone skips midnight', () => {
    // Chile moves its clocks forward at midnight: 2026-09-06 begins at 01:00.
    expect(startOfDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('spans ISO weeks from Monday to Monday, across the change of time', () => {
    const w = weekRange('2026-03-29', PARIS); // a Sunday
    expect(w.start.toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(hours(w)).toBe(167);
    expect(weekRange('2026-03-23', PARIS)).toEqual(w);
    expect(hours(weekRange('2026-10-21', PARIS))).toBe(169);
  });

  it('adds calendar days across month ends and refuses impossible dates', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('zonedToInstant', () => {
  it('converts ordinary Paris times in winter and summer', () => {
    expect(zonedToInstant('2026-01-15', '00:30', PARIS).toISOString()).toBe('2026-01-14T23:30:00.000Z');
    expect(zonedToInstant('2026-07-15', '09:00', PARIS).toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(zonedToInstant('2026-07-15', '24:00', PARIS).toISOString()).toBe('2026-07-15T22:00:00.000Z');
  });

  it('moves a time that does not exist (2026-03-29 02:30) forward by the gap', () => {
    expect(zonedToInstant('2026-03-29', '02:30', PARIS).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedToInstant('2026-03-29', '02:30', PARIS, 'boundary').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedToInstant('2026-03-29', '03:00', PARIS, 'boundary').toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the first of a time that happens twice (2026-10-25 02:30)', () => {
    expect(zonedToInstant('2026-10-25', '02:30', PARIS).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedToInstant('2026-10-25', '02:30', PARIS, 'boundary').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedToInstant('2026-10-25', '03:00', PARIS).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('refuses malformed input', () => {
    expect(() => zonedToInstant('2026-07-15', '9:00', PARIS)).toThrow(RangeError);
    expect(() => zonedToInstant('2026-07-15', '24:30', PARIS)).toThrow(RangeError);
    expect(() => zonedToInstant('15/07/2026', '09:00', PARIS)).toThrow(RangeError);
    expect(() => zonedToInstant('2026-07-15', '09:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('instantToZoned', () => {
  it('reads the Paris clock at 00:30, on the previous UTC day', () => {
    expect(instantToZoned(at('2026-01-14T23:30:00Z'), PARIS)).toEqual({
      date: '2026-01-15',
      time: '00:30',
      weekday: 4,
      minuteOfDay: 30,
      offsetMinutes: 60,
    });
  });

  it('tells apart the two 02:30 of 2026-10-25 by their offset', () => {
    const first = instantToZoned(at('2026-10-25T00:30:00Z'), PARIS);
    const second = instantToZoned(at('2026-10-25T01:30:00Z'), PARIS);
    expect([first.time, first.offsetMinutes]).toEqual(['02:30', 120]);
    expect([second.time, second.offsetMinutes]).toEqual(['02:30', 60]);
    expect(first.weekday).toBe(7);
  });

  it('jumps from 01:59 to 03:00 on 2026-03-29', () => {
    expect(instantToZoned(at('2026-03-29T00:59:00Z'), PARIS).time).toBe('01:59');
    expect(instantToZoned(at('2026-03-29T01:00:00Z'), PARIS).time).toBe('03:00');
  });
});

describe('validation helpers', () => {
  it('knows IANA zones and refuses offsets and nonsense', () => {
    expect(isValidTimeZone(PARIS)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('America/Guadeloupe')).toBe(true);
    expect(isValidTimeZone('+01:00')).toBe(false);
    expect(isValidTimeZone('Europe/Lille')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('checks dates, times and date-times', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-3')).toBe(false);
    expect(isLocalTime('00:00')).toBe(true);
    expect(isLocalTime('24:00')).toBe(true);
    expect(isLocalTime('24:01')).toBe(false);
    expect(isLocalTime('7:30')).toBe(false);
    expect(toPlainDateTime('2026-03-03T09:00').toString()).toBe('2026-03-03T09:00:00');
    expect(() => toPlainDateTime('2026-03-03 09:00')).toThrow(RangeError);
  });
});

describe('formatting for e-mails', () => {
  const start = at('2026-03-03T08:00:00Z');
  const end = at('2026-03-03T10:00:00Z');

  it('writes French and British English in the territory zone', () => {
    expect(formatInZone(start, PARIS, 'fr')).toBe('mardi 3 mars 2026 à 09:00');
    expect(formatInZone(start, PARIS, 'en-GB')).toBe('Tuesday, 3 March 2026 at 09:00');
    expect(formatInZone(start, PARIS, 'fr-FR', 'date')).toBe('mardi 3 mars 2026');
    expect(formatInZone(start, PARIS, 'en', 'time')).toBe('09:00');
    expect(formatInZone(at('2026-01-14T23:30:00Z'), PARIS, 'fr')).toBe('jeudi 15 janvier 2026 à 00:30');
  });

  it('shares the date of a range within one day', () => {
    expect(formatRangeInZone(start, end, PARIS, 'fr')).toBe('mardi 3 mars 2026, 09:00 – 11:00');
    expect(formatRangeInZone(start, end, PARIS, 'en')).toBe('Tuesday, 3 March 2026, 09:00–11:00');
  });
});

describe('intervals', () => {
  const i = (a: string, b: string) => ({ start: at(`2026-05-04T${a}:00Z`), end: at(`2026-05-04T${b}:00Z`) });
  const show = (list: { start: Date; end: Date }[]) =>
    list.map((x) => `${x.start.toISOString().slice(11, 16)}-${x.end.toISOString().slice(11, 16)}`);

  it('merges overlapping and touching intervals and drops empty ones', () => {
    expect(show(mergeIntervals([i('10:00', '12:00'), i('08:00', '10:00'), i('11:00', '13:00'), i('15:00', '15:00')]))).toEqual([
      '08:00-13:00',
    ]);
  });

  it('subtracts and clamps', () => {
    expect(show(subtractIntervals([i('08:00', '18:00')], [i('12:00', '14:00'), i('17:00', '19:00')]))).toEqual([
      '08:00-12:00',
      '14:00-17:00',
    ]);
    expect(subtractIntervals([i('08:00', '10:00')], [i('07:00', '11:00')])).toEqual([]);
    expect(show(clampIntervals([i('08:00', '18:00')], i('09:00', '10:00').start, i('09:00', '10:00').end))).toEqual(['09:00-10:00']);
  });

  it('covers, overlaps and measures', () => {
    expect(coversInterval([i('08:00', '12:00'), i('12:00', '18:00')], i('11:00', '13:00').start, i('11:00', '13:00').end)).toBe(true);
    expect(coversInterval([i('08:00', '12:00'), i('13:00', '18:00')], i('11:00', '13:00').start, i('11:00', '13:00').end)).toBe(false);
    expect(intervalsOverlap(i('08:00', '10:00'), i('10:00', '11:00'))).toBe(false);
    expect(intervalsOverlap(i('08:00', '10:01'), i('10:00', '11:00'))).toBe(true);
    expect(durationMinutes(i('08:00', '09:30'))).toBe(90);
  });
});
