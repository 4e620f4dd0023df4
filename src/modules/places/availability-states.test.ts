import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

/** Tuesday 2026-03-24, 10:10 in Paris (UTC+1). */
let now = new Date('2026-03-24T09:10:00Z');
let t: TestApp;
let member: Agent;
let printer: string;
const base = '/api/v1/territories/alpha';

type Slot = { start: string; end: string; state: string; reason?: string; free: number };
const slotsOf = async (date: string) =>
  (await t.request(null, { method: 'GET', url: `${base}/resources/${printer}/availability?date=${date}` })).json().slots as Slot[];
const at = (slots: Slot[], iso: string) => slots.find((s) => s.start === iso);

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  const manager = await t.signIn(t.emailOf('place_manager'));
  member = await t.signIn(t.emailOf('member'));
  const place = (
    await t.request(manager, { method: 'POST', url: `${base}/places`, payload: { name: 'FabLab', openingHours: 'Mo-Sa 09:00-18:00' } })
  ).json().id;
  printer = (
    await t.request(manager, {
      method: 'POST',
      url: `${base}/places/${place}/resources`,
      payload: { kind: 'machine', name: 'Imprimante 3D', rules: { leadTimeMinutes: 60, maxAdvanceDays: 7 } },
    })
  ).json().id;
});
afterAll(() => t.close());

describe('availability says what cannot be booked, and why', () => {
  it('marks begun slots past and those inside the lead time, leaving booked and closed time as they are', async () => {
    const before = now;
    now = new Date('2026-03-24T07:00:00Z'); // 08:00: book 09:30–10:00 while it is still bookable
    const booked = await t.request(member, {
      method: 'POST',
      url: `${base}/bookings`,
      payload: { resourceId: printer, start: '2026-03-24T09:30:00+01:00', end: '2026-03-24T10:00:00+01:00' },
    });
    expect(booked.statusCode).toBe(201);
    now = before;
    const today = await slotsOf('2026-03-24');
    expect(at(today, '2026-03-23T23:00:00.000Z')).toMatchObject({ state: 'closed', end: '2026-03-24T08:00:00.000Z' });
    expect(at(today, '2026-03-24T08:00:00.000Z')).toEqual({
      start: '2026-03-24T08:00:00.000Z',
      end: '2026-03-24T08:30:00.000Z',
      state: 'unavailable',
      reason: 'past',
      free: 0,
    });
    expect(at(today, '2026-03-24T08:30:00.000Z')).toMatchObject({ state: 'booked', free: 0 });
    expect(at(today, '2026-03-24T09:00:00.000Z')).toMatchObject({ state: 'unavailable', reason: 'past' }); // 10:00, begun at 10:10
    expect(at(today, '2026-03-24T09:30:00.000Z')).toMatchObject({ state: 'unavailable', reason: 'lead_time' });
    expect(at(today, '2026-03-24T10:00:00.000Z')).toMatchObject({ state: 'unavailable', reason: 'lead_time' });
    expect(at(today, '2026-03-24T10:30:00.000Z')).toMatchObject({ state: 'free', free: 1 });
    expect(at(today, '2026-03-24T10:30:00.000Z')?.reason).toBeUndefined();
    // What availability calls unavailable, the booking rules refuse with the matching code.
    const late = await t.request(member, {
      method: 'POST',
      url: `${base}/bookings`,
      payload: { resourceId: printer, start: '2026-03-24T11:00:00+01:00', end: '2026-03-24T11:30:00+01:00' },
    });
    expect(late.json().errors[0].code).toBe('booking_lead_time');
  });

  it('marks days beyond the horizon, counting days in the territory’s zone', async () => {
    expect((await slotsOf('2026-03-31')).filter((s) => s.state === 'free')).toHaveLength(18);
    const beyond = await slotsOf('2026-04-01');
    expect(beyond.filter((s) => s.state !== 'closed').every((s) => s.state === 'unavailable' && s.reason === 'horizon')).toBe(true);
    const before = now;
    try {
      now = new Date('2026-03-24T23:30:00Z'); // 00:30 on Wednesday 25 in Paris: the horizon moves one day on
      expect((await slotsOf('2026-04-01')).filter((s) => s.state === 'free')).toHaveLength(18);
      expect((await slotsOf('2026-04-02')).find((s) => s.state !== 'closed')).toMatchObject({ state: 'unavailable', reason: 'horizon' });
    } finally {
      now = before;
    }
  });
});
