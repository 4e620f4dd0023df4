import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

/**
 * The autumn change in Paris: on Sunday 2026-10-25 clocks go back from 03:00 (UTC+2) to 02:00
 * (UTC+1), so the local day lasts 25 hours and 02:00–03:00 happens twice.
 */
let now = new Date('2026-10-05T08:00:00Z'); // Monday 5 October, 10:00 in Paris (UTC+2)
let t: TestApp;
let member: Agent;
let night: string;
let allDay: string;
let room: string;
const base = '/api/v1/territories/alpha';

const availability = (resourceId: string, query = '') =>
  t.request(null, { method: 'GET', url: `${base}/resources/${resourceId}/availability${query}` }).then((r) => r.json());
const hours = (ms: number) => ms / 3_600_000;

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  const manager = await t.signIn(t.emailOf('place_manager'));
  member = await t.signIn(t.emailOf('member'));
  const place = (
    await t.request(manager, { method: 'POST', url: `${base}/places`, payload: { name: 'Tiers-lieu de nuit', openingHours: '24/7' } })
  ).json().id;
  const add = async (payload: object) =>
    (await t.request(manager, { method: 'POST', url: `${base}/places/${place}/resources`, payload })).json().id as string;
  night = await add({ kind: 'machine', name: 'Four à céramique', openingHours: 'Su 01:00-04:00' });
  allDay = await add({ kind: 'machine', name: 'Découpe laser' });
  room = await add({ kind: 'room', name: 'Salle Curie', openingHours: 'Mo-Sa 08:00-20:00' });
});
afterAll(() => t.close());

describe('the 25-hour day of 2026-10-25 in Europe/Paris, over HTTP', () => {
  it('gives the day 25 hours, and opening hours that cross the change their real length', async () => {
    const day = await availability(night, '?date=2026-10-25');
    expect(day).toMatchObject({ timeZone: 'Europe/Paris', from: '2026-10-24T22:00:00.000Z', to: '2026-10-25T23:00:00.000Z' });
    expect(hours(Date.parse(day.to) - Date.parse(day.from))).toBe(25);
    // 01:00 local (UTC+2) to 04:00 local (UTC+1): three hours on the clock, four in reality.
    expect(day.open).toEqual([{ start: '2026-10-24T23:00:00.000Z', end: '2026-10-25T03:00:00.000Z' }]);
    const open = day.slots.filter((s: { state: string }) => s.state !== 'closed');
    expect(open).toHaveLength(8);
    expect(open.every((s: { state: string; free: number }) => s.state === 'free' && s.free === 1)).toBe(true);
  });

  it('cuts a 24/7 day into 50 half-hours, with the 02:00–03:00 hour twice', async () => {
    const day = await availability(allDay, '?date=2026-10-25');
    expect(day.open).toEqual([{ start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z' }]);
    expect(day.slots).toHaveLength(50);
    const local = day.slots.map((s: { start: string }) =>
      new Date(s.start).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }),
    );
    expect(local.filter((l: string) => l.startsWith('02:'))).toEqual(['02:00', '02:30', '02:00', '02:30']);
    expect(local.filter((l: string) => l.startsWith('03:'))).toEqual(['03:00', '03:30']);
    const week = await availability(allDay, '?date=2026-10-19&days=7');
    expect(hours(Date.parse(week.to) - Date.parse(week.from))).toBe(7 * 24 + 1);
  });

  it('books both 02:30s as distinct instants, each shown right in JSON and in the iCalendar feed', async () => {
    const book = (start: string, end: string) =>
      t.request(member, { method: 'POST', url: `${base}/bookings`, payload: { resourceId: allDay, start, end } });
    const first = await book('2026-10-25T02:30:00+02:00', '2026-10-25T03:00:00+02:00');
    const second = await book('2026-10-25T02:30:00+01:00', '2026-10-25T03:00:00+01:00');
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(first.json()).toMatchObject({ start: '2026-10-25T00:30:00.000Z', end: '2026-10-25T01:00:00.000Z' });
    expect(second.json()).toMatchObject({ start: '2026-10-25T01:30:00.000Z', end: '2026-10-25T02:00:00.000Z' });
    // The hour that repeats: 02:00 (UTC+2) to 02:00 (UTC+1) is one real hour, not zero.
    const across = await book('2026-10-25T02:00:00+02:00', '2026-10-25T02:00:00+01:00');
    expect(across.statusCode).toBe(409); // it overlaps the first 02:30
    const ics = (await t.request(null, { method: 'GET', url: `${base}/resources/${allDay}/calendar.ics` })).body;
    expect(ics).toContain('X-WR-TIMEZONE:Europe/Paris');
    expect(ics).toContain('DTSTART:20261025T003000Z');
    expect(ics).toContain('DTEND:20261025T010000Z');
    expect(ics).toContain('DTSTART:20261025T013000Z');
    const slots = (await availability(allDay, '?date=2026-10-25')).slots as { start: string; state: string }[];
    expect(slots.filter((s) => s.state === 'booked').map((s) => s.start)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
  });

  it('keeps a weekly series at 09:00 local on both sides of the change', async () => {
    const res = await t.request(member, {
      method: 'POST',
      url: `${base}/bookings/series`,
      payload: { resourceId: room, start: '2026-10-13T09:00', durationMinutes: 60, rrule: 'FREQ=WEEKLY;COUNT=4', mode: 'commit' },
    });
    expect(res.statusCode).toBe(201);
    const starts = res.json().booked.map((b: { start: string }) => b.start);
    expect(starts).toEqual([
      '2026-10-13T07:00:00.000Z',
      '2026-10-20T07:00:00.000Z',
      '2026-10-27T08:00:00.000Z',
      '2026-11-03T08:00:00.000Z',
    ]);
    // The series and each of its occurrences are in the audit log, each occurrence as the booking it is.
    const admin = await t.signIn(t.emailOf('admin'));
    const log = (await t.request(admin, { method: 'GET', url: `${base}/audit?pageSize=100` })).json().items as {
      action: string;
      entityId: string;
      after: { startsAt?: string };
    }[];
    const ids = res.json().booked.map((b: { id: string }) => b.id);
    const created = log.filter((e) => e.action === 'booking.create' && ids.includes(e.entityId));
    expect(created.map((e) => e.after.startsAt).sort()).toEqual(starts);
    expect(log.filter((e) => e.action === 'booking.series' && e.entityId === res.json().seriesId)).toHaveLength(1);
    const feed = (await t.request(member, { method: 'POST', url: '/api/v1/me/calendar-feed' })).json().url as string;
    const ics = (await t.request(null, { method: 'GET', url: new URL(feed).pathname })).body;
    expect(ics).toContain('DTSTART:20261020T070000Z');
    expect(ics).toContain('DTSTART:20261027T080000Z');
  });

  it('takes "today" in Paris: the 25th at 00:30 local, and the 26th at 00:30 after the change', async () => {
    const before = now;
    try {
      now = new Date('2026-10-24T22:30:00Z'); // 00:30 on Sunday 25 (UTC+2), still Saturday in UTC
      const today = await availability(allDay);
      expect([today.from, today.to]).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
      now = new Date('2026-10-25T23:30:00Z'); // 00:30 on Monday 26 (UTC+1)
      expect((await availability(allDay)).from).toBe('2026-10-25T23:00:00.000Z');
    } finally {
      now = before;
    }
  });
});
