import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, testPassword } from '../../../tests/helpers/app.ts';
import { systemActor } from '../../platform/policy/actor.ts';
import { createMembersService } from '../identity/index.ts';

/** Tuesday 2026-10-20, 10:00 in Paris (CEST), before the autumn change of 2026-10-25. */
let now = new Date('2026-10-20T08:00:00Z');
let t: TestApp;
let manager: Agent;
let member: Agent;
let reviewer: Agent;
let council: Agent;
let qualification: string;
let laser: string;
let session: string;
const base = '/api/v1/territories/alpha';
const at = (iso: string) => {
  now = new Date(iso);
};

const post = (agent: Agent | null, url: string, payload?: object, lang = 'fr') =>
  t.request(agent, { method: 'POST', url: `${base}${url}`, headers: { 'accept-language': lang }, ...(payload ? { payload } : {}) });
const get = (agent: Agent | null, url: string) => t.request(agent, { method: 'GET', url: `${base}${url}` });
const enrol = (agent: Agent | null, id = session) => post(agent, `/trainings/${id}/enrolments`);
const book = (agent: Agent, start: string, end: string) => post(agent, '/bookings', { resourceId: laser, start, end });
const createTraining = (payload: object, agent = manager, lang = 'fr') => post(agent, '/trainings', payload, lang);
const roster = async () => (await get(manager, `/trainings/${session}/roster`)).json();
const userIdOf = async (email: string) =>
  (await roster()).items.find((e: { user: { email: string } }) => e.user.email === email).user.id as string;

/** A new session at the current (moved) clock: sessions signed in a year earlier have expired. */
async function signInAgain(email: string): Promise<Agent> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: testPassword } });
  const cookie = res.cookies.find((c) => c.name === 'totem_session');
  if (!cookie) throw new Error(`sign-in of ${email} failed: ${res.body}`);
  return { email, cookie: `totem_session=${cookie.value}`, csrf: res.json().csrfToken };
}

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  manager = await t.signIn(t.emailOf('place_manager'));
  member = await t.signIn(t.emailOf('member'));
  reviewer = await t.signIn(t.emailOf('reviewer'));
  council = await t.signIn(t.emailOf('council_member'));
});
afterAll(() => t.close());

describe('qualifications and the machine that requires one', () => {
  it('lets a manager define a 12-month qualification and a machine requiring it, which a member cannot book', async () => {
    expect((await post(member, '/qualifications', { name: 'Découpe laser' })).statusCode).toBe(403);
    expect((await post(null, '/qualifications', { name: 'Découpe laser' })).statusCode).toBe(401);
    const created = await post(manager, '/qualifications', { name: 'Découpe laser', validityMonths: 12 });
    expect(created.statusCode).toBe(201);
    qualification = created.json().id;
    expect((await get(null, '/qualifications')).json().items).toEqual([{ id: qualification, name: 'Découpe laser', validityMonths: 12 }]);
    const place = (await post(manager, '/places', { name: 'FabLab Calais', openingHours: '24/7' })).json().id;
    const machine = await post(manager, `/places/${place}/resources`, {
      kind: 'machine',
      name: 'Découpeuse laser',
      requiredQualificationId: qualification,
    });
    expect(machine.json().requiredQualification).toEqual({ id: qualification, name: 'Découpe laser' });
    laser = machine.json().id;
    const refused = await book(member, '2026-10-21T10:00:00+02:00', '2026-10-21T11:00:00+02:00');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('qualification_required');
    const renamed = await t.request(manager, {
      method: 'PATCH',
      url: `${base}/qualifications/${qualification}`,
      payload: { name: 'Laser' },
    });
    expect(renamed.json()).toMatchObject({ name: 'Laser', validityMonths: 12 });
  });

  it('refuses bad sessions with a field error, creating nothing: unknown qualification, end before start', async () => {
    const slot = { start: '2026-10-30T14:00:00+01:00', end: '2026-10-30T17:00:00+01:00', seats: 2 };
    const unknown = await createTraining({ ...slot, qualificationId: '00000000-0000-4000-8000-000000000000' }, manager, 'en');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().errors).toEqual([{ path: 'body.qualificationId', code: 'unknown', message: 'unknown qualification' }]);
    const backwards = await createTraining({ ...slot, qualificationId: qualification, end: '2026-10-30T13:00:00+01:00' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0]).toMatchObject({ path: 'body.end', code: 'too_small' });
    expect((await createTraining({ ...slot, qualificationId: qualification }, member)).statusCode).toBe(403);
    expect((await get(null, '/trainings')).json().total).toBe(0);
  });
});

describe('a training session, its seats and its attendance', () => {
  it('lists the session publicly with its seats left; two seats fill, a third person gets 409', async () => {
    // Friday 30 October 2026, 14:00–17:00 in Paris: winter time (UTC+1) since the 25th.
    const created = await createTraining({
      qualificationId: qualification,
      start: '2026-10-30T14:00:00+01:00',
      end: '2026-10-30T17:00:00+01:00',
      seats: 2,
      trainer: 'Alex Moreau',
    });
    expect(created.statusCode).toBe(201);
    session = created.json().id;
    expect(created.json()).toMatchObject({ seats: 2, seatsLeft: 2, start: '2026-10-30T13:00:00.000Z', trainer: 'Alex Moreau' });
    expect((await enrol(null)).statusCode).toBe(401);
    const first = await enrol(member);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'enrolled', training: { seatsLeft: 1 } });
    expect((await enrol(member)).json().code).toBe('already_enrolled');
    expect((await enrol(reviewer)).statusCode).toBe(201);
    const full = await enrol(council);
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'training_full', title: 'Cette session de formation est complète.' });
    const listed = (await get(null, '/trainings?upcoming=true')).json();
    expect(listed.items).toEqual([
      expect.objectContaining({ id: session, seatsLeft: 0, qualification: { id: qualification, name: 'Laser' }, enrolledByMe: false }),
    ]);
    expect((await get(member, '/trainings?upcoming=true')).json().items[0].enrolledByMe).toBe(true);
    expect((await get(council, '/trainings?upcoming=true')).json().items[0].enrolledByMe).toBe(false);
    expect((await get(member, `/trainings/${session}/roster`)).statusCode).toBe(403);
  });

  it('gives a seat back before the start, which someone else then takes', async () => {
    const leave = (agent: Agent) => t.request(agent, { method: 'DELETE', url: `${base}/trainings/${session}/enrolments/me` });
    expect((await leave(reviewer)).statusCode).toBe(204);
    expect((await leave(reviewer)).json().code).toBe('enrolment_not_found');
    expect((await enrol(council)).statusCode).toBe(201);
    expect((await roster()).items.map((e: { status: string }) => e.status).sort()).toEqual(['cancelled', 'enrolled', 'enrolled']);
  });

  it('marks attendance once started: attending grants the qualification once, for 12 months in Paris time', async () => {
    const memberId = await userIdOf(t.emailOf('member'));
    const mark = (userId: string, attended: boolean) => post(manager, `/trainings/${session}/attendance`, { userId, attended });
    expect((await mark(memberId, true)).json().code).toBe('training_not_started');
    at('2026-10-30T16:30:00Z');
    expect((await enrol(reviewer)).json().code).toBe('training_started');
    expect((await t.request(council, { method: 'DELETE', url: `${base}/trainings/${session}/enrolments/me` })).statusCode).toBe(422);
    const marked = await mark(memberId, true);
    expect(marked.statusCode).toBe(200);
    // Granted at the end (17:00 winter time); it expires at 17:00 Paris time a year later, summer time then.
    expect(marked.json()).toMatchObject({
      status: 'attended',
      grant: { grantedAt: '2026-10-30T16:00:00.000Z', expiresAt: '2027-10-30T15:00:00.000Z', revokedAt: null },
    });
    expect((await mark(memberId, true)).json().grant.id).toBe(marked.json().grant.id);
    const councilId = await userIdOf(t.emailOf('council_member'));
    expect((await mark(councilId, true)).json().status).toBe('attended');
    expect((await mark(councilId, false)).json()).toMatchObject({ status: 'absent', grant: null });
    const stranger = await mark('00000000-0000-4000-8000-000000000000', true);
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors[0]).toMatchObject({ path: 'body.userId', code: 'not_enrolled' });
    const holders = (await get(manager, `/qualifications/${qualification}/holders`)).json();
    expect(holders.items).toHaveLength(1);
    expect(holders.items[0]).toMatchObject({ user: { email: t.emailOf('member') }, trainingId: session, valid: true });
    const mine = (await get(member, '/my/qualifications')).json();
    expect(mine.items).toEqual([expect.objectContaining({ qualification: { id: qualification, name: 'Laser' }, valid: true })]);
    expect((await get(council, '/my/qualifications')).json().items).toEqual([]);
  });

  it('lets the qualified member book the machine until the qualification expires', async () => {
    expect((await book(member, '2026-11-02T10:00:00+01:00', '2026-11-02T11:00:00+01:00')).statusCode).toBe(201);
    const missing = (await book(council, '2026-11-02T12:00:00+01:00', '2026-11-02T13:00:00+01:00')).json();
    expect(missing).toMatchObject({
      code: 'qualification_required',
      detail: 'Cette machine exige l’habilitation « Laser », obtenue lors d’une formation.',
      errors: [{ path: 'body.resourceId', code: 'qualification_missing' }],
    });
    const payload = { resourceId: laser, start: '2026-11-02T12:00:00+01:00', end: '2026-11-02T13:00:00+01:00' };
    expect((await post(council, '/bookings', payload, 'en')).json().detail).toBe(
      'This machine requires the “Laser” qualification, earned at a training.',
    );
    at('2027-10-30T14:30:00Z'); // 16:30 in Paris: half an hour of validity left
    member = await signInAgain(t.emailOf('member'));
    const last = await book(member, '2027-10-30T17:00:00+02:00', '2027-10-30T17:30:00+02:00');
    expect(last.statusCode, last.body).toBe(201);
    at('2027-11-30T08:00:00Z'); // thirteen months after the training
    member = await signInAgain(t.emailOf('member'));
    const expired = await book(member, '2027-12-01T10:00:00+01:00', '2027-12-01T11:00:00+01:00');
    expect(expired.statusCode).toBe(403);
    expect(expired.json()).toMatchObject({ code: 'qualification_required', errors: [{ code: 'qualification_expired' }] });
    expect(expired.json().detail).toBe(
      'Votre habilitation « Laser » a expiré le samedi 30 octobre 2027 : suivez une nouvelle formation pour réserver cette machine.',
    );
    expect((await get(member, '/my/qualifications')).json().items).toEqual([
      expect.objectContaining({ expiresAt: '2027-10-30T15:00:00.000Z', valid: false }),
    ]);
  });

  it('refuses the machine at once when a manager revokes the qualification; attending again does not restore it', async () => {
    at('2026-11-05T08:00:00Z');
    member = await signInAgain(t.emailOf('member'));
    const slot = ['2026-11-06T10:00:00+01:00', '2026-11-06T11:00:00+01:00'] as const;
    expect((await book(member, '2026-11-06T08:00:00+01:00', '2026-11-06T09:00:00+01:00')).statusCode).toBe(201);
    const grant = (await get(manager, `/qualifications/${qualification}/holders`)).json().items[0].id;
    const revoke = (agent: Agent) =>
      post(agent, `/user-qualifications/${grant}/revoke`, { reason: 'Consignes de sécurité non respectées' });
    expect((await revoke(member)).statusCode).toBe(403);
    const revoked = await revoke(manager);
    expect(revoked.json()).toMatchObject({ valid: false, revokedReason: 'Consignes de sécurité non respectées' });
    expect((await revoke(manager)).json().code).toBe('qualification_already_revoked');
    const refused = (await book(member, ...slot)).json();
    expect(refused).toMatchObject({ code: 'qualification_required', errors: [{ code: 'qualification_revoked' }] });
    expect(refused.detail).toContain('a été retirée (motif : Consignes de sécurité non respectées)');
    const memberId = await userIdOf(t.emailOf('member'));
    const again = await post(manager, `/trainings/${session}/attendance`, { userId: memberId, attended: true });
    expect(again.json().grant).toMatchObject({ id: grant, revokedAt: '2026-11-05T08:00:00.000Z' });
    expect((await book(member, ...slot)).statusCode).toBe(403);
  });
});

describe('tenancy and audit', () => {
  it('never shows one territory’s trainings or qualifications to another', async () => {
    const beta = await t.signIn('admin@beta.test');
    const other = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.request(beta, { method, url: `/api/v1/territories/beta${url}`, ...(payload ? { payload } : {}) });
    expect((await other('GET', '/qualifications')).json().items).toEqual([]);
    expect((await other('GET', '/trainings?upcoming=false')).json().items).toEqual([]);
    expect((await other('GET', `/trainings/${session}/roster`)).statusCode).toBe(404);
    expect((await other('GET', `/qualifications/${qualification}/holders`)).statusCode).toBe(404);
    const misplaced = await other('POST', '/trainings', {
      qualificationId: qualification,
      start: '2026-12-01T09:00:00+01:00',
      end: '2026-12-01T12:00:00+01:00',
      seats: 3,
    });
    expect(misplaced.json().errors[0].path).toBe('body.qualificationId');
    expect((await t.request(beta, { method: 'GET', url: `${base}/trainings/${session}/roster` })).statusCode).toBe(403);
  });

  it('audits every write', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const log = (await t.request(admin, { method: 'GET', url: `${base}/audit?pageSize=100` })).json();
    const actions = new Set(log.items.map((e: { action: string }) => e.action));
    for (const a of [
      'qualification.create',
      'qualification.update',
      'training.create',
      'training.enrol',
      'training.cancel_enrolment',
      'training.attendance',
      'qualification.grant',
      'qualification.withdraw',
      'qualification.revoke',
    ]) {
      expect(actions).toContain(a);
    }
  });
});

describe('concurrent enrolments', () => {
  it('twenty people enrolling at once in a five-seat session: exactly five seats are taken', async () => {
    at('2026-11-05T08:00:00Z');
    const members = createMembersService(t.deps);
    const sys = { actor: systemActor, locale: 'fr' as const, requestId: 'test' };
    const emails = Array.from({ length: 20 }, (_, i) => `apprenti-${i}@alpha.test`);
    for (const email of emails) await members.grant(sys, 'alpha', { email, displayName: email, role: 'member' }, testPassword);
    const agents = await Promise.all(emails.map((e) => t.signIn(e)));
    const id = (
      await createTraining({
        qualificationId: qualification,
        start: '2026-11-20T09:00:00+01:00',
        end: '2026-11-20T12:00:00+01:00',
        seats: 5,
      })
    ).json().id;
    const results = await Promise.all(agents.map((a) => enrol(a, id)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(15);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'training_full')).toBe(true);
    const list = (await get(manager, `/trainings/${id}/roster`)).json();
    expect(list.items.filter((e: { status: string }) => e.status === 'enrolled')).toHaveLength(5);
    expect(list.training.seatsLeft).toBe(0);
  });
});
