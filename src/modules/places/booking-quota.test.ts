import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, testPassword } from '../../../tests/helpers/app.ts';
import { systemActor } from '../../platform/policy/actor.ts';
import { createMembersService } from '../identity/index.ts';

/** Monday 2026-03-16, 10:00 in Paris: the bookings below fall in the ISO week of 16 to 22 March. */
const now = new Date('2026-03-16T09:00:00Z');
let t: TestApp;
let ana: Agent;
let ben: Agent;
let carla: Agent;
let tektos: string;
let former: string;
let sharedRoom: string;
let ownRoom: string;
const base = '/api/v1/territories/alpha';

const book = (agent: Agent | null, payload: object, lang = 'fr') =>
  t.request(agent, { method: 'POST', url: `${base}/bookings`, payload, headers: { 'accept-language': lang } });
const slot = (resourceId: string, day: string, from: string, to: string, extra: object = {}) => ({
  resourceId,
  start: `2026-03-${day}T${from}:00+01:00`,
  end: `2026-03-${day}T${to}:00+01:00`,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  const sys = { actor: systemActor, locale: 'fr' as const, requestId: 'test' };
  const members = createMembersService(t.deps);
  for (const name of ['ana', 'ben', 'carla'])
    await members.grant(sys, 'alpha', { email: `${name}@tektos.test`, displayName: name, role: 'member' }, testPassword);
  ana = await t.signIn('ana@tektos.test');
  ben = await t.signIn('ben@tektos.test');
  carla = await t.signIn('carla@tektos.test');
  const staff = await t.signIn(t.emailOf('staff'));
  const post = async (url: string, payload: object) => {
    const res = await t.request(staff, { method: 'POST', url: `${base}/directory${url}`, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  tektos = await post('/organizations', { kind: 'startup', name: 'Tektos' });
  former = await post('/organizations', { kind: 'sme', name: 'Ancien employeur' });
  const person = (first: string) =>
    post('/people', { firstName: first, lastName: 'Test', legalBasis: 'contract', email: `${first}@tektos.test` });
  const [anaId, benId] = [await person('ana'), await person('ben')];
  await post(`/people/${anaId}/affiliations`, { organizationId: tektos });
  await post(`/people/${benId}/affiliations`, { organizationId: tektos, startedOn: '2025-01-01' });
  await post(`/people/${benId}/affiliations`, { organizationId: former, startedOn: '2020-01-01', endedOn: '2025-12-31' });
  const manager = await t.signIn(t.emailOf('place_manager'));
  const place = (await t.request(manager, { method: 'POST', url: `${base}/places`, payload: { name: 'Hôtel d’entreprises' } })).json().id;
  const room = async (name: string, quotaScope: 'person' | 'organization') =>
    (
      await t.request(manager, {
        method: 'POST',
        url: `${base}/places/${place}/resources`,
        payload: { kind: 'room', name, rules: { weeklyQuotaMinutes: 180, quotaScope } },
      })
    ).json().id as string;
  sharedRoom = await room('Salle partagée', 'organization');
  ownRoom = await room('Salle individuelle', 'person');
});
afterAll(() => t.close());

describe('booking on behalf of an organisation', () => {
  it('lists the organisations a person may book for: current affiliations only, in this territory only', async () => {
    const mine = (agent: Agent | null, slug = 'alpha') =>
      t.request(agent, { method: 'GET', url: `/api/v1/territories/${slug}/my/booking-organizations` });
    expect((await mine(ben)).json().items).toEqual([{ id: tektos, name: 'Tektos' }]);
    expect((await mine(carla)).json().items).toEqual([]);
    expect((await mine(ana, 'beta')).json().items).toEqual([]);
    expect((await mine(null)).statusCode).toBe(401);
  });

  it('refuses an organisation the booker is not (or no longer) affiliated with, writing nothing', async () => {
    const cases = [
      await book(ben, slot(sharedRoom, '17', '09:00', '10:00', { organizationId: former })),
      await book(carla, slot(sharedRoom, '17', '09:00', '10:00', { organizationId: tektos })),
      await book(null, slot(sharedRoom, '17', '09:00', '10:00', { organizationId: tektos, guestName: 'X', guestEmail: 'x@example.test' })),
    ];
    for (const res of cases) {
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.organizationId', code: 'not_affiliated' }] });
    }
    const staffList = await t.request(await t.signIn(t.emailOf('place_manager')), {
      method: 'GET',
      url: `${base}/bookings?resourceId=${sharedRoom}`,
    });
    expect(staffList.json().total).toBe(0);
  });

  it('counts the minutes of every member towards the organisation’s weekly quota', async () => {
    const first = await book(ana, slot(sharedRoom, '17', '09:00', '11:00', { organizationId: tektos }));
    expect(first.statusCode).toBe(201);
    expect(first.json().organization).toEqual({ id: tektos, name: 'Tektos' });
    expect((await t.smtp.waitFor('ana@tektos.test')).text).toContain('Pour le compte de : Tektos');
    const over = await book(ben, slot(sharedRoom, '18', '09:00', '11:00', { organizationId: tektos }));
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'booking_rules', errors: [{ code: 'booking_weekly_quota', path: 'body.start' }] });
    expect(over.json().errors[0].message).toContain('quota de votre organisation');
    const overEn = await book(ben, slot(sharedRoom, '18', '09:00', '11:00', { organizationId: tektos }), 'en');
    expect(overEn.json().errors[0].message).toBe(
      "Your organisation's quota of 180 minutes a week would be exceeded (120 already booked by its members).",
    );
    expect((await book(ben, slot(sharedRoom, '18', '09:00', '10:00', { organizationId: tektos }))).statusCode).toBe(201);
    // Booking for no organisation falls back to the person's own minutes (Ben holds 60).
    expect((await book(ben, slot(sharedRoom, '19', '09:00', '11:00'))).statusCode).toBe(201);
    const personal = await book(ben, slot(sharedRoom, '20', '09:00', '10:00'));
    expect(personal.json().errors[0].message).toContain('(180 déjà réservées)');
    // Next ISO week starts afresh.
    expect((await book(ben, slot(sharedRoom, '23', '09:00', '11:00', { organizationId: tektos }))).statusCode).toBe(201);
  });

  it('shows the organisation booked for to the booker, to the managers and in the invoicing export', async () => {
    const mine = await t.request(ana, { method: 'GET', url: `${base}/my/bookings` });
    expect(mine.json().items.map((b: { organization: unknown }) => b.organization)).toEqual([{ id: tektos, name: 'Tektos' }]);
    const manager = await t.signIn(t.emailOf('place_manager'));
    const list = await t.request(manager, { method: 'GET', url: `${base}/bookings?resourceId=${sharedRoom}&pageSize=50` });
    const byBooker = (list.json().items as { booker: { email: string }; organization: { name: string } | null; start: string }[]).map(
      (b) => [b.booker.email, b.start.slice(0, 10), b.organization?.name ?? null],
    );
    expect(byBooker).toEqual([
      ['ana@tektos.test', '2026-03-17', 'Tektos'],
      ['ben@tektos.test', '2026-03-18', 'Tektos'],
      ['ben@tektos.test', '2026-03-19', null],
      ['ben@tektos.test', '2026-03-23', 'Tektos'],
    ]);
    const csv = await t.request(manager, {
      method: 'GET',
      url: `${base}/bookings.csv?from=2026-03-16T00:00:00%2B01:00&to=2026-03-20T00:00:00%2B01:00`,
      headers: { 'accept-language': 'en' },
    });
    const lines = csv.body.replace('\ufeff', '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('booked by;e-mail;on behalf of;audience');
    expect(lines.filter((l) => l.includes('ana@tektos.test;Tektos;'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('ben@tektos.test;Tektos;'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('ben@tektos.test;;'))).toHaveLength(1);
  });

  it('keeps the quota per person when the resource’s rules say so, even when booking for an organisation', async () => {
    expect((await book(ana, slot(ownRoom, '17', '09:00', '12:00', { organizationId: tektos }))).statusCode).toBe(201);
    expect((await book(ben, slot(ownRoom, '18', '09:00', '12:00', { organizationId: tektos }))).statusCode).toBe(201);
    const over = await book(ben, slot(ownRoom, '19', '09:00', '09:30', { organizationId: tektos }));
    expect(over.json().errors[0]).toMatchObject({ code: 'booking_weekly_quota', message: expect.not.stringContaining('organisation') });
  });

  it('counts the booker’s quota, not the manager’s, when a manager moves someone’s booking', async () => {
    // Carla holds the whole weekly quota of the individual room: 2 h on Friday morning, 1 h that afternoon.
    expect((await book(carla, slot(ownRoom, '20', '09:00', '11:00'))).statusCode).toBe(201);
    const short = await book(carla, slot(ownRoom, '20', '14:00', '15:00'));
    expect(short.statusCode).toBe(201);
    const manager = await t.signIn(t.emailOf('place_manager'));
    const move = (end: string) =>
      t.request(manager, {
        method: 'PATCH',
        url: `${base}/bookings/${short.json().id}`,
        payload: { start: '2026-03-19T14:00:00+01:00', end: `2026-03-19T${end}:00+01:00` },
      });
    const longer = await move('15:30');
    expect(longer.statusCode).toBe(422);
    expect(longer.json().errors[0].code).toBe('booking_weekly_quota');
    const same = await move('15:00');
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ start: '2026-03-19T13:00:00.000Z', organization: null });
  });

  it('never lets concurrent requests of two members go past the shared quota', async () => {
    // Every free hour of Tuesday 24 to Friday 27, half asked by Ana, half by Ben, all at once.
    const payloads = Array.from({ length: 36 }, (_, i) => {
      const [day, hour] = [24 + Math.floor(i / 9), 9 + (i % 9)];
      const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
      return { agent: i % 2 ? ana : ben, payload: slot(sharedRoom, String(day), hh(hour), hh(hour + 1), { organizationId: tektos }) };
    });
    const results = await Promise.all(payloads.map((p) => book(p.agent, p.payload)));
    const codes = results.map((r) => r.statusCode);
    // Ben already holds two of Tektos's 180 minutes that week (Monday the 23rd): one more hour fits, once.
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 422)).toHaveLength(35);
    expect(results.find((r) => r.statusCode === 422)?.json().errors[0].code).toBe('booking_weekly_quota');
  });
});
