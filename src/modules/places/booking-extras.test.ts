import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

/** Monday 2026-03-16, 10:00 in Paris (UTC+1), two weeks before the spring change. */
let now = new Date('2026-03-16T09:00:00Z');
let t: TestApp;
let manager: Agent;
let member: Agent;
let room: string;
let printer: string;
const base = '/api/v1/territories/alpha';

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  manager = await t.signIn(t.emailOf('place_manager'));
  member = await t.signIn(t.emailOf('member'));
  const place = (
    await t.request(manager, {
      method: 'POST',
      url: `${base}/places`,
      payload: { name: 'La Fabrique', openingHours: 'Mo-Sa 08:00-20:00; PH off' },
    })
  ).json().id;
  const add = async (payload: object) =>
    (await t.request(manager, { method: 'POST', url: `${base}/places/${place}/resources`, payload })).json().id as string;
  room = await add({ kind: 'room', name: 'Salle Pasteur', seats: 8, access: ['member', 'staff'], rules: { maxAdvanceDays: 120 } });
  printer = await add({ kind: 'machine', name: 'Imprimante 3D', rules: { checkInGraceMinutes: 15 }, prices: { public: 1000 } });
});
afterAll(() => t.close());

const series = (agent: Agent, payload: object) => t.request(agent, { method: 'POST', url: `${base}/bookings/series`, payload });

describe('recurring bookings', () => {
  it('previews every Tuesday 9:00–11:00 until June, 9:00 local on both sides of the spring change, writing nothing', async () => {
    const res = await series(member, {
      resourceId: room,
      start: '2026-03-17T09:00',
      durationMinutes: 120,
      rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630',
    });
    expect(res.statusCode).toBe(200);
    const { occurrences, booked, seriesId } = res.json();
    expect(occurrences).toHaveLength(16);
    expect(occurrences[0].start).toBe('2026-03-17T08:00:00.000Z');
    expect(occurrences[2].start).toBe('2026-03-31T07:00:00.000Z');
    expect(occurrences.every((o: { ok: boolean }) => o.ok)).toBe(true);
    expect([booked, seriesId]).toEqual([[], null]);
    expect((await t.request(manager, { method: 'GET', url: `${base}/bookings?resourceId=${room}` })).json().total).toBe(0);
  });

  it('reports the conflicting occurrences before writing, then books the free ones when asked', async () => {
    await t.request(member, {
      method: 'POST',
      url: `${base}/bookings`,
      payload: { resourceId: room, start: '2026-04-14T10:00:00+02:00', end: '2026-04-14T12:00:00+02:00' },
    });
    const payload = {
      resourceId: room,
      start: '2026-03-17T09:00',
      durationMinutes: 120,
      rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630',
      mode: 'commit',
    };
    const refused = await series(member, payload);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ path: 'body.occurrences.2026-04-14T09:00', code: 'booking_conflict' }),
    ]);
    expect((await t.request(manager, { method: 'GET', url: `${base}/bookings?resourceId=${room}` })).json().total).toBe(1);
    const res = await series(member, { ...payload, skipConflicts: true });
    expect(res.statusCode).toBe(201);
    expect(res.json().booked).toHaveLength(15);
    // Each occurrence is cancelled alone.
    const first = res.json().booked[0];
    const cancelled = await t.request(member, { method: 'POST', url: `${base}/bookings/${first.id}/cancel`, payload: {} });
    expect(cancelled.json().status).toBe('cancelled');
    expect(
      (await t.request(manager, { method: 'GET', url: `${base}/bookings?resourceId=${room}&status=confirmed&pageSize=100` })).json().total,
    ).toBe(15);
  });

  it('refuses rules it cannot follow with a clear message', async () => {
    const res = await series(member, { resourceId: room, start: '2026-03-17T09:00', durationMinutes: 60, rrule: 'FREQ=HOURLY;COUNT=3' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ path: 'body.rrule', code: 'rrule_unsupported' });
  });
});

describe('moves, check-in and no-shows', () => {
  it('moves a booking within the rules; the database refuses a move onto another booking', async () => {
    const a = (
      await t.request(member, {
        method: 'POST',
        url: `${base}/bookings`,
        payload: { resourceId: printer, start: '2026-03-18T09:00:00+01:00', end: '2026-03-18T10:00:00+01:00' },
      })
    ).json();
    await t.request(member, {
      method: 'POST',
      url: `${base}/bookings`,
      payload: { resourceId: printer, start: '2026-03-18T14:00:00+01:00', end: '2026-03-18T15:00:00+01:00' },
    });
    const move = (start: string, end: string) =>
      t.request(member, { method: 'PATCH', url: `${base}/bookings/${a.id}`, payload: { start, end } });
    expect((await move('2026-03-18T14:30:00+01:00', '2026-03-18T15:30:00+01:00')).json().code).toBe('booking_conflict');
    expect((await move('2026-03-18T22:00:00+01:00', '2026-03-18T23:00:00+01:00')).json().errors[0].code).toBe(
      'booking_outside_opening_hours',
    );
    const moved = await move('2026-03-18T11:00:00+01:00', '2026-03-18T12:00:00+01:00');
    expect(moved.json().start).toBe('2026-03-18T10:00:00.000Z');
  });

  it('checks in with the confirmation link from 15 minutes before the start; releases those who never came', async () => {
    const visitor = { guestName: 'Camille', guestEmail: 'camille@example.test' };
    const came = (
      await t.request(null, {
        method: 'POST',
        url: `${base}/bookings`,
        payload: { resourceId: printer, start: '2026-03-19T09:00:00+01:00', end: '2026-03-19T10:00:00+01:00', ...visitor },
      })
    ).json();
    const absent = (
      await t.request(null, {
        method: 'POST',
        url: `${base}/bookings`,
        payload: { resourceId: printer, start: '2026-03-19T10:00:00+01:00', end: '2026-03-19T11:00:00+01:00', ...visitor },
      })
    ).json();
    const token = String(came.checkInUrl).split('/').pop();
    const checkIn = () => t.request(null, { method: 'POST', url: `/api/v1/check-in/${token}` });
    expect((await checkIn()).statusCode).toBe(409);
    now = new Date('2026-03-19T07:50:00Z');
    expect((await checkIn()).json().checkedInAt).toBe('2026-03-19T07:50:00.000Z');
    now = new Date('2026-03-19T09:20:00Z');
    const { moves } = await import('./places.routes.ts').then((m) => m.createPlacesServices(t.deps));
    // The absent visitor, and the two printer bookings of the day before that nobody checked in.
    expect(await moves.releaseNoShows()).toBe(3);
    expect(await moves.releaseNoShows()).toBe(0);
    const list = (await t.request(manager, { method: 'GET', url: `${base}/bookings?resourceId=${printer}&pageSize=100` })).json();
    const status = (id: string) => list.items.find((b: { id: string }) => b.id === id).status;
    expect([status(came.id), status(absent.id)]).toEqual(['confirmed', 'no_show']);
    const occupancy = (await t.request(manager, { method: 'GET', url: `${base}/occupancy?period=week&date=2026-03-19` })).json();
    const line = occupancy.items.find((i: { resourceId: string }) => i.resourceId === printer);
    expect(line).toMatchObject({ noShows: 3, openHours: 72 });
    expect(line.bookedHours).toBeGreaterThan(0);
  });

  it('gives the booker a new check-in link for their own booking, which replaces the e-mailed one', async () => {
    now = new Date('2026-03-20T08:00:00Z');
    const made = await t.request(member, {
      method: 'POST',
      url: `${base}/bookings`,
      payload: { resourceId: printer, start: '2026-03-23T09:00:00+01:00', end: '2026-03-23T10:00:00+01:00' },
    });
    expect(made.statusCode).toBe(201);
    const booking = made.json();
    const renew = (agent: Agent | null) => t.request(agent, { method: 'POST', url: `${base}/bookings/${booking.id}/check-in-link` });
    expect((await renew(null)).statusCode).toBe(401);
    // A manager may check people in, but the booker's own link is not theirs to see.
    expect((await renew(manager)).json().code).toBe('booking_not_found');
    const renewed = await renew(member);
    expect(renewed.statusCode).toBe(200);
    const tokenOf = (url: string) => String(url).split('/').pop();
    const checkIn = (url: string) => t.request(null, { method: 'POST', url: `/api/v1/check-in/${tokenOf(url)}` });
    const early = await checkIn(renewed.json().checkInUrl);
    expect([early.statusCode, early.json().code]).toEqual([409, 'check_in_closed']);
    now = new Date('2026-03-23T07:50:00Z');
    expect((await checkIn(booking.checkInUrl)).json().code).toBe('booking_not_found');
    expect((await checkIn(renewed.json().checkInUrl)).json().checkedInAt).toBe('2026-03-23T07:50:00.000Z');
    now = new Date('2026-03-23T09:30:00Z');
    expect((await renew(member)).json().code).toBe('check_in_closed');
  });
});

describe('finding a free room and exporting for invoicing', () => {
  it('finds a room for 8 free on Thursday 14:00–16:00, and not when it is taken', async () => {
    const q = (start: string, end: string) =>
      t.request(null, {
        method: 'GET',
        url: `${base}/resources/free?kind=room&seats=8&start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`,
      });
    expect(
      (await q('2026-03-26T14:00:00+01:00', '2026-03-26T16:00:00+01:00')).json().items.map((i: { resource: string }) => i.resource),
    ).toEqual(['Salle Pasteur']);
    expect((await q('2026-03-24T09:00:00+01:00', '2026-03-24T10:00:00+01:00')).json().items).toEqual([]);
    expect(
      (
        await t.request(null, {
          method: 'GET',
          url: `${base}/resources/free?kind=room&seats=9&start=2026-03-26T13:00:00Z&end=2026-03-26T15:00:00Z`,
        })
      ).json().items,
    ).toEqual([]);
  });

  it('exports bookings as French Excel CSV with local times and prices as booked', async () => {
    const res = await t.request(manager, {
      method: 'GET',
      url: `${base}/bookings.csv?from=2026-03-19T00:00:00%2B01:00&to=2026-03-20T00:00:00%2B01:00`,
    });
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\ufeffréservation;lieu;ressource')).toBe(true);
    // No organisation booked for: its column stays empty.
    expect(res.body).toContain('Camille;camille@example.test;;public;confirmed;10,00');
    expect(
      (await t.request(member, { method: 'GET', url: `${base}/bookings.csv?from=2026-03-19T00:00:00Z&to=2026-03-20T00:00:00Z` }))
        .statusCode,
    ).toBe(403);
  });
});
