import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

/** Monday 2026-03-02, 10:00 in Paris (CET, UTC+1). */
let now = new Date('2026-03-02T09:00:00Z');
let t: TestApp;
let staff: Agent;
let member: Agent;
let beta: Agent;
let enrolment: string;
let person: string;
const base = '/api/v1/territories/alpha';

const post = (agent: Agent | null, url: string, payload?: object, lang = 'fr') =>
  t.request(agent, { method: 'POST', url: `${base}${url}`, headers: { 'accept-language': lang }, ...(payload ? { payload } : {}) });
const patch = (agent: Agent | null, url: string, payload: object) => t.request(agent, { method: 'PATCH', url: `${base}${url}`, payload });
const get = (agent: Agent | null, url: string) => t.request(agent, { method: 'GET', url: `${base}${url}` });
const userIdOf = async (agent: Agent) => (await t.request(agent, { method: 'GET', url: '/api/v1/auth/session' })).json().user.id as string;
const detail = async () => (await get(staff, `/enrolments/${enrolment}`)).json();

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  staff = await t.signIn(t.emailOf('staff'));
  member = await t.signIn(t.emailOf('member'));
  beta = await t.signIn('admin@beta.test');
  const programme = (
    await post(staff, '/programmes', {
      slug: 'tektos',
      nameFr: 'Accélérateur Tektos',
      nameEn: 'Tektos accelerator',
      kind: 'acceleration',
      entry: 'continuous',
    })
  ).json().id;
  const org = (await post(staff, '/directory/organizations', { kind: 'startup', name: 'Opale Robotique' })).json().id;
  enrolment = (await post(staff, `/programmes/${programme}/enrolments`, { organizationId: org })).json().enrolmentId;
  person = (
    await post(staff, '/directory/people', {
      firstName: 'Camille',
      lastName: 'Durand',
      legalBasis: 'legitimate_interest',
      email: 'camille@example.test',
    })
  ).json().id;
});
afterAll(() => t.close());

describe('mentors and experts', () => {
  it('assigns an account of the territory as mentor and a directory person as expert', async () => {
    const mentor = await post(staff, `/enrolments/${enrolment}/supporters`, { role: 'mentor', userId: await userIdOf(member) });
    expect(mentor.statusCode).toBe(201);
    const expert = await post(staff, `/enrolments/${enrolment}/supporters`, { role: 'expert', personId: person });
    expect(expert.json().supporters.map((s: { role: string; name: string; kind: string }) => [s.role, s.kind, s.name])).toEqual([
      ['expert', 'person', 'Camille Durand'],
      ['mentor', 'account', 'Alpha member'],
    ]);
    const twice = await post(staff, `/enrolments/${enrolment}/supporters`, { role: 'expert', personId: person });
    expect(twice.statusCode).toBe(409);
  });

  it('refuses both or neither, an unknown person, an account of no role here, and other territories', async () => {
    expect((await post(staff, `/enrolments/${enrolment}/supporters`, { role: 'mentor' })).statusCode).toBe(422);
    const unknown = await post(staff, `/enrolments/${enrolment}/supporters`, { role: 'mentor', personId: enrolment }, 'en');
    expect(unknown.json().errors).toEqual([{ path: 'body.personId', code: 'unknown', message: 'unknown person in the directory' }]);
    const betaAdmin = await post(staff, `/enrolments/${enrolment}/supporters`, { role: 'mentor', userId: await userIdOf(beta) });
    expect(betaAdmin.json().errors[0].path).toBe('body.userId');
    expect((await post(beta, `/enrolments/${enrolment}/supporters`, { role: 'expert', personId: person })).statusCode).toBe(403);
    expect((await post(member, `/enrolments/${enrolment}/supporters`, { role: 'expert', personId: person })).statusCode).toBe(403);
    expect((await t.request(beta, { method: 'GET', url: `/api/v1/territories/beta/enrolments/${enrolment}` })).statusCode).toBe(404);
  });
});

describe('sessions and milestones', () => {
  it('logs sessions with their minutes and who held them', async () => {
    const expert = (await detail()).supporters.find((s: { role: string }) => s.role === 'expert');
    const logged = await post(staff, `/enrolments/${enrolment}/sessions`, {
      heldOn: '2026-03-02',
      durationMinutes: 90,
      topic: 'Levée de fonds',
      supporterId: expert.id,
    });
    expect(logged.statusCode).toBe(201);
    await post(staff, `/enrolments/${enrolment}/sessions`, {
      heldOn: '2026-03-02',
      durationMinutes: 45,
      topic: 'Recrutement',
      notes: 'Fiche de poste',
    });
    const d = await detail();
    expect(d.mentoringMinutes).toBe(135);
    expect(
      d.sessions.map((s: { topic: string; supporter: { name: string } | null }) => [s.topic, s.supporter?.name ?? null]).sort(),
    ).toEqual([
      ['Levée de fonds', 'Camille Durand'],
      ['Recrutement', null],
    ]);
    const before = await post(staff, `/enrolments/${enrolment}/sessions`, { heldOn: '2026-02-01', durationMinutes: 30, topic: 'Avant' });
    expect(before.json().errors[0].path).toBe('body.heldOn');
    const future = await post(staff, `/enrolments/${enrolment}/sessions`, { heldOn: '2026-03-03', durationMinutes: 30, topic: 'Demain' });
    expect(future.json().errors[0]).toMatchObject({ path: 'body.heldOn', code: 'future' });
    expect(
      (await post(staff, `/enrolments/${enrolment}/sessions`, { heldOn: '2026-03-02', durationMinutes: 0, topic: 'x' })).statusCode,
    ).toBe(422);
  });

  it('shows a planned milestone as late only once its due date has passed in the territory’s zone', async () => {
    const m = (await post(staff, `/enrolments/${enrolment}/milestones`, { title: 'Premier client', dueOn: '2026-03-10' })).json();
    expect(m.status).toBe('planned');
    now = new Date('2026-03-10T22:30:00Z'); // 23:30 in Paris, still the 10th
    expect((await detail()).milestones[0].status).toBe('planned');
    now = new Date('2026-03-10T23:30:00Z'); // 00:30 in Paris, the 11th (still the 10th in UTC)
    expect((await detail()).milestones[0].status).toBe('late');
    const done = await patch(staff, `/milestones/${m.id}`, { status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done', doneOn: '2026-03-11' });
    const future = await patch(staff, `/milestones/${m.id}`, { status: 'done', doneOn: '2026-04-01' });
    expect(future.json().errors[0].path).toBe('body.doneOn');
    const dropped = await patch(staff, `/milestones/${m.id}`, { status: 'dropped' });
    expect(dropped.json()).toMatchObject({ status: 'dropped', doneOn: null });
    expect((await patch(staff, `/milestones/${enrolment}`, { status: 'done' })).json().code).toBe('milestone_not_found');
  });

  it('keeps an alumnus as it was: no new session once exited', async () => {
    await post(staff, `/enrolments/${enrolment}/exit`, { reason: 'completed' });
    const late = await post(staff, `/enrolments/${enrolment}/sessions`, { heldOn: '2026-03-11', durationMinutes: 30, topic: 'Après' });
    expect([late.statusCode, late.json().code]).toEqual([409, 'enrolment_not_current']);
    expect((await detail()).enrolment.status).toBe('exited');
  });
});
