import { describe, expect, it } from 'vitest';
import { instantToZoned } from '../../platform/time/zone.ts';
import { expandRecurrence, formatRRule, parseRRule, type TRecurrenceResult } from './recurrence.ts';

const PARIS = 'Europe/Paris';

function occurrences(result: TRecurrenceResult) {
  if (!result.ok) throw new Error(`${result.code}: ${result.message.en}`);
  return result.occurrences;
}

const local = (d: Date) => {
  const z = instantToZoned(d, PARIS);
  return `${z.date} ${z.time}`;
};

describe('expandRecurrence', () => {
  it('expands "every Tuesday 9:00–11:00 until June", keeping 9:00 Paris time across the change of time', () => {
    const r = occurrences(
      expandRecurrence({ rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630', start: '2026-03-03T09:00', durationMinutes: 120, zone: PARIS }),
    );
    expect(r).toHaveLength(18);
    expect(r.map((o) => local(o.start)).every((s) => s.endsWith('09:00'))).toBe(true);
    expect(r.map((o) => local(o.end)).every((s) => s.endsWith('11:00'))).toBe(true);
    // Before 29 March Paris is UTC+1, after it UTC+2.
    expect(r[3]?.start.toISOString()).toBe('2026-03-24T08:00:00.000Z');
    expect(r[4]?.start.toISOString()).toBe('2026-03-31T07:00:00.000Z');
    expect(r.at(-1)?.localStart).toBe('2026-06-30T09:00');
    expect(r.map((o) => o.index)).toEqual([...Array(18).keys()]);
  });

  it('keeps the autumn change too (27 October is UTC+1 again)', () => {
    const r = occurrences(
      expandRecurrence({ rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2', start: '2026-10-20T09:00', durationMinutes: 60, zone: PARIS }),
    );
    expect(r.map((o) => o.start.toISOString())).toEqual(['2026-10-20T07:00:00.000Z', '2026-10-27T08:00:00.000Z']);
  });

  it('starts on the first matching day when the start does not match BYDAY', () => {
    const r = occurrences(
      expandRecurrence({ rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=3', start: '2026-03-02T09:00', durationMinutes: 30, zone: PARIS }),
    );
    expect(r.map((o) => o.localStart)).toEqual(['2026-03-03T09:00', '2026-03-05T09:00', '2026-03-10T09:00']);
  });

  it('handles DAILY with INTERVAL, and MONTHLY on a weekday of the month', () => {
    const daily = occurrences(
      expandRecurrence({ rrule: 'FREQ=DAILY;INTERVAL=2;COUNT=3', start: '2026-03-27T18:00', durationMinutes: 60, zone: PARIS }),
    );
    expect(daily.map((o) => local(o.start))).toEqual(['2026-03-27 18:00', '2026-03-29 18:00', '2026-03-31 18:00']);
    const monthly = occurrences(
      expandRecurrence({ rrule: 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=3', start: '2026-03-02T14:00', durationMinutes: 60, zone: PARIS }),
    );
    expect(monthly.map((o) => o.localStart)).toEqual(['2026-03-27T14:00', '2026-04-24T14:00', '2026-05-29T14:00']);
  });

  it('keeps an occurrence whose time does not exist on 2026-03-29 (02:30 becomes 03:30) and lasts its real duration', () => {
    const r = occurrences(expandRecurrence({ rrule: 'FREQ=DAILY;COUNT=3', start: '2026-03-28T02:30', durationMinutes: 60, zone: PARIS }));
    expect(r.map((o) => local(o.start))).toEqual(['2026-03-28 02:30', '2026-03-29 03:30', '2026-03-30 02:30']);
    expect(r.every((o) => o.end.getTime() - o.start.getTime() === 3_600_000)).toBe(true);
  });

  it('takes the first 02:30 of 2026-10-25 and keeps an overnight occurrence at its real length', () => {
    const r = occurrences(expandRecurrence({ rrule: 'FREQ=DAILY;COUNT=2', start: '2026-10-24T02:30', durationMinutes: 60, zone: PARIS }));
    expect(r[1]?.start.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    const night = occurrences(
      expandRecurrence({ rrule: 'FREQ=WEEKLY;COUNT=1', start: '2026-10-24T22:00', durationMinutes: 480, zone: PARIS }),
    );
    // 22:00 + 8 hours of real time is 05:00 on the clock the night the clocks go back.
    expect(local(night[0]?.end ?? new Date(0))).toBe('2026-10-25 05:00');
  });

  it('expands an open-ended rule up to the horizon and says it was cut', () => {
    const horizon = new Date('2026-03-31T00:00:00Z');
    const r = expandRecurrence({ rrule: 'FREQ=WEEKLY;BYDAY=TU', start: '2026-03-03T09:00', durationMinutes: 60, zone: PARIS, horizon });
    expect(r.ok && r.truncated).toBe(true);
    expect(occurrences(r)).toHaveLength(4);
    const bounded = expandRecurrence({
      rrule: 'FREQ=WEEKLY;COUNT=2',
      start: '2026-03-03T09:00',
      durationMinutes: 60,
      zone: PARIS,
      horizon,
    });
    expect(bounded.ok && bounded.truncated).toBe(false);
  });

  it('refuses an open-ended rule without a horizon, and too many occurrences', () => {
    expect(expandRecurrence({ rrule: 'FREQ=DAILY', start: '2026-03-03T09:00', durationMinutes: 60, zone: PARIS })).toMatchObject({
      ok: false,
      code: 'rrule_unbounded',
    });
    const tooMany = expandRecurrence({ rrule: 'FREQ=DAILY;UNTIL=20270101', start: '2026-03-03T09:00', durationMinutes: 60, zone: PARIS });
    expect(tooMany).toMatchObject({ ok: false, code: 'rrule_too_many', params: { max: 200 } });
    expect(
      expandRecurrence({ rrule: 'FREQ=DAILY;COUNT=11', start: '2026-03-03T09:00', durationMinutes: 60, zone: PARIS, maxOccurrences: 10 }),
    ).toMatchObject({ ok: false, code: 'rrule_too_many' });
    expect(
      occurrences(
        expandRecurrence({ rrule: 'FREQ=DAILY;COUNT=10', start: '2026-03-03T09:00', durationMinutes: 60, zone: PARIS, maxOccurrences: 10 }),
      ),
    ).toHaveLength(10);
  });

  it('refuses a rule that ends before it starts, a bad start and a bad duration', () => {
    const base = { start: '2026-03-03T09:00', durationMinutes: 60, zone: PARIS };
    expect(expandRecurrence({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20260101' })).toMatchObject({ ok: false, code: 'rrule_empty' });
    expect(expandRecurrence({ ...base, rrule: 'FREQ=WEEKLY;COUNT=2', start: '2026-03-03 09:00' })).toMatchObject({
      ok: false,
      code: 'recurrence_invalid_start',
    });
    expect(expandRecurrence({ ...base, rrule: 'FREQ=WEEKLY;COUNT=2', durationMinutes: 0 })).toMatchObject({
      ok: false,
      code: 'recurrence_invalid_duration',
    });
    expect(() => expandRecurrence({ ...base, rrule: 'FREQ=WEEKLY;COUNT=2', zone: 'Nowhere/City' })).toThrow(RangeError);
  });

  it('understands UNTIL as a UTC instant', () => {
    // 2026-03-17T08:00Z is 09:00 Paris: the occurrence at that very time is included.
    const r = occurrences(
      expandRecurrence({ rrule: 'FREQ=WEEKLY;UNTIL=20260317T080000Z', start: '2026-03-03T09:00', durationMinutes: 60, zone: PARIS }),
    );
    expect(r.map((o) => o.localStart)).toEqual(['2026-03-03T09:00', '2026-03-10T09:00', '2026-03-17T09:00']);
  });
});

describe('parseRRule', () => {
  it('normalises a valid rule', () => {
    const r = parseRRule('RRULE:freq=weekly;byday=TU,TH;interval=2;until=20260630');
    expect(r.ok && formatRRule(r.rule)).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20260630');
    const utc = parseRRule('FREQ=DAILY;UNTIL=20260630T220000Z');
    expect(utc.ok && formatRRule(utc.rule)).toBe('FREQ=DAILY;UNTIL=20260630T220000Z');
  });

  it('refuses unsupported frequencies and parts with the part named', () => {
    expect(parseRRule('FREQ=YEARLY;COUNT=2')).toMatchObject({ ok: false, code: 'rrule_unsupported', params: { part: 'FREQ=YEARLY' } });
    expect(parseRRule('FREQ=HOURLY;COUNT=2')).toMatchObject({ ok: false, code: 'rrule_unsupported' });
    const r = parseRRule('FREQ=MONTHLY;BYMONTHDAY=15;COUNT=2');
    expect(r).toMatchObject({ ok: false, code: 'rrule_unsupported', params: { part: 'BYMONTHDAY' } });
    expect(!r.ok && r.message.fr).toContain('BYMONTHDAY');
  });

  it('refuses malformed rules with a reason', () => {
    for (const rule of [
      '',
      'COUNT=3',
      'FREQ=SOMETIMES',
      'FREQ=WEEKLY;COUNT=0',
      'FREQ=WEEKLY;COUNT=3;UNTIL=20260630',
      'FREQ=WEEKLY;COUNT=3;COUNT=4',
      'FREQ=WEEKLY;BYDAY=XX',
      'FREQ=WEEKLY;BYDAY=1TU',
      'FREQ=MONTHLY;BYDAY=6TU',
      'FREQ=WEEKLY;UNTIL=20260231',
      'FREQ=WEEKLY;INTERVAL=-1',
      'FREQ=WEEKLY;FOO=1',
      'FREQ=WEEKLY;COUNT',
    ]) {
      expect(parseRRule(rule), rule).toMatchObject({ ok: false, code: 'rrule_invalid' });
    }
  });
});
