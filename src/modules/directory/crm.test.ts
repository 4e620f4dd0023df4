import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { todayIn } from './reminders.service.ts';

let t: TestApp;
let staff: Agent;
let admin: Agent;
let org: string;
let person: string;
const base = '/api/v1/territories/alpha/directory';
const unknown = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn(t.emailOf('staff'));
  admin = await t.signIn(t.emailOf('admin'));
  org = (await t.request(staff, { method: 'POST', url: `${base}/organizations`, payload: { kind: 'startup', name: 'Bybe' } })).json().id;
  person = (
    await t.request(staff, {
      method: 'POST',
      url: `${base}/people`,
      payload: { firstName: 'Hélène', lastName: 'Vasseur', email: 'helene@example.test', legalBasis: 'legitimate_interest' },
    })
  ).json().id;
});
afterAll(() => t.close());

const addInteraction = (agent: Agent | null, payload: object, organizationId = org, slug = 'alpha') =>
  t.request(agent, { method: 'POST', url: `/api/v1/territories/${slug}/directory/organizations/${organizationId}/interactions`, payload });
const timeline = async (query = '') =>
  (await t.request(staff, { method: 'GET', url: `${base}/organizations/${org}/interactions${query}` })).json();
async function userId(email: string): Promise<string> {
  const members = (await t.request(admin, { method: 'GET', url: '/api/v1/territories/alpha/members?pageSize=100' })).json();
  return members.items.find((m: { email: string }) => m.email === email).userId;
}

describe('interactions', () => {
  it('records interactions with the people involved, listed newest first and paginated, audited', async () => {
    const first = await addInteraction(staff, {
      kind: 'meeting',
      occurredAt: '2026-03-02T09:00:00+01:00',
      summary: 'Rendez-vous avec Hélène Vasseur',
      body: 'Levée de fonds en préparation',
      personIds: [person],
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      organizationId: org,
      kind: 'meeting',
      occurredAt: '2026-03-02T08:00:00.000Z',
      body: 'Levée de fonds en préparation',
      people: [{ id: person, name: 'Hélène Vasseur' }],
      author: { displayName: 'Alpha staff' },
    });
    await addInteraction(staff, { kind: 'call', occurredAt: '2026-03-05T10:00:00Z', summary: 'Appel de suivi' });
    await addInteraction(staff, { kind: 'note', occurredAt: '2026-02-01T10:00:00Z', summary: 'Première note' });
    const page = await timeline('?pageSize=2');
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.items.map((i: { summary: string }) => i.summary)).toEqual(['Appel de suivi', 'Rendez-vous avec Hélène Vasseur']);
    expect((await timeline('?page=2&pageSize=2')).items.map((i: { kind: string }) => i.kind)).toEqual(['note']);
    const audit = (await t.request(admin, { method: 'GET', url: '/api/v1/territories/alpha/audit?pageSize=1' })).json().items[0];
    expect(audit).toMatchObject({ action: 'create', entity: 'interaction' });
  });

  it('refuses bad input (422), unknown organisations and people (404)', async () => {
    expect((await addInteraction(staff, { kind: 'lunch', occurredAt: '2026-03-02T09:00:00Z', summary: 'x' })).statusCode).toBe(422);
    expect((await addInteraction(staff, { kind: 'note', occurredAt: 'yesterday', summary: 'x' })).statusCode).toBe(422);
    expect((await addInteraction(staff, { kind: 'note', occurredAt: '2026-03-02T09:00:00Z', summary: '' })).statusCode).toBe(422);
    expect((await addInteraction(staff, { kind: 'note', occurredAt: '2026-03-02T09:00:00Z', summary: 'x', extra: 1 })).statusCode).toBe(
      422,
    );
    expect((await addInteraction(staff, { kind: 'note', occurredAt: '2026-03-02T09:00:00Z', summary: 'x' }, unknown)).statusCode).toBe(404);
    const ghost = await addInteraction(staff, { kind: 'note', occurredAt: '2026-03-02T09:00:00Z', summary: 'x', personIds: [unknown] });
    expect(ghost.statusCode).toBe(404);
    expect(ghost.json()).toMatchObject({ code: 'person_not_found', errors: [{ path: 'body.personIds.0' }] });
    expect((await t.request(staff, { method: 'PATCH', url: `${base}/interactions/${unknown}`, payload: {} })).statusCode).toBe(404);
    expect((await timeline()).total).toBe(3);
  });

  it('is for the territory staff: 401 anonymous, 403 other roles and territories', async () => {
    const payload = { kind: 'note', occurredAt: '2026-03-02T09:00:00Z', summary: 'x' };
    expect((await addInteraction(null, payload)).statusCode).toBe(401);
    expect((await addInteraction(await t.signIn(t.emailOf('member')), payload)).statusCode).toBe(403);
    const beta = await t.signIn('admin@beta.test');
    expect((await addInteraction(beta, payload)).statusCode).toBe(403);
    expect((await t.request(beta, { method: 'GET', url: `${base}/organizations/${org}/interactions` })).statusCode).toBe(403);
    expect((await addInteraction(beta, payload, org, 'beta')).statusCode).toBe(404);
  });

  it('is edited or deleted by its author or an admin only', async () => {
    const byAdmin = (
      await addInteraction(admin, { kind: 'email', occurredAt: '2026-03-06T10:00:00Z', summary: 'Courriel', personIds: [person] })
    ).json();
    const denied = await t.request(staff, { method: 'PATCH', url: `${base}/interactions/${byAdmin.id}`, payload: { summary: 'Non' } });
    expect(denied.statusCode).toBe(403);
    expect((await t.request(staff, { method: 'DELETE', url: `${base}/interactions/${byAdmin.id}` })).statusCode).toBe(403);
    const mine = (await timeline()).items.find((i: { kind: string }) => i.kind === 'call');
    const edited = await t.request(staff, {
      method: 'PATCH',
      url: `${base}/interactions/${mine.id}`,
      payload: { summary: 'Appel de suivi (rappel)', body: null, personIds: [person] },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ summary: 'Appel de suivi (rappel)', body: null, people: [{ id: person }] });
    const byAdminEdit = await t.request(admin, { method: 'PATCH', url: `${base}/interactions/${mine.id}`, payload: { kind: 'meeting' } });
    expect(byAdminEdit.json()).toMatchObject({ kind: 'meeting', author: { displayName: 'Alpha staff' } });
    expect((await t.request(admin, { method: 'DELETE', url: `${base}/interactions/${byAdmin.id}` })).statusCode).toBe(204);
    expect((await t.request(admin, { method: 'DELETE', url: `${base}/interactions/${byAdmin.id}` })).statusCode).toBe(404);
  });
});

describe('reminders', () => {
  const today = () => todayIn('Europe/Paris', new Date());
  const shift = (days: number) => new Date(Date.parse(`${today()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const list = async (agent: Agent, query = '') => (await t.request(agent, { method: 'GET', url: `${base}/reminders${query}` })).json();

  it('assigns to the author by default, sorts open ones by due date and flags overdue ones', async () => {
    const later = await t.request(staff, {
      method: 'POST',
      url: `${base}/reminders`,
      payload: { dueOn: shift(3), note: 'Relancer', organizationId: org },
    });
    expect(later.statusCode).toBe(201);
    expect(later.json()).toMatchObject({
      dueOn: shift(3),
      done: false,
      overdue: false,
      organization: { id: org, name: 'Bybe' },
      person: null,
      assignee: { displayName: 'Alpha staff' },
    });
    await t.request(staff, {
      method: 'POST',
      url: `${base}/reminders`,
      payload: { dueOn: shift(-1), note: 'En retard', personId: person },
    });
    await t.request(staff, { method: 'POST', url: `${base}/reminders`, payload: { dueOn: today(), note: "Aujourd'hui" } });
    const adminId = await userId(t.emailOf('admin'));
    const assigned = await t.request(staff, {
      method: 'POST',
      url: `${base}/reminders`,
      payload: { dueOn: shift(1), note: 'Pour l’admin', assigneeId: adminId },
    });
    expect(assigned.json().assignee).toEqual({ id: adminId, displayName: 'Alpha admin' });
    const mine = await list(staff);
    expect(mine.items.map((r: { note: string; overdue: boolean }) => [r.note, r.overdue])).toEqual([
      ['En retard', true],
      ["Aujourd'hui", false],
      ['Relancer', false],
    ]);
    expect(mine.items[0].person).toEqual({ id: person, name: 'Hélène Vasseur' });
    expect((await list(staff, '?assignee=all')).total).toBe(4);
    expect((await list(admin)).items.map((r: { note: string }) => r.note)).toEqual(['Pour l’admin']);
  });

  it('marks reminders done, which leaves the open list', async () => {
    const open = (await list(staff)).items[0];
    const res = await t.request(staff, { method: 'PATCH', url: `${base}/reminders/${open.id}`, payload: { done: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ done: true, overdue: false });
    expect((await list(staff)).total).toBe(2);
    expect((await list(staff, '?status=done')).items.map((r: { id: string }) => r.id)).toEqual([open.id]);
    const moved = await t.request(staff, {
      method: 'PATCH',
      url: `${base}/reminders/${open.id}`,
      payload: { dueOn: shift(10), note: 'Reporté' },
    });
    expect(moved.json()).toMatchObject({ dueOn: shift(10), note: 'Reporté' });
  });

  it('refuses assignees outside the territory and bad input (422), unknown ids (404), outsiders (401/403)', async () => {
    const post = (agent: Agent | null, payload: object, slug = 'alpha') =>
      t.request(agent, { method: 'POST', url: `/api/v1/territories/${slug}/directory/reminders`, payload });
    const betaAdmin = await t.signIn('admin@beta.test');
    const betaMembers = (await t.request(betaAdmin, { method: 'GET', url: '/api/v1/territories/beta/members' })).json();
    const outsider = await post(staff, { dueOn: today(), note: 'x', assigneeId: betaMembers.items[0].userId });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().errors[0].path).toBe('body.assigneeId');
    expect((await post(staff, { dueOn: '2026-02-30', note: 'x' })).statusCode).toBe(422);
    expect((await post(staff, { dueOn: today(), note: '' })).statusCode).toBe(422);
    expect((await post(staff, { dueOn: today(), note: 'x', organizationId: unknown })).statusCode).toBe(404);
    expect((await post(staff, { dueOn: today(), note: 'x', personId: unknown })).statusCode).toBe(404);
    expect((await t.request(staff, { method: 'PATCH', url: `${base}/reminders/${unknown}`, payload: { done: true } })).statusCode).toBe(
      404,
    );
    expect((await post(null, { dueOn: today(), note: 'x' })).statusCode).toBe(401);
    expect((await post(betaAdmin, { dueOn: today(), note: 'x' })).statusCode).toBe(403);
    expect((await t.request(betaAdmin, { method: 'GET', url: `${base}/reminders` })).statusCode).toBe(403);
    expect(
      (await t.request(betaAdmin, { method: 'GET', url: '/api/v1/territories/beta/directory/reminders?assignee=all' })).json().total,
    ).toBe(0);
  });

  it("computes today in the territory's time zone, across the DST changes", () => {
    expect(todayIn('Europe/Paris', new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(todayIn('Europe/Paris', new Date('2026-03-29T21:59:00Z'))).toBe('2026-03-29');
    expect(todayIn('Europe/Paris', new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    expect(todayIn('Europe/Paris', new Date('2026-10-25T22:59:00Z'))).toBe('2026-10-25');
    expect(todayIn('Europe/Paris', new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });
});

describe('erasure', () => {
  it("anonymises a person's mentions in interactions and reminders", async () => {
    const res = await t.request(admin, { method: 'POST', url: `${base}/people/${person}/erase` });
    expect(res.statusCode).toBe(200);
    const items = (await timeline()).items as { summary: string; people: unknown[] }[];
    expect(items.every((i) => i.people.length === 0)).toBe(true);
    expect(items.map((i) => i.summary)).toContain('Rendez-vous avec [personne effacée]');
    expect(JSON.stringify(items)).not.toMatch(/Vasseur|Hélène/);
    const reminders = (await t.request(staff, { method: 'GET', url: `${base}/reminders?assignee=all&status=done` })).json();
    const open = (await t.request(staff, { method: 'GET', url: `${base}/reminders?assignee=all` })).json();
    expect(JSON.stringify([reminders, open])).not.toMatch(/Vasseur|Hélène/);
    const audit = (await t.request(admin, { method: 'GET', url: '/api/v1/territories/alpha/audit?pageSize=200' })).json();
    expect(JSON.stringify(audit)).not.toMatch(/Vasseur|helene@/);
  });
});
