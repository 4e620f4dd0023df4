import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

/**
 * The invariants hold under concurrency because the database enforces them (an exclusion
 * constraint, a capacity trigger), not a check-then-insert in the application. On PostgreSQL
 * these requests really run in parallel on the pool's connections.
 */
let t: TestApp;
let manager: Agent;
let place: string;
const base = '/api/v1/territories/alpha';
const now = new Date('2026-03-24T08:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  manager = await t.signIn(t.emailOf('place_manager'));
  place = (
    await t.request(manager, { method: 'POST', url: `${base}/places`, payload: { name: 'La Fabrique', openingHours: '24/7' } })
  ).json().id;
});
afterAll(() => t.close());

const resource = async (payload: object) =>
  (await t.request(manager, { method: 'POST', url: `${base}/places/${place}/resources`, payload })).json().id as string;
const fire = (payloads: object[]) =>
  Promise.all(payloads.map((payload) => t.request(null, { method: 'POST', url: `${base}/bookings`, payload })));
const visitor = (i: number) => ({ guestName: `Visiteur ${i}`, guestEmail: `visiteur-${i}@example.test` });
const hour = (h: number) => `2026-04-0${1 + Math.floor(h / 24)}T${String(h % 24).padStart(2, '0')}:00:00+02:00`;

describe('200 concurrent conflicting requests', () => {
  it('on a single-unit machine: exactly one request per slot succeeds, the others get 409', async () => {
    const printer = await resource({ kind: 'machine', name: 'Imprimante 3D', rules: { maxAdvanceDays: 30 } });
    // Ten one-hour slots, twenty requests for each, all sent at once.
    const payloads = Array.from({ length: 200 }, (_, i) => ({
      resourceId: printer,
      start: hour(i % 10),
      end: hour((i % 10) + 1),
      ...visitor(i),
    }));
    const results = await fire(payloads);
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(190);
    expect(results.find((r) => r.statusCode === 409)?.json().code).toBe('booking_conflict');
    const held = (await t.request(manager, { method: 'GET', url: `${base}/bookings?resourceId=${printer}&pageSize=100` })).json();
    expect(new Set(held.items.map((b: { start: string }) => b.start)).size).toBe(10);
  });

  it('on a 24-desk coworking space with overlapping requests: the capacity is never exceeded', async () => {
    const coworking = await resource({ kind: 'desk', name: 'Coworking', capacity: 24, rules: { maxAdvanceDays: 30 } });
    // Staggered two-hour requests: every instant is wanted by far more than 24 people.
    const payloads = Array.from({ length: 200 }, (_, i) => ({
      resourceId: coworking,
      start: hour(8 + (i % 4)),
      end: hour(10 + (i % 4)),
      ...visitor(1000 + i),
    }));
    const results = await fire(payloads);
    const ok = results.filter((r) => r.statusCode === 201).map((r) => r.json() as { start: string; end: string });
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    // At every hour, the desks taken never exceed 24; and the first hour, which fewer requests cover, is full.
    for (let h = 8; h < 14; h++) {
      const at = new Date(hour(h)).getTime();
      const taken = ok.filter((b) => new Date(b.start).getTime() <= at && new Date(b.end).getTime() > at).length;
      expect(taken).toBeLessThanOrEqual(24);
    }
    // Every refused request really did not fit: some hour of it is full in the final state.
    const full = (h: number) =>
      ok.filter(
        (b) => new Date(b.start).getTime() <= new Date(hour(h)).getTime() && new Date(b.end).getTime() > new Date(hour(h)).getTime(),
      ).length === 24;
    payloads.forEach((p, i) => {
      if (results[i]?.statusCode === 409) expect(full(8 + (i % 4)) || full(9 + (i % 4)), `request ${i} (${p.start})`).toBe(true);
    });
    const first = new Date(hour(8)).getTime();
    expect(ok.filter((b) => new Date(b.start).getTime() === first).length).toBeGreaterThan(0);
    const availability = (
      await t.request(null, { method: 'GET', url: `${base}/resources/${coworking}/availability?date=2026-04-01` })
    ).json();
    const nine = availability.slots.find((s: { start: string }) => s.start === new Date(hour(9)).toISOString());
    expect(nine.free).toBe(
      24 - ok.filter((b) => new Date(b.start).getTime() <= first + 3600_000 && new Date(b.end).getTime() > first + 3600_000).length,
    );
  });

  it('with several units per request and back-to-back hours: the peak never exceeds the capacity, and an end frees its units', async () => {
    const lab = await resource({ kind: 'desk', name: 'Salle de TP', capacity: 10, rules: { maxAdvanceDays: 30 } });
    // One- and two-hour requests for 1 to 4 desks, from 14:00 to 19:00, all sent at once.
    const payloads = Array.from({ length: 120 }, (_, i) => ({
      resourceId: lab,
      start: hour(38 + (i % 4)),
      end: hour(38 + (i % 4) + 1 + (i % 2)),
      units: 1 + (i % 4),
      ...visitor(2000 + i),
    }));
    const results = await fire(payloads);
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    const ok = results.flatMap((r, i) => (r.statusCode === 201 ? [payloads[i] as (typeof payloads)[number]] : []));
    const taken = (at: number) => ok.filter((b) => Date.parse(b.start) <= at && Date.parse(b.end) > at).reduce((n, b) => n + b.units, 0);
    for (let h = 38; h < 44; h++) expect(taken(Date.parse(hour(h)))).toBeLessThanOrEqual(10);
    // Every refusal was deserved: some hour of the request could not take its units.
    payloads.forEach((p, i) => {
      if (results[i]?.statusCode !== 409) return;
      const hours = Array.from(
        { length: (Date.parse(p.end) - Date.parse(p.start)) / 3600_000 },
        (_, k) => Date.parse(p.start) + k * 3600_000,
      );
      expect(
        hours.some((at) => taken(at) + p.units > 10),
        `request ${i}`,
      ).toBe(true);
    });
  });
});
