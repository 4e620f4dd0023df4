import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

/** Monday 2026-03-16, 10:00 in Paris (UTC+1). */
let now = new Date('2026-03-16T09:00:00Z');
let t: TestApp;
let manager: Agent;
let member: Agent;
let printer: string;
let desks: string;
const base = '/api/v1/territories/alpha';
const visitor = { guestName: 'Camille Martin', guestEmail: 'camille@example.test' };

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  manager = await t.signIn(t.emailOf('place_manager'));
  member = await t.signIn(t.emailOf('member'));
  const place = (
    await t.request(manager, {
      method: 'POST',
      url: `${base}/places`,
      payload: { name: 'La Fabrique', openingHours: 'Mo-Sa 08:00-20:00; PH off', communeInsee: '62119' },
    })
  ).json().id;
  const add = async (payload: object) =>
    (await t.request(manager, { method: 'POST', url: `${base}/places/${place}/resources`, payload })).json().id as string;
  printer = await add({ kind: 'machine', name: 'Imprimante 3D', prices: { public: 1000 }, rules: { cancellationDeadlineMinutes: 120 } });
  desks = await add({ kind: 'desk', name: 'Coworking', capacity: 2, access: ['resident', 'staff'] });
});
afterAll(() => t.close());

const book = (agent: Agent | null, payload: object) => t.request(agent, { method: 'POST', url: `${base}/bookings`, payload });
/** The secret at the end of a visitor's link. */
const tokenOf = (url: string) => url.split('/').pop() as string;
const link = (token: string, slug = 'alpha') => `/api/v1/territories/${slug}/booking-links/${token}`;
const mailsTo = (to: string, subject: string) => t.smtp.mails.filter((m) => m.to.includes(to) && m.subject.includes(subject));
async function waitForMail(to: string, subject: string) {
  for (let i = 0; i < 250 && !mailsTo(to, subject).length; i++) await new Promise((r) => setTimeout(r, 20));
  const mail = mailsTo(to, subject).at(-1);
  if (!mail) throw new Error(`no « ${subject} » e-mail to ${to}`);
  return mail;
}

describe("a visitor's booking link", () => {
  let token: string;
  let id: string;

  it('comes with the booking and its e-mail; an account holder gets none (their bookings page does that)', async () => {
    const res = await book(null, { resourceId: printer, start: '2026-03-18T10:00:00+01:00', end: '2026-03-18T11:00:00+01:00', ...visitor });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b.manageUrl).toMatch(/^http:\/\/localhost:3000\/t\/alpha\/reservation\/[A-Za-z0-9_-]{24}$/);
    token = tokenOf(b.manageUrl);
    id = b.id;
    const mail = await waitForMail('camille@example.test', 'Réservation confirmée');
    expect(mail.text).toContain(`Pour voir, déplacer ou annuler votre réservation : ${b.manageUrl}`);
    const mine = (await book(member, { resourceId: printer, start: '2026-03-18T12:00:00+01:00', end: '2026-03-18T13:00:00+01:00' })).json();
    expect(mine.manageUrl).toBeUndefined();
  });

  it('opens the booking, in this territory only; an unknown or malformed link changes nothing', async () => {
    const res = await t.request(null, { method: 'GET', url: link(token) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'confirmed', cancellable: true, booker: { name: 'Camille Martin' } });
    expect(res.json().manageUrl).toBeUndefined();
    expect((await t.request(null, { method: 'GET', url: link(token, 'beta') })).statusCode).toBe(404);
    const unknown = await t.request(null, { method: 'GET', url: link('A'.repeat(24)) });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'booking_not_found']);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await t.request(null, { method: 'GET', url: link('short') })).statusCode).toBe(422);
    expect((await t.request(null, { method: 'POST', url: `${link('A'.repeat(24))}/cancel` })).statusCode).toBe(404);
  });

  it('moves it under the rules: a taken slot is refused with 409, a closed one with 422, a free one moves and is e-mailed', async () => {
    const move = (start: string, end: string) => t.request(null, { method: 'PATCH', url: link(token), payload: { start, end } });
    const taken = await move('2026-03-18T12:00:00+01:00', '2026-03-18T13:00:00+01:00');
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'booking_conflict']);
    const closed = await move('2026-03-22T10:00:00+01:00', '2026-03-22T11:00:00+01:00');
    expect([closed.statusCode, closed.json().errors[0].code]).toEqual([422, 'booking_outside_opening_hours']);
    expect((await t.request(null, { method: 'GET', url: link(token) })).json().start).toBe('2026-03-18T09:00:00.000Z');
    const moved = await move('2026-03-19T15:00:00+01:00', '2026-03-19T16:00:00+01:00');
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ id, start: '2026-03-19T14:00:00.000Z', status: 'confirmed' });
    const mail = await waitForMail('camille@example.test', 'Réservation déplacée');
    expect(mail.text).toContain('jeudi 19 mars 2026, 15:00');
    expect(mail.attachments[0]?.content).toContain('SEQUENCE:1');
    expect(mail.attachments[0]?.content).toContain('DTSTART:20260319T140000Z');
  });

  it('cancels it before the deadline, once; after the deadline it is refused and nothing changes', async () => {
    const late = (
      await book(null, { resourceId: printer, start: '2026-03-16T11:30:00+01:00', end: '2026-03-16T12:30:00+01:00', ...visitor })
    ).json();
    const refused = await t.request(null, { method: 'POST', url: `${link(tokenOf(late.manageUrl))}/cancel` });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'booking_not_cancellable']);
    const after = await t.request(null, { method: 'GET', url: link(tokenOf(late.manageUrl)) });
    expect(after.json()).toMatchObject({ status: 'confirmed', cancellable: false });
    const refusedMove = await t.request(null, {
      method: 'PATCH',
      url: link(tokenOf(late.manageUrl)),
      payload: { start: '2026-03-17T11:30:00+01:00', end: '2026-03-17T12:30:00+01:00' },
    });
    expect(refusedMove.statusCode).toBe(409);

    const cancelled = await t.request(null, { method: 'POST', url: `${link(token)}/cancel`, headers: { 'accept-language': 'en' } });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ id, status: 'cancelled', cancellable: false });
    const mail = await waitForMail('camille@example.test', 'Booking cancelled');
    expect(mail.subject).toBe('Booking cancelled: Imprimante 3D');
    expect(mail.attachments[0]?.content).toContain('METHOD:CANCEL');
    const again = await t.request(null, { method: 'POST', url: `${link(token)}/cancel` });
    expect([again.statusCode, again.json().code]).toEqual([409, 'booking_not_cancellable']);
  });

  it('keeps a resident visitor a resident when the booking moves', async () => {
    const made = await book(null, {
      resourceId: desks,
      start: '2026-03-20T09:00:00+01:00',
      end: '2026-03-20T12:00:00+01:00',
      communeInsee: '62119',
      ...visitor,
    });
    expect(made.json().audience).toBe('resident');
    const moved = await t.request(null, {
      method: 'PATCH',
      url: link(tokenOf(made.json().manageUrl)),
      payload: { start: '2026-03-20T14:00:00+01:00', end: '2026-03-20T17:00:00+01:00' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().audience).toBe('resident');
  });

  it('audits the visitor’s move and cancellation', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const log = (await t.request(admin, { method: 'GET', url: `${base}/audit?pageSize=100` })).json().items as {
      action: string;
      entityId: string;
      after: Record<string, unknown> | null;
    }[];
    expect(log.filter((e) => e.entityId === id).map((e) => e.action)).toEqual(
      expect.arrayContaining(['booking.create', 'booking.move', 'booking.cancel']),
    );
    // Not even the links' hashes reach the log.
    const created = log.find((e) => e.entityId === id && e.action === 'booking.create');
    expect(created?.after).toMatchObject({ guestTokenHash: '[redacted]', checkInTokenHash: '[redacted]', guestName: 'Camille Martin' });
  });
});

describe('e-mails about changes and series', () => {
  it('tells the booker when a manager moves their booking', async () => {
    const b = (await book(member, { resourceId: printer, start: '2026-03-24T10:00:00+01:00', end: '2026-03-24T11:00:00+01:00' })).json();
    const res = await t.request(manager, {
      method: 'PATCH',
      url: `${base}/bookings/${b.id}`,
      payload: { start: '2026-03-24T14:00:00+01:00', end: '2026-03-24T15:00:00+01:00' },
    });
    expect(res.statusCode).toBe(200);
    const mail = await waitForMail(t.emailOf('member'), 'Réservation déplacée');
    expect(mail.text).toContain('mardi 24 mars 2026, 14:00');
  });

  it('asks visitors for an account to repeat a booking, and sends members one e-mail listing every occurrence', async () => {
    const payload = { resourceId: printer, start: '2026-03-26T09:00', durationMinutes: 60, rrule: 'FREQ=WEEKLY;COUNT=3', mode: 'commit' };
    expect((await t.request(null, { method: 'POST', url: `${base}/bookings/series`, payload })).statusCode).toBe(401);
    const res = await t.request(member, { method: 'POST', url: `${base}/bookings/series`, payload });
    expect(res.statusCode).toBe(201);
    expect(res.json().booked).toHaveLength(3);
    const mail = await waitForMail(t.emailOf('member'), 'Réservations répétées');
    expect(mail.text).toContain('Vos réservations sont confirmées (3 créneaux).');
    expect(mail.text).toContain('jeudi 9 avril 2026, 09:00');
    expect(mail.attachments[0]?.content.match(/BEGIN:VEVENT/g)).toHaveLength(3);

    // Half an hour before the first occurrence: its booker cancels the rest, the first one (past its deadline) stays.
    const seriesId = res.json().seriesId as string;
    const cancelRest = (agent: Agent, payload: object = {}) =>
      t.request(agent, { method: 'POST', url: `${base}/booking-series/${seriesId}/cancel`, payload });
    now = new Date('2026-03-26T07:30:00Z');
    try {
      expect((await cancelRest(await t.signIn(t.emailOf('staff')))).statusCode).toBe(422);
      expect((await cancelRest(await t.signIn(t.emailOf('reviewer')))).statusCode).toBe(403);
      const done = await cancelRest(member);
      expect(done.json()).toEqual({ cancelled: 2 });
      const cancelled = await waitForMail(t.emailOf('member'), 'Réservations annulées');
      expect(cancelled.text).toContain('Ces réservations de votre série sont annulées (2 créneaux).');
      expect(cancelled.text).not.toContain('jeudi 26 mars');
      const ics = cancelled.attachments[0]?.content ?? '';
      expect(ics).toContain('METHOD:CANCEL');
      expect(ics.match(/SEQUENCE:1/g)).toHaveLength(2);
      const statuses = (res.json().booked as { id: string }[]).map(async (b) => {
        const list = (await t.request(manager, { method: 'GET', url: `${base}/bookings?resourceId=${printer}&pageSize=100` })).json();
        return list.items.find((x: { id: string }) => x.id === b.id).status;
      });
      expect(await Promise.all(statuses)).toEqual(['confirmed', 'cancelled', 'cancelled']);
      // The manager may still cancel the first one, giving the booker a reason.
      expect((await cancelRest(manager, { reason: 'Maintenance de la machine' })).json()).toEqual({ cancelled: 1 });
    } finally {
      now = new Date('2026-03-16T09:00:00Z');
    }
  });
});
