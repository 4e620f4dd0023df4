import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

/** Tuesday 2026-03-24, 09:00 in Paris (UTC+1): before the spring change of 2026-03-29. */
let now = new Date('2026-03-24T08:00:00Z');
let t: TestApp;
let manager: Agent;
let member: Agent;
let place: string;
let printer: string;
let desks: string;
const base = '/api/v1/territories/alpha';

const book = (agent: Agent | null, payload: object, lang = 'fr') =>
  t.request(agent, { method: 'POST', url: `${base}/bookings`, payload, headers: { 'accept-language': lang } });
const visitor = { guestName: 'Camille Martin', guestEmail: 'camille@example.test' };

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  manager = await t.signIn(t.emailOf('place_manager'));
  member = await t.signIn(t.emailOf('member'));
  place = (
    await t.request(manager, {
      method: 'POST',
      url: `${base}/places`,
      payload: { name: 'FabLab Calais — site public', openingHours: 'Mo-Sa 09:00-18:00; PH off', communeInsee: '62193' },
    })
  ).json().id;
  const addResource = async (payload: object) =>
    (await t.request(manager, { method: 'POST', url: `${base}/places/${place}/resources`, payload })).json().id as string;
  printer = await addResource({ kind: 'machine', name: 'Imprimante 3D', rules: { maxDurationMinutes: 240 }, prices: { public: 500 } });
  desks = await addResource({ kind: 'desk', name: 'Coworking', capacity: 3, access: ['resident', 'member', 'staff'] });
});
afterAll(() => t.close());

describe('places and resources', () => {
  it('refuses opening hours the library cannot read, at the field, creating nothing', async () => {
    const res = await t.request(manager, {
      method: 'POST',
      url: `${base}/places`,
      payload: { name: 'Lieu', openingHours: 'quand ça nous chante' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0].path).toBe('body.openingHours');
    expect((await t.request(null, { method: 'GET', url: `${base}/places` })).json().items).toHaveLength(1);
  });

  it('lists public places with their resources for anyone; members may not create places', async () => {
    const list = (await t.request(null, { method: 'GET', url: `${base}/places` })).json();
    expect(list.items[0].resources.map((r: { name: string }) => r.name)).toEqual(['Coworking', 'Imprimante 3D']);
    expect(list.items[0].timeZone).toBe('Europe/Paris');
    expect((await t.request(member, { method: 'POST', url: `${base}/places`, payload: { name: 'X' } })).statusCode).toBe(403);
    expect((await t.request(null, { method: 'GET', url: `/api/v1/territories/beta/places/${place}` })).statusCode).toBe(404);
  });
});

describe('booking a machine', () => {
  it('lets a visitor book a free slot, priced at the time, with a confirmation e-mail and its .ics', async () => {
    const res = await book(null, { resourceId: printer, start: '2026-03-31T10:00:00+02:00', end: '2026-03-31T11:30:00+02:00', ...visitor });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({ status: 'confirmed', audience: 'public', priceCents: 750, start: '2026-03-31T08:00:00.000Z' });
    const mail = await t.smtp.waitFor('camille@example.test');
    expect(mail.subject).toContain('Réservation confirmée');
    expect(mail.text).toContain('mardi 31 mars 2026, 10:00');
    expect(mail.attachments[0]?.contentType).toContain('text/calendar');
    expect(mail.attachments[0]?.content).toContain('DTSTART:20260331T080000Z');
  });

  it('answers 409 with a clear message to an overlapping request, and accepts the adjacent slot', async () => {
    const clash = await book(null, {
      resourceId: printer,
      start: '2026-03-31T11:00:00+02:00',
      end: '2026-03-31T12:00:00+02:00',
      ...visitor,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'booking_conflict', title: expect.stringContaining('chevauche') });
    const next = await book(null, {
      resourceId: printer,
      start: '2026-03-31T11:30:00+02:00',
      end: '2026-03-31T12:00:00+02:00',
      ...visitor,
    });
    expect(next.statusCode).toBe(201);
  });

  it('checks the rules on the server: opening hours, grid, length, past, visitors’ details', async () => {
    const at = (start: string, end: string, extra: object = visitor) => book(null, { resourceId: printer, start, end, ...extra }, 'en');
    const evening = await at('2026-03-31T18:00:00+02:00', '2026-03-31T19:00:00+02:00');
    expect(evening.statusCode).toBe(422);
    expect(evening.json().errors.map((e: { code: string }) => e.code)).toContain('booking_outside_opening_hours');
    expect((await at('2026-03-31T14:10:00+02:00', '2026-03-31T15:00:00+02:00')).json().errors[0].code).toBe('booking_misaligned');
    expect((await at('2026-03-31T09:00:00+02:00', '2026-03-31T14:00:00+02:00')).json().errors[0].code).toBe('booking_too_long');
    expect((await at('2026-03-23T10:00:00+01:00', '2026-03-23T11:00:00+01:00')).json().errors[0].code).toBe('booking_in_past');
    const anonymous = await at('2026-04-01T10:00:00+02:00', '2026-04-01T11:00:00+02:00', {});
    expect(anonymous.statusCode).toBe(422);
    expect(anonymous.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.guestName', 'body.guestEmail']);
    // Easter Monday 2026 is a public holiday: closed.
    expect((await at('2026-04-06T10:00:00+02:00', '2026-04-06T11:00:00+02:00')).json().errors[0].code).toBe(
      'booking_outside_opening_hours',
    );
  });

  it('shows availability in the territory’s zone, across the spring change, and "today" at 00:30 Paris time', async () => {
    const day = (await t.request(null, { method: 'GET', url: `${base}/resources/${printer}/availability?date=2026-03-31` })).json();
    expect(day.from).toBe('2026-03-30T22:00:00.000Z');
    expect(day.open).toEqual([{ start: '2026-03-31T07:00:00.000Z', end: '2026-03-31T16:00:00.000Z' }]);
    const at10 = day.slots.find((s: { start: string }) => s.start === '2026-03-31T08:00:00.000Z');
    expect(at10).toMatchObject({ state: 'booked', free: 0 });
    expect(day.slots.find((s: { start: string }) => s.start === '2026-03-31T07:00:00.000Z')).toMatchObject({ state: 'free' });
    const sunday = (await t.request(null, { method: 'GET', url: `${base}/resources/${printer}/availability?date=2026-03-29` })).json();
    expect(sunday.open).toEqual([]);
    expect(new Date(sunday.to).getTime() - new Date(sunday.from).getTime()).toBe(23 * 3600_000);
    const before = now;
    now = new Date('2026-03-30T22:30:00Z'); // 00:30 on Tuesday 31 March in Paris, still Monday in UTC
    try {
      const today = (await t.request(null, { method: 'GET', url: `${base}/resources/${printer}/availability` })).json();
      expect(today.from).toBe('2026-03-30T22:00:00.000Z');
    } finally {
      now = before;
    }
  });

  it('publishes the resource’s calendar without saying who booked', async () => {
    const res = await t.request(null, { method: 'GET', url: `${base}/resources/${printer}/calendar.ics` });
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('BEGIN:VEVENT');
    expect(res.body).toContain('Réservé');
    expect(res.body).not.toContain('camille');
  });
});

describe('access, capacity, cancellation and approval', () => {
  it('admits residents and members to the coworking, not passing visitors', async () => {
    const slot = { resourceId: desks, start: '2026-04-01T09:00:00+02:00', end: '2026-04-01T12:00:00+02:00' };
    const res = await book(null, { ...slot, ...visitor });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'booking_not_allowed',
      detail: expect.stringContaining('les habitants des communes du territoire (indiquez votre commune) ou les membres'),
      errors: [{ path: 'body.resourceId', code: 'audience_required' }],
    });
    const english = (await book(null, { ...slot, ...visitor }, 'en')).json();
    expect(english.detail).toBe(
      'This resource is for residents of the territory’s communes (give your commune) or members of the territory or the place’s staff only.',
    );
    expect((await book(null, { ...slot, ...visitor, communeInsee: '62119' })).json().audience).toBe('resident');
    expect((await book(member, slot)).json()).toMatchObject({ status: 'confirmed', audience: 'member' });
  });

  it('never holds more units than the capacity: two more fit, a fourth is refused', async () => {
    const slot = { resourceId: desks, start: '2026-04-01T10:00:00+02:00', end: '2026-04-01T11:00:00+02:00' };
    expect((await book(member, slot)).statusCode).toBe(201);
    expect((await book(member, slot)).statusCode).toBe(409);
    const other = await book(member, { ...slot, start: '2026-04-01T12:00:00+02:00', end: '2026-04-01T13:00:00+02:00', units: 3 });
    expect(other.statusCode).toBe(201);
  });

  it('lets the booker cancel before the deadline only, and a manager at any time with a reason e-mailed', async () => {
    const mine = (await book(member, { resourceId: printer, start: '2026-04-02T09:00:00+02:00', end: '2026-04-02T10:00:00+02:00' })).json();
    expect(mine.cancellable).toBe(true);
    const listed = (await t.request(member, { method: 'GET', url: `${base}/my/bookings` })).json();
    expect(listed.items.map((b: { id: string }) => b.id)).toContain(mine.id);
    const cancel = (agent: Agent, id: string, payload: object = {}) =>
      t.request(agent, { method: 'POST', url: `${base}/bookings/${id}/cancel`, payload });
    expect((await cancel(member, mine.id)).json().status).toBe('cancelled');
    const late = (await book(member, { resourceId: printer, start: '2026-03-24T10:00:00+01:00', end: '2026-03-24T10:30:00+01:00' })).json();
    expect(late.cancellable).toBe(false);
    expect((await cancel(member, late.id)).json().code).toBe('booking_not_cancellable');
    const other = await t.signIn(t.emailOf('reviewer'));
    expect((await cancel(other, late.id)).statusCode).toBe(403);
    expect((await cancel(manager, late.id)).json().errors[0].path).toBe('body.reason');
    expect((await cancel(manager, late.id, { reason: 'Maintenance imprévue' })).json().status).toBe('cancelled');
    await expect.poll(() => t.smtp.mails.some((m) => m.text.includes('Maintenance imprévue')), { timeout: 5000 }).toBe(true);
    const mail = t.smtp.mails.find((m) => m.text.includes('Maintenance imprévue'));
    expect(mail?.to).toContain(t.emailOf('member'));
    expect(mail?.subject).toContain('Réservation annulée');
    expect(mail?.attachments[0]?.content).toContain('METHOD:CANCEL');
  });

  it('holds requests for approval when the resource asks for it; a request is decided once', async () => {
    await t.request(manager, { method: 'PATCH', url: `${base}/resources/${printer}`, payload: { rules: { requiresApproval: true } } });
    const asked = (
      await book(member, { resourceId: printer, start: '2026-04-03T09:00:00+02:00', end: '2026-04-03T10:00:00+02:00' })
    ).json();
    expect(asked.status).toBe('pending');
    const decide = (decision: string) =>
      t.request(manager, { method: 'POST', url: `${base}/bookings/${asked.id}/decision`, payload: { decision } });
    expect((await decide('approve')).json().status).toBe('confirmed');
    expect((await decide('reject')).json().code).toBe('booking_not_pending');
    const pending = (await t.request(manager, { method: 'GET', url: `${base}/bookings?resourceId=${printer}&status=confirmed` })).json();
    expect(pending.items.find((b: { id: string }) => b.id === asked.id).booker.email).toBe(t.emailOf('member'));
    expect((await t.request(member, { method: 'GET', url: `${base}/bookings` })).statusCode).toBe(403);
  });

  it('blocks a resource for maintenance unless bookings are in the way, and audits every write', async () => {
    const block = (start: string, end: string) =>
      t.request(manager, { method: 'POST', url: `${base}/blockings`, payload: { resourceId: printer, start, end, reason: 'Buse' } });
    expect((await block('2026-03-31T09:00:00+02:00', '2026-03-31T18:00:00+02:00')).statusCode).toBe(409);
    expect((await block('2026-04-04T09:00:00+02:00', '2026-04-04T18:00:00+02:00')).json().kind).toBe('blocking');
    const admin = await t.signIn(t.emailOf('admin'));
    const log = (await t.request(admin, { method: 'GET', url: `${base}/audit?pageSize=100` })).json();
    const actions = new Set(log.items.map((e: { action: string }) => e.action));
    for (const a of ['place.create', 'resource.create', 'booking.create', 'booking.cancel', 'booking.approve', 'booking.block']) {
      expect(actions).toContain(a);
    }
  });
});
