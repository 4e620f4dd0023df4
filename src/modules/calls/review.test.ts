import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, testPassword } from '../../../tests/helpers/app.ts';
import { systemActor } from '../../platform/policy/actor.ts';
import { createMembersService } from '../identity/index.ts';
import { base, type Fixture, goodAnswers, sampleForm, setUpDirectory } from './calls.fixtures.ts';

let now = new Date('2026-05-04T08:00:00Z');
let t: TestApp;
let f: Fixture;
let energy: Agent;
let health: Agent;
const ids = { r0: '', r1: '', r2: '', stage1: '', stage2: '', a: '', b: '', c: '' };
type Row = { applicationId: string; reviewerId: string; status: string; reviewId: string };

const req = (agent: Agent | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, lang = 'fr') =>
  t.request(agent, { method, url: `${base}${url}`, headers: { 'accept-language': lang }, ...(payload ? { payload } : {}) });
const assignments = async () => (await req(f.staff, 'GET', `/stages/${ids.stage1}/assignment`)).json().items as Row[];
const reviewersOf = (rows: Row[], app: string) =>
  rows
    .filter((r) => r.applicationId === app)
    .map((r) => r.reviewerId)
    .sort();

async function apply(agent: Agent, organizationId: string, themes: string[], lang = 'fr') {
  const res = await req(agent, 'POST', '/calls/selection/applications', { organizationId, answers: { ...goodAnswers, themes } }, lang);
  const id = res.json().id;
  expect((await req(agent, 'POST', `/applications/${id}/submit`)).json().status).toBe('submitted');
  return id as string;
}

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  f = await setUpDirectory(t);
  const members = createMembersService(t.deps);
  const sys = { actor: systemActor, locale: 'fr' as const };
  for (const e of ['energie', 'sante'])
    await members.grant(sys, 'alpha', { email: `expert-${e}@alpha.test`, displayName: `Expert ${e}`, role: 'reviewer' }, testPassword);
  energy = await t.signIn('expert-energie@alpha.test');
  health = await t.signIn('expert-sante@alpha.test');
  const reviewers = (await req(f.staff, 'GET', '/reviewers')).json().items as Array<{ userId: string; email: string }>;
  const idOf = (email: string) => reviewers.find((r) => r.email === email)?.userId ?? '';
  Object.assign(ids, { r0: idOf('reviewer@alpha.test'), r1: idOf('expert-energie@alpha.test'), r2: idOf('expert-sante@alpha.test') });
  // The reviewer's own organisation funds Mobilidée: a conflict the directory reveals.
  await req(f.staff, 'POST', '/directory/relationships', { sourceId: f.orgs.reviewers, targetId: f.orgs.young, kind: 'funds' });
  const call = {
    slug: 'selection',
    titleFr: 'Sélection',
    titleEn: 'Selection',
    themes: ['mobilite', 'energie', 'sante'],
    form: sampleForm,
  };
  await req(f.staff, 'POST', '/calls', call);
  await req(f.staff, 'POST', '/calls/selection/status', { status: 'published' });
  ids.a = await apply(f.member, f.orgs.young, ['mobilite'], 'en');
  ids.b = await apply(f.member, f.orgs.old, ['energie']);
  ids.c = await apply(f.staff, f.orgs.stranger, ['sante']);
  const stages = (await req(f.staff, 'GET', '/calls/selection/stages')).json().items;
  ids.stage1 = stages[0].id;
  ids.stage2 = stages[1].id;
});
afterAll(() => t.close());

describe('stages and panels', () => {
  it('starts with screening → expert review → jury → decision, each with its rubric', async () => {
    const stages = (await req(f.staff, 'GET', '/calls/selection/stages')).json().items;
    expect(stages.map((s: { nameEn: string }) => s.nameEn)).toEqual(['Screening', 'Expert review', 'Jury', 'Decision']);
    expect(stages[1].rubric.criteria.map((c: { id: string }) => c.id)).toEqual(['innovation', 'team', 'market', 'impact']);
  });

  it('moves applications stage by stage only, all or none', async () => {
    const skip = await req(f.staff, 'POST', `/stages/${ids.stage2}/advance`, { applicationIds: [ids.a] });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('stage_order');
    const res = await req(f.staff, 'POST', `/stages/${ids.stage1}/advance`, { applicationIds: [ids.a, ids.b, ids.c] });
    expect(res.json()).toEqual({ moved: 3 });
    expect((await req(f.member, 'POST', `/stages/${ids.stage1}/advance`, { applicationIds: [ids.a] })).statusCode).toBe(403);
  });

  it('adds a stage at a chosen place and deletes an unused one; a stage in use stays', async () => {
    await req(f.staff, 'POST', '/calls', { slug: 'etapes', titleFr: 'Étapes', titleEn: 'Stages', themes: ['mobilite'], form: sampleForm });
    const names = async () =>
      ((await req(f.staff, 'GET', '/calls/etapes/stages')).json().items as { nameEn: string; position: number }[]).map(
        (x) => `${x.position}:${x.nameEn}`,
      );
    const stage = { nameFr: 'Audition', nameEn: 'Pitch', rubric: { criteria: [] }, reviewsWanted: 0, minLoad: 0, maxLoad: 0 };
    const added = await req(f.staff, 'POST', '/calls/etapes/stages', { ...stage, position: 3 });
    expect(added.statusCode).toBe(201);
    expect(await names()).toEqual(['1:Screening', '2:Expert review', '3:Pitch', '4:Jury', '5:Decision']);
    // Past the end means last; bad input changes nothing.
    const last = await req(f.staff, 'POST', '/calls/etapes/stages', { ...stage, nameEn: 'Follow-up', position: 50 });
    expect(last.json().position).toBe(6);
    expect((await req(f.staff, 'POST', '/calls/etapes/stages', { ...stage, position: 0 })).statusCode).toBe(422);
    expect((await req(f.member, 'DELETE', `/stages/${added.json().id}`)).statusCode).toBe(403);
    expect((await req(f.staff, 'DELETE', `/stages/${added.json().id}`)).statusCode).toBe(204);
    expect((await req(f.staff, 'DELETE', `/stages/${last.json().id}`)).statusCode).toBe(204);
    expect(await names()).toEqual(['1:Screening', '2:Expert review', '3:Jury', '4:Decision']);
    expect((await req(f.staff, 'DELETE', `/stages/${added.json().id}`)).statusCode).toBe(404);
    // Simultaneous additions each get their own place.
    const many = await Promise.all(
      ['A', 'B', 'C', 'D', 'E'].map((n) => req(f.staff, 'POST', '/calls/etapes/stages', { ...stage, nameEn: n, position: 2 })),
    );
    expect(many.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const positions = (await names()).map((x) => Number(x.split(':')[0]));
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const r of many) expect((await req(f.staff, 'DELETE', `/stages/${r.json().id}`)).statusCode).toBe(204);
    expect(await names()).toEqual(['1:Screening', '2:Expert review', '3:Jury', '4:Decision']);
    // The selection call's first stage holds the applications moved there above: refused, with the reason.
    const refused = await req(f.staff, 'DELETE', `/stages/${ids.stage1}`, undefined, 'en');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'stage_in_use',
      title: 'This stage holds applications or reviews: it cannot be deleted.',
    });
    const admin = await t.signIn(t.emailOf('admin'));
    const log = (await t.request(admin, { method: 'GET', url: `${base}/audit?pageSize=100` })).json();
    const actions = log.items.map((e: { action: string }) => e.action);
    expect(actions.filter((x: string) => x === 'stage.delete')).toHaveLength(7);
    expect(actions.filter((x: string) => x === 'stage.create').length).toBeGreaterThanOrEqual(2);
  });

  it('builds the panel from reviewer accounts; inviting by e-mail goes through identity (admins only)', async () => {
    for (const userId of [ids.r0, ids.r1, ids.r2])
      expect((await req(f.staff, 'POST', `/stages/${ids.stage1}/panel`, { userId })).statusCode).toBe(200);
    const notReviewer = await req(f.staff, 'POST', `/stages/${ids.stage1}/panel`, { userId: ids.a });
    expect(notReviewer.json().code).toBe('reviewer_not_found');
    expect((await req(f.staff, 'POST', `/stages/${ids.stage2}/panel`, { email: 'nouvelle@example.test' })).statusCode).toBe(403);
    const admin = await t.signIn(t.emailOf('admin'));
    const invited = await req(admin, 'POST', `/stages/${ids.stage2}/panel`, {
      email: 'nouvelle@example.test',
      displayName: 'Experte invitée',
    });
    expect(invited.json().panel.map((p: { email: string }) => p.email)).toEqual(['nouvelle@example.test']);
    expect((await t.smtp.waitFor('nouvelle@example.test')).text).toContain('/sign-in/magic#token=');
    await req(f.staff, 'PUT', `/reviewers/${ids.r0}/profile`, { themes: ['mobilite'] });
    await req(energy, 'PUT', '/reviewer-profile', { themes: ['energie'] });
    const own = await req(health, 'PUT', '/reviewer-profile', { themes: ['sante', 'mobilite'] });
    expect(own.json().themes).toEqual(['sante', 'mobilite']);
    expect((await req(health, 'PUT', '/reviewer-profile', { themes: ['astronomie'] })).json().code).toBe('unknown_theme');
    // Reading one's own expertise: reviewers only.
    expect((await req(health, 'GET', '/reviewer-profile')).json()).toMatchObject({
      email: 'expert-sante@alpha.test',
      themes: ['sante', 'mobilite'],
    });
    expect((await req(f.member, 'GET', '/reviewer-profile')).statusCode).toBe(403);
  });
});

describe('assignment', () => {
  it('chooses the reviewer whose expertise matches, never the one in conflict', async () => {
    await req(f.staff, 'PATCH', `/stages/${ids.stage1}`, { reviewsWanted: 1, maxLoad: 3 });
    const res = await req(f.staff, 'POST', `/stages/${ids.stage1}/assignment`);
    expect(res.statusCode).toBe(200);
    const rows = res.json().items as Row[];
    expect(reviewersOf(rows, ids.a)).toEqual([ids.r2]);
    expect(reviewersOf(rows, ids.b)).toEqual([ids.r1]);
    expect(reviewersOf(rows, ids.c)).toEqual([ids.r2]);
    expect(res.json().objective).toBe(3);
  });

  it('gives each application k distinct reviewers within the loads, keeping pins and forbidden pairs', async () => {
    await req(f.staff, 'PATCH', `/stages/${ids.stage1}`, { reviewsWanted: 2, maxLoad: 2 });
    await req(f.staff, 'POST', `/stages/${ids.stage1}/pairs`, { applicationId: ids.c, reviewerId: ids.r2, rule: 'forbid' });
    const pins = await req(f.staff, 'POST', `/stages/${ids.stage1}/pairs`, { applicationId: ids.b, reviewerId: ids.r2, rule: 'pin' });
    expect(pins.json().items).toHaveLength(2);
    // Read back later (a page reloaded), named, for staff only.
    const listed = await req(f.staff, 'GET', `/stages/${ids.stage1}/pairs`);
    expect(listed.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ applicationId: ids.c, reviewerId: ids.r2, rule: 'forbid', reviewerName: 'Expert sante' }),
        expect.objectContaining({ applicationId: ids.b, reviewerId: ids.r2, rule: 'pin', organizationName: 'Vieille Forge' }),
      ]),
    );
    expect((await req(f.member, 'GET', `/stages/${ids.stage1}/pairs`)).statusCode).toBe(403);
    const rows = (await req(f.staff, 'POST', `/stages/${ids.stage1}/assignment`)).json().items as Row[];
    for (const app of [ids.a, ids.b, ids.c]) expect(new Set(reviewersOf(rows, app)).size).toBe(2);
    for (const r of [ids.r0, ids.r1, ids.r2]) expect(rows.filter((x) => x.reviewerId === r).length).toBeLessThanOrEqual(2);
    expect(reviewersOf(rows, ids.a)).not.toContain(ids.r0);
    expect(reviewersOf(rows, ids.c)).not.toContain(ids.r2);
    expect(reviewersOf(rows, ids.b)).toContain(ids.r2);
  });

  it('answers an impossible setup with its reason in French and English, changing nothing', async () => {
    const before = await assignments();
    await req(f.staff, 'PATCH', `/stages/${ids.stage1}`, { maxLoad: 1 });
    const fr = await req(f.staff, 'POST', `/stages/${ids.stage1}/assignment`);
    expect(fr.statusCode).toBe(422);
    expect(fr.json()).toMatchObject({ code: 'assignment_infeasible', errors: [{ code: 'capacity_too_low' }] });
    expect(fr.json().detail).toBe("Il faut 6 évaluations, mais les charges maximales du jury n'en permettent que 3.");
    const en = await req(f.staff, 'POST', `/stages/${ids.stage1}/assignment`, undefined, 'en');
    expect(en.json().detail).toBe("6 reviews are needed, but the panel's maximum loads allow only 3.");
    expect(en.json().title).toBe('No assignment of reviews satisfies these constraints.');
    expect(await assignments()).toEqual(before);
    await req(f.staff, 'PATCH', `/stages/${ids.stage1}`, { maxLoad: 2 });
  });
});

describe('reviews', () => {
  const mine = async (agent: Agent, app: string) =>
    ((await req(agent, 'GET', '/my-reviews')).json().items as Array<{ id: string; application: { id: string } }>).find(
      (r) => r.application.id === app,
    );

  it('shows only the organisation and call until the reviewer declares no conflict', async () => {
    const review = await mine(energy, ids.c);
    expect(review).toMatchObject({
      access: 'summary',
      answers: null,
      application: { organizationName: 'Inconnue SAS', callTitleFr: 'Sélection' },
    });
    const id = review?.id as string;
    const early = await req(energy, 'PUT', `/reviews/${id}`, { scores: { fit: 4 } });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('declaration_required');
    expect((await req(energy, 'POST', `/reviews/${id}/declaration`, { conflict: false })).statusCode).toBe(200);
    const full = (await req(energy, 'GET', `/reviews/${id}`)).json();
    expect(full).toMatchObject({ access: 'full', revision: 1, changed: [], answers: { summary: 'Navettes autonomes' } });
    expect((await req(health, 'GET', `/reviews/${id}`)).statusCode).toBe(404);
  });

  it('keeps scores within the scale, then locks the submitted review', async () => {
    const id = (await mine(energy, ids.c))?.id as string;
    const out = await req(energy, 'PUT', `/reviews/${id}`, { scores: { fit: 6, luck: 1 } });
    expect(out.statusCode).toBe(422);
    expect(
      out
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['scores.fit', 'scores.luck']);
    await req(energy, 'PUT', `/reviews/${id}`, { scores: { fit: 4 } });
    expect((await req(energy, 'POST', `/reviews/${id}/submit`)).json().errors[0].path).toBe('recommendation');
    await req(energy, 'PUT', `/reviews/${id}`, { scores: { fit: 4 }, recommendation: 'yes', comment: 'Solide.' });
    expect((await req(energy, 'POST', `/reviews/${id}/submit`)).json().status).toBe('submitted');
    const again = await req(energy, 'PUT', `/reviews/${id}`, { scores: { fit: 1 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('review_locked');
  });

  it('withdraws a reviewer who declares a conflict, and keeps submitted reviews when assignment runs again', async () => {
    const r0 = await t.signIn(t.emailOf('reviewer'));
    const queue = (await req(r0, 'GET', '/my-reviews')).json().items as Array<{ id: string; application: { id: string } }>;
    const review = queue.find((r) => r.application.id === ids.b) as (typeof queue)[number];
    await req(r0, 'POST', `/reviews/${review.id}/declaration`, { conflict: true, kind: 'investor', comment: 'Actionnaire' });
    expect((await req(r0, 'GET', '/my-reviews')).json().items.map((r: { id: string }) => r.id)).not.toContain(review.id);
    const submitted = (await assignments()).find((r) => r.status === 'submitted');
    // Without R0 on B, R1 must review all three applications.
    expect((await req(f.staff, 'POST', `/stages/${ids.stage1}/assignment`)).json().errors[0].code).toBe('no_feasible_assignment');
    await req(f.staff, 'PATCH', `/stages/${ids.stage1}`, { maxLoad: 3 });
    const rows = (await req(f.staff, 'POST', `/stages/${ids.stage1}/assignment`)).json().items as Row[];
    expect(rows.find((r) => r.reviewId === submitted?.reviewId)?.status).toBe('submitted');
    expect(rows.some((r) => r.applicationId === review.application.id && r.reviewerId === ids.r0)).toBe(false);
  });

  it('ranks by weighted mean with the spread between reviewers and the missing reviews', async () => {
    const other = (await assignments()).find((r) => r.applicationId === ids.c && r.reviewerId !== ids.r1);
    const agent = other?.reviewerId === ids.r2 ? health : await t.signIn(t.emailOf('reviewer'));
    for (const [method, path, payload] of [
      ['POST', '/declaration', { conflict: false }],
      ['PUT', '', { scores: { fit: 2 }, recommendation: 'maybe' }],
      ['POST', '/submit', undefined],
    ] as const) {
      expect((await req(agent, method, `/reviews/${other?.reviewId}${path}`, payload)).statusCode).toBe(200);
    }
    const ranking = (await req(f.staff, 'GET', `/stages/${ids.stage1}/ranking`)).json().items;
    expect(ranking[0]).toMatchObject({ applicationId: ids.c, score: 3, standardDeviation: 1, min: 2, max: 4, submitted: 2, missing: 0 });
    expect(ranking[0].recommendations).toEqual({ yes: 1, maybe: 1, no: 0 });
    expect(ranking.find((r: { applicationId: string }) => r.applicationId === ids.a)).toMatchObject({ score: null, missing: 2 });
    expect((await req(f.member, 'GET', `/stages/${ids.stage1}/ranking`)).statusCode).toBe(403);
  });

  it('reminds reviewers with missing reviews by e-mail, not twice within 24 hours', async () => {
    const res = await req(f.staff, 'POST', `/stages/${ids.stage1}/reminders`);
    expect(res.statusCode).toBe(200);
    expect(res.json().reminded.length).toBeGreaterThan(0);
    const someone = (await assignments()).find((r) => r.status !== 'submitted');
    const email =
      someone?.reviewerId === ids.r1
        ? 'expert-energie@alpha.test'
        : someone?.reviewerId === ids.r2
          ? 'expert-sante@alpha.test'
          : t.emailOf('reviewer');
    expect((await t.smtp.waitFor(email)).subject).toContain('Rappel');
    const again = await req(f.staff, 'POST', `/stages/${ids.stage1}/reminders`);
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('reminder_too_soon');
    now = new Date(now.getTime() + 25 * 3600_000);
    expect((await req(f.staff, 'POST', `/stages/${ids.stage1}/reminders`)).statusCode).toBe(200);
  });
});

describe('decisions and laureates', () => {
  it('e-mails the decision in the applicant language and shows laureates once published', async () => {
    const selected = await req(f.staff, 'POST', `/applications/${ids.c}/decision`, { decision: 'selected', reason: 'Projet prometteur.' });
    expect(selected.json()).toMatchObject({ status: 'selected', decisionReason: 'Projet prometteur.' });
    const waitlisted = await req(f.staff, 'POST', `/applications/${ids.a}/decision`, { decision: 'waitlisted', reason: 'Budget limité.' });
    expect(waitlisted.json().status).toBe('waitlisted');
    const mail = await t.smtp.waitFor(t.emailOf('member'));
    expect(mail.subject).toBe('Selection: decision on your application');
    expect(mail.text).toContain('has been placed on the waiting list');
    expect((await req(f.member, 'GET', `/applications/${ids.a}`)).json().status).toBe('waitlisted');
    expect((await req(null, 'GET', '/calls/selection')).json().laureates).toEqual([]);
    expect((await req(f.member, 'POST', `/applications/${ids.b}/decision`, { decision: 'selected', reason: 'x' })).statusCode).toBe(403);
    await req(f.staff, 'POST', '/calls/selection/laureates/publish');
    expect((await req(null, 'GET', '/calls/selection')).json().laureates).toEqual([
      { organizationId: f.orgs.stranger, name: 'Inconnue SAS' },
    ]);
  });

  it('keeps another territory out of stages, reviews and decisions', async () => {
    const beta = await t.signIn('admin@beta.test');
    expect((await req(beta, 'GET', `/stages/${ids.stage1}/ranking`)).statusCode).toBe(403);
    const there = await t.request(beta, { method: 'GET', url: `/api/v1/territories/beta/stages/${ids.stage1}/ranking` });
    expect(there.statusCode).toBe(404);
    const decide = await t.request(beta, {
      method: 'POST',
      url: `/api/v1/territories/beta/applications/${ids.b}/decision`,
      payload: { decision: 'rejected', reason: 'x' },
    });
    expect(decide.statusCode).toBe(404);
    expect((await req(f.staff, 'GET', `/applications/${ids.b}`)).json().status).toBe('submitted');
  });

  it("admits a selected organisation to the call's programme, waitlisting it once the cap is reached", async () => {
    const missing = await req(f.staff, 'PATCH', '/calls/selection', { programmeId: '00000000-0000-4000-8000-000000000000' });
    expect([missing.statusCode, missing.json().errors[0].path]).toEqual([422, 'body.programmeId']);
    const programme = await req(f.staff, 'POST', '/programmes', {
      slug: 'incubation',
      nameFr: 'Incubation',
      nameEn: 'Incubation',
      kind: 'incubation',
      entry: 'continuous',
      cap: 1,
    });
    expect(programme.statusCode).toBe(201);
    const programmeId = programme.json().id as string;
    expect((await req(f.staff, 'PATCH', '/calls/selection', { programmeId })).statusCode).toBe(200);
    const decide = (id: string, decision: string) =>
      req(f.staff, 'POST', `/applications/${id}/decision`, { decision, reason: 'Comité du jour.' });
    expect((await decide(ids.b, 'selected')).json().admission).toEqual({ programmeId, status: 'active' });
    expect((await decide(ids.a, 'selected')).json().admission).toEqual({ programmeId, status: 'waitlisted', position: 1 });
    // Deciding again does not enrol twice.
    expect((await decide(ids.b, 'selected')).json().admission).toBeNull();
    const waitlist = await req(f.staff, 'GET', `/programmes/${programmeId}/enrolments?status=waitlisted`);
    expect(waitlist.json().items.map((e: { organization: { id: string } }) => e.organization.id)).toEqual([f.orgs.young]);
  });
});
