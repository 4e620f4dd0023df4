import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testPassword } from '../../../tests/helpers/app.ts';
import { systemActor } from '../../platform/policy/actor.ts';
import { createMembersService } from '../identity/index.ts';
import { base, type Fixture, goodAnswers, sampleForm, setUpDirectory } from './calls.fixtures.ts';

/**
 * Applications, submissions, assignment and reminders stay consistent under concurrency because the
 * database decides (a unique key, row locks, a conditional upsert). On PostgreSQL these requests run
 * in parallel on the pool's connections.
 */
const now = new Date('2026-05-04T08:00:00Z');
let t: TestApp;
let f: Fixture;
const applicationsUrl = `${base}/calls/concurrence/applications`;

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  f = await setUpDirectory(t);
  const call = { slug: 'concurrence', titleFr: 'C', titleEn: 'C', themes: ['mobilite', 'energie', 'sante'], form: sampleForm };
  await t.request(f.staff, { method: 'POST', url: `${base}/calls`, payload: call });
  await t.request(f.staff, { method: 'POST', url: `${base}/calls/concurrence/status`, payload: { status: 'published' } });
});
afterAll(() => t.close());

describe('concurrent requests', () => {
  it('twenty simultaneous applications for one organisation: one draft, nineteen 409', async () => {
    const payload = { organizationId: f.orgs.young, answers: goodAnswers };
    const all = await Promise.all(Array.from({ length: 20 }, () => t.request(f.member, { method: 'POST', url: applicationsUrl, payload })));
    expect(all.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(all.filter((r) => r.statusCode === 409 && r.json().code === 'application_exists')).toHaveLength(19);
  });

  it('ten simultaneous submissions of one draft: revision 1 once, the others refused', async () => {
    const id = (await t.request(f.member, { method: 'GET', url: `${base}/my-applications` })).json().items[0].id;
    const all = await Promise.all(
      Array.from({ length: 10 }, () => t.request(f.member, { method: 'POST', url: `${base}/applications/${id}/submit` })),
    );
    expect(all.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(all.filter((r) => r.statusCode === 409)).toHaveLength(9);
    const revisions = (await t.request(f.member, { method: 'GET', url: `${base}/applications/${id}/revisions` })).json().items;
    expect(revisions.map((r: { revision: number }) => r.revision)).toEqual([1]);
  });

  it('simultaneous edits after submission make consecutive revisions, none lost or duplicated', async () => {
    const id = (await t.request(f.member, { method: 'GET', url: `${base}/my-applications` })).json().items[0].id;
    const all = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.request(f.member, {
          method: 'PUT',
          url: `${base}/applications/${id}/answers`,
          payload: { answers: { ...goodAnswers, budget: 1000 + i } },
        }),
      ),
    );
    expect(all.every((r) => r.statusCode === 200)).toBe(true);
    const revisions = (await t.request(f.member, { method: 'GET', url: `${base}/applications/${id}/revisions` })).json().items;
    expect(revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('simultaneous assignment runs and reminders: one consistent assignment, one reminder per reviewer', async () => {
    const sys = { actor: systemActor, locale: 'fr' as const };
    await createMembersService(t.deps).grant(sys, 'alpha', { email: 'expert@alpha.test', role: 'reviewer' }, testPassword);
    const reviewers = (await t.request(f.staff, { method: 'GET', url: `${base}/reviewers` })).json().items as Array<{ userId: string }>;
    const stage = (await t.request(f.staff, { method: 'GET', url: `${base}/calls/concurrence/stages` })).json().items[0].id;
    const app = (await t.request(f.member, { method: 'GET', url: `${base}/my-applications` })).json().items[0].id;
    await t.request(f.staff, { method: 'POST', url: `${base}/stages/${stage}/advance`, payload: { applicationIds: [app] } });
    for (const r of reviewers)
      await t.request(f.staff, { method: 'POST', url: `${base}/stages/${stage}/panel`, payload: { userId: r.userId } });
    const runs = await Promise.all(
      Array.from({ length: 6 }, () => t.request(f.staff, { method: 'POST', url: `${base}/stages/${stage}/assignment` })),
    );
    expect(runs.every((r) => r.statusCode === 200)).toBe(true);
    const rows = (await t.request(f.staff, { method: 'GET', url: `${base}/stages/${stage}/assignment` })).json().items;
    expect(rows).toHaveLength(1);
    const reminders = await Promise.all(
      Array.from({ length: 6 }, () => t.request(f.staff, { method: 'POST', url: `${base}/stages/${stage}/reminders` })),
    );
    expect(reminders.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(reminders.filter((r) => r.statusCode === 429)).toHaveLength(5);
  });
});
