import { describe, expect, it } from 'vitest';
import { zonedToInstant } from '../../platform/time/zone.ts';
import { isOpenDuring, openIntervals, parseOpeningHours } from './opening-hours.ts';

const PARIS = 'Europe/Paris';
const paris = (date: string, time: string) => zonedToInstant(date, time, PARIS);
const utc = (iso: string) => new Date(iso);
const show = (list: { start: Date; end: Date }[]) => list.map((i) => `${i.start.toISOString()} → ${i.end.toISOString()}`);
const hours = (i: { start: Date; end: Date }) => (i.end.getTime() - i.start.getTime()) / 3_600_000;

describe('parseOpeningHours', () => {
  it('accepts usual values and trims them', () => {
    expect(parseOpeningHours(' Mo-Fr 09:00-12:00,14:00-18:00; PH off ')).toMatchObject({
      ok: true,
      value: 'Mo-Fr 09:00-12:00,14:00-18:00; PH off',
    });
    expect(parseOpeningHours('24/7').ok).toBe(true);
    expect(parseOpeningHours('Fr 20:00-02:00').ok).toBe(true);
  });

  it('refuses a bad value with a stable code and the library’s explanation in French and English', () => {
    const r = parseOpeningHours('Mo-Fr 25:00-18:00');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('opening_hours_invalid');
    expect(r.message.fr).toMatch(/^Horaires d’ouverture invalides : .*plage horaire/);
    expect(r.message.en).toMatch(/^Invalid opening hours: .*Time range/);
  });

  it('refuses unknown tokens, empty values, very long values and sunrise/sunset', () => {
    expect(parseOpeningHours('Mo-Fx 09:00-12:00')).toMatchObject({ ok: false, code: 'opening_hours_invalid' });
    expect(parseOpeningHours('   ')).toMatchObject({ ok: false, code: 'opening_hours_empty' });
    expect(parseOpeningHours(`Mo-Fr 09:00-18:00${'; Sa 10:00-12:00'.repeat(20)}`)).toMatchObject({
      ok: false,
      code: 'opening_hours_too_long',
    });
    expect(parseOpeningHours('Mo-Su sunrise-sunset')).toMatchObject({ ok: false, code: 'opening_hours_variable_time' });
  });
});

describe('openIntervals', () => {
  it('lists weekday openings with a lunch break, in Paris time', () => {
    const r = openIntervals('Mo-Fr 09:00-12:00,14:00-18:00', PARIS, paris('2026-01-12', '00:00'), paris('2026-01-13', '00:00'));
    expect(show(r)).toEqual(['2026-01-12T08:00:00.000Z → 2026-01-12T11:00:00.000Z', '2026-01-12T13:00:00.000Z → 2026-01-12T17:00:00.000Z']);
  });

  it('clamps to the requested window', () => {
    const r = openIntervals('Mo-Fr 09:00-18:00', PARIS, paris('2026-01-12', '10:00'), paris('2026-01-12', '11:00'));
    expect(show(r)).toEqual(['2026-01-12T09:00:00.000Z → 2026-01-12T10:00:00.000Z']);
  });

  it('closes on French public holidays with PH off (1 May, 8 May, Ascension, Whit Monday, 14 July…)', () => {
    const value = 'Mo-Fr 09:00-18:00; PH off';
    const days = (from: string, to: string) =>
      openIntervals(value, PARIS, paris(from, '00:00'), paris(to, '00:00')).map((i) => i.start.toISOString().slice(0, 10));
    // Friday 1 May and Friday 8 May 2026 are holidays; Thursday 14 May is Ascension; Monday 25 May is Whit Monday.
    expect(days('2026-04-27', '2026-05-30')).toEqual([
      '2026-04-27',
      '2026-04-28',
      '2026-04-29',
      '2026-04-30',
      '2026-05-04',
      '2026-05-05',
      '2026-05-06',
      '2026-05-07',
      '2026-05-11',
      '2026-05-12',
      '2026-05-13',
      '2026-05-15',
      '2026-05-18',
      '2026-05-19',
      '2026-05-20',
      '2026-05-21',
      '2026-05-22',
      '2026-05-26',
      '2026-05-27',
      '2026-05-28',
      '2026-05-29',
    ]);
    expect(days('2026-07-13', '2026-07-16')).toEqual(['2026-07-13', '2026-07-15']);
    expect(days('2026-04-06', '2026-04-07')).toEqual([]); // Easter Monday
  });

  it('knows the Alsace-Moselle holidays when the region says so', () => {
    const value = 'Mo-Fr 09:00-18:00; PH off';
    const goodFriday = [paris('2026-04-03', '00:00'), paris('2026-04-04', '00:00')] as const;
    expect(openIntervals(value, PARIS, ...goodFriday)).toHaveLength(1);
    expect(openIntervals(value, PARIS, ...goodFriday, { region: { countryCode: 'fr', state: 'Moselle' } })).toHaveLength(0);
  });

  it('carries a Friday night opening over midnight into Saturday', () => {
    const r = openIntervals('Fr 20:00-02:00', PARIS, paris('2026-01-16', '00:00'), paris('2026-01-18', '00:00'));
    expect(show(r)).toEqual(['2026-01-16T19:00:00.000Z → 2026-01-17T01:00:00.000Z']);
  });

  it('gives 24/7 as one interval and removes closures', () => {
    const from = paris('2026-06-01', '00:00');
    const to = paris('2026-06-08', '00:00');
    expect(show(openIntervals('24/7', PARIS, from, to))).toEqual([`${from.toISOString()} → ${to.toISOString()}`]);
    const works = { start: paris('2026-06-03', '12:00'), end: paris('2026-06-05', '08:00') };
    expect(show(openIntervals('24/7', PARIS, from, to, { closures: [works] }))).toEqual([
      `${from.toISOString()} → ${works.start.toISOString()}`,
      `${works.end.toISOString()} → ${to.toISOString()}`,
    ]);
  });

  it('treats "unknown" ranges as closed', () => {
    const r = openIntervals('Mo 09:00-12:00; Tu 09:00-12:00 unknown', PARIS, paris('2026-01-12', '00:00'), paris('2026-01-14', '00:00'));
    expect(r).toHaveLength(1);
  });

  it('makes "Mo-Su 00:00-24:00" 23 hours long on 2026-03-29 and 25 hours on 2026-10-25', () => {
    const spring = openIntervals('Mo-Su 00:00-24:00', PARIS, paris('2026-03-29', '00:00'), paris('2026-03-30', '00:00'));
    expect(spring.map(hours)).toEqual([23]);
    const autumn = openIntervals('Mo-Su 00:00-24:00', PARIS, paris('2026-10-25', '00:00'), paris('2026-10-26', '00:00'));
    expect(autumn.map(hours)).toEqual([25]);
  });

  it('opens at the transition when an opening time falls in the spring-forward gap', () => {
    // 02:30 does not exist on 2026-03-29: the place opens when clocks jump to 03:00 (01:00 UTC).
    const r = openIntervals('Su 02:30-05:00', PARIS, paris('2026-03-29', '00:00'), paris('2026-03-30', '00:00'));
    expect(show(r)).toEqual(['2026-03-29T01:00:00.000Z → 2026-03-29T03:00:00.000Z']);
    expect(openIntervals('Su 02:00-02:30', PARIS, paris('2026-03-29', '00:00'), paris('2026-03-30', '00:00'))).toEqual([]);
  });

  it('keeps the first 02:00 of 2026-10-25 as a bound, so "Su 01:00-04:00" lasts 4 hours', () => {
    const r = openIntervals('Su 01:00-04:00', PARIS, paris('2026-10-25', '00:00'), paris('2026-10-26', '00:00'));
    expect(show(r)).toEqual(['2026-10-24T23:00:00.000Z → 2026-10-25T03:00:00.000Z']);
    const night = openIntervals('Sa 20:00-02:00', PARIS, paris('2026-10-24', '00:00'), paris('2026-10-26', '00:00'));
    expect(night.map(hours)).toEqual([6]);
  });

  it('ignores the server’s own clock changes (US: 2026-03-08 and 2026-11-01 are ordinary days in Paris)', () => {
    // Under TZ=America/New_York a library reading local time would see no 02:30 on 2026-03-08.
    for (const date of ['2026-03-08', '2026-11-01']) {
      const r = openIntervals('Su 02:30-05:00', PARIS, paris(date, '00:00'), paris(date, '23:00'));
      expect(show(r)).toEqual([`${paris(date, '02:30').toISOString()} → ${paris(date, '05:00').toISOString()}`]);
    }
  });

  it('returns nothing for an empty window and throws on an invalid value', () => {
    expect(openIntervals('24/7', PARIS, utc('2026-01-01T10:00:00Z'), utc('2026-01-01T10:00:00Z'))).toEqual([]);
    expect(() => openIntervals('nonsense', PARIS, utc('2026-01-01T00:00:00Z'), utc('2026-01-02T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('isOpenDuring', () => {
  const value = 'Mo-Fr 08:00-12:00,12:00-20:00; Sa 00:00-01:00';

  it('accepts an interval inside the hours, also across two touching ranges', () => {
    expect(isOpenDuring(value, PARIS, paris('2026-03-03', '09:00'), paris('2026-03-03', '11:00'))).toBe(true);
    expect(isOpenDuring(value, PARIS, paris('2026-03-03', '11:00'), paris('2026-03-03', '13:00'))).toBe(true);
    expect(isOpenDuring(value, PARIS, paris('2026-03-03', '08:00'), paris('2026-03-03', '20:00'))).toBe(true);
  });

  it('refuses an interval that overruns, starts too early or is empty', () => {
    expect(isOpenDuring(value, PARIS, paris('2026-03-03', '19:00'), paris('2026-03-03', '21:00'))).toBe(false);
    expect(isOpenDuring(value, PARIS, paris('2026-03-03', '07:30'), paris('2026-03-03', '08:30'))).toBe(false);
    expect(isOpenDuring(value, PARIS, paris('2026-03-03', '09:00'), paris('2026-03-03', '09:00'))).toBe(false);
  });

  it('evaluates 00:30 in Paris time, not in UTC (Saturday 00:30 Paris is Friday 23:30 UTC)', () => {
    expect(isOpenDuring(value, PARIS, utc('2026-01-16T23:15:00Z'), utc('2026-01-16T23:45:00Z'))).toBe(true);
    // Friday 23:30 Paris (22:30 UTC) is closed.
    expect(isOpenDuring(value, PARIS, utc('2026-01-16T22:15:00Z'), utc('2026-01-16T22:45:00Z'))).toBe(false);
    // In summer, Saturday 00:30 Paris is Friday 22:30 UTC.
    expect(isOpenDuring(value, PARIS, utc('2026-07-17T22:15:00Z'), utc('2026-07-17T22:45:00Z'))).toBe(true);
  });

  it('refuses an interval that touches a closure or a public holiday', () => {
    const closure = { start: paris('2026-03-03', '10:00'), end: paris('2026-03-03', '10:30') };
    expect(isOpenDuring(value, PARIS, paris('2026-03-03', '09:00'), paris('2026-03-03', '11:00'), [closure])).toBe(false);
    expect(isOpenDuring(value, PARIS, paris('2026-03-03', '11:00'), paris('2026-03-03', '12:00'), [closure])).toBe(true);
    expect(isOpenDuring(`${value}; PH off`, PARIS, paris('2026-05-01', '09:00'), paris('2026-05-01', '10:00'))).toBe(false);
  });

  it('evaluates in other zones too', () => {
    expect(isOpenDuring('Mo-Fr 09:00-17:00', 'America/Guadeloupe', utc('2026-03-03T13:00:00Z'), utc('2026-03-03T14:00:00Z'))).toBe(true);
    expect(isOpenDuring('Mo-Fr 09:00-17:00', 'America/Guadeloupe', utc('2026-03-03T12:00:00Z'), utc('2026-03-03T13:30:00Z'))).toBe(false);
  });
});
