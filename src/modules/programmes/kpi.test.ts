import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, testPassword } from '../../../tests/helpers/app.ts';
import { createProgrammesServices } from './index.ts';

/** Monday 2026-02-16, 10:00 in Paris (CET): the company enters the programme that day. */
let now = new Date('2026-02-16T09:00:00Z');
let t: TestApp;
let staff: Agent;
let programme: string;
let org: string;
const base = '/api/v1/territories/alpha';

const post = (agent: Agent | null, url: string, payload?: object, lang = 'fr') =>
  t.request(agent, { method: 'POST', url: `${base}${url}`, headers: { 'accept-language': lang }, ...(payload ? { payload } : {}) });
const get = (agent: Agent | null, url: string) => t.request(agent, { method: 'GET', url: `${base}${url}` });
/** Sessions expire as the clock moves on by weeks: a fresh one at the current time. */
async function signInAgain(): Promise<void> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: t.emailOf('staff'), password: testPassword },
  });
  const cookie = res.cookies.find((c) => c.name === 'totem_session');
  staff = { email: t.emailOf('staff'), cookie: `totem_session=${cookie?.value}`, csrf: res.json().csrfToken };
}
const run = () => createProgrammesServices(t.deps).kpi.runMonthly();
const tokenIn = (text: string) => /\/t\/alpha\/indicateurs\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

/** Waits for `n` new e-mails (delivery runs after commit), then returns them and empties the capture. */
async function mailsAfter(n: number) {
  for (let i = 0; i < 100 && t.smtp.mails.length < n; i++) await new Promise((r) => setTimeout(r, 20));
  const got = t.smtp.mails.splice(0);
  return got.sort((a, b) => a.to.localeCompare(b.to));
}

async function representative(firstName: string, email: string, languages: string[], endedOn?: string) {
  const person = (await post(staff, '/directory/people', { firstName, lastName: 'Test', legalBasis: 'contract', email, languages })).json()
    .id;
  await post(staff, `/directory/people/${person}/affiliations`, {
    organizationId: org,
    title: 'Dirigeante',
    ...(endedOn ? { endedOn } : {}),
  });
}

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  staff = await t.signIn(t.emailOf('staff'));
  programme = (
    await post(staff, '/programmes', {
      slug: 'stardust',
      nameFr: 'Stardust',
      nameEn: 'Stardust',
      kind: 'acceleration',
      entry: 'continuous',
    })
  ).json().id;
  org = (await post(staff, '/directory/organizations', { kind: 'startup', name: 'Calanques Quantum' })).json().id;
  await representative('Léa', 'lea@calanques.test', ['fr', 'en']);
  await representative('John', 'john@calanques.test', ['en']);
  await representative('Ancien', 'ancien@calanques.test', ['fr'], '2026-01-31');
  await post(staff, `/programmes/${programme}/enrolments`, { organizationId: org });
  await t.deps.mailer.flush();
  t.smtp.mails.length = 0;
});
afterAll(() => t.close());

describe('the monthly KPI request', () => {
  let token = '';

  it('goes out on the 1st in the territory’s zone, once, to the current representatives in their language', async () => {
    now = new Date('2026-02-28T22:30:00Z'); // 23:30 in Paris, still February: nothing for February (entered after the 1st)
    expect(await run()).toEqual({ created: 0, reminded: 0 });
    now = new Date('2026-02-28T23:30:00Z'); // 00:30 on March 1st in Paris
    expect(await run()).toEqual({ created: 1, reminded: 0 });
    const [john, lea] = await mailsAfter(2);
    expect(john?.to).toBe('john@calanques.test');
    expect(john?.subject).toBe('Your monthly figures — Calanques Quantum');
    expect(john?.text).toContain('March 2026');
    expect(lea?.subject).toBe('Vos indicateurs du mois — Calanques Quantum');
    expect(lea?.text).toContain('mars 2026');
    token = tokenIn(lea?.text ?? '');
    expect(token).not.toBe('');
    expect(tokenIn(john?.text ?? '')).toBe(token);
    expect(await run()).toEqual({ created: 0, reminded: 0 });
    expect(await mailsAfter(0)).toEqual([]);
  });

  it('shows the staff who has not answered', async () => {
    const pending = (await get(staff, `/programmes/${programme}/kpi?month=2026-03&answered=false`)).json();
    expect(pending.items).toEqual([
      expect.objectContaining({ organization: { id: org, name: 'Calanques Quantum' }, remindersSent: 0, answeredAt: null }),
    ]);
    expect((await get(staff, `/programmes/${programme}/kpi?month=2026-03&answered=true`)).json().total).toBe(0);
    expect((await get(null, `/programmes/${programme}/kpi`)).statusCode).toBe(401);
  });

  it('reminds after 7 and after 14 days, once each, with a link that also works', async () => {
    now = new Date('2026-03-07T10:00:00Z');
    expect(await run()).toEqual({ created: 0, reminded: 0 });
    now = new Date('2026-03-08T10:00:00Z');
    expect(await run()).toEqual({ created: 0, reminded: 1 });
    const [, lea] = await mailsAfter(2);
    expect(lea?.subject).toBe('Rappel : vos indicateurs du mois — Calanques Quantum');
    const second = tokenIn(lea?.text ?? '');
    expect(second).not.toBe(token);
    expect((await get(null, `/kpi/${second}`)).json()).toMatchObject({
      organization: 'Calanques Quantum',
      period: '2026-03-01',
      answeredAt: null,
    });
    expect(await run()).toEqual({ created: 0, reminded: 0 });
    now = new Date('2026-03-15T10:00:00Z');
    expect(await run()).toEqual({ created: 0, reminded: 1 });
    now = new Date('2026-03-25T10:00:00Z');
    expect(await run()).toEqual({ created: 0, reminded: 0 });
    await mailsAfter(2);
    await signInAgain();
    const reminded = (await get(staff, `/programmes/${programme}/kpi?month=2026-03`)).json().items[0];
    expect(reminded.remindersSent).toBe(2);
  });

  it('takes the answer once, by the first link, and dates the figures in the directory', async () => {
    const bad = await post(null, `/kpi/${token}`, { headcount: -1, fundsRaisedCents: 0 }, 'en');
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'validation_failed']);
    const wrong = await post(null, `/kpi/${'x'.repeat(43)}`, { headcount: 4, fundsRaisedCents: 0 });
    expect([wrong.statusCode, wrong.json().code]).toEqual([400, 'token_invalid']);
    const elsewhere = await t.request(null, { method: 'GET', url: `/api/v1/territories/beta/kpi/${token}` });
    expect(elsewhere.json().code).toBe('token_invalid');
    const answer = { headcount: 7, fundsRaisedCents: 150_000_000, revenueBand: '100k_500k', keyFacts: 'Premier contrat industriel' };
    const ok = await post(null, `/kpi/${token}`, answer);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().answeredAt).toBe('2026-03-25T10:00:00.000Z');
    expect((await post(null, `/kpi/${token}`, answer)).json().code).toBe('kpi_already_answered');
    const answered = (await get(staff, `/programmes/${programme}/kpi?month=2026-03&answered=true`)).json().items[0];
    expect(answered).toMatchObject({ headcount: 7, fundsRaisedCents: 150_000_000 });
    const figures = (await get(staff, `/directory/organizations/${org}/metrics`)).json().items;
    expect(
      figures
        .map((f: { metric: string; value: number | null; band: string | null; asOf: string }) => [f.metric, f.value ?? f.band, f.asOf])
        .sort(),
    ).toEqual([
      ['funds_raised', 150_000_000, '2026-03-25'],
      ['headcount', 7, '2026-03-25'],
      ['revenue_band', '100k_500k', '2026-03-25'],
    ]);
    const enrolment = (await get(staff, `/programmes/${programme}/enrolments`)).json().items[0].id;
    expect((await get(staff, `/enrolments/${enrolment}`)).json().kpis[0]).toMatchObject({ period: '2026-03-01', headcount: 7 });
  });

  it('asks again the next month, and never an exited company', async () => {
    now = new Date('2026-04-01T08:00:00Z');
    expect(await run()).toEqual({ created: 1, reminded: 0 });
    await mailsAfter(2);
    await signInAgain();
    const enrolment = (await get(staff, `/programmes/${programme}/enrolments`)).json().items[0].id;
    // April's figures given by phone: the staff record them.
    const put = (agent: Agent, month: string) =>
      t.request(agent, {
        method: 'PUT',
        url: `${base}/enrolments/${enrolment}/kpi/${month}`,
        payload: { headcount: 8, fundsRaisedCents: 150_000_000 },
      });
    expect((await put(await t.signIn(t.emailOf('member')), '2026-04')).statusCode).toBe(403);
    expect((await put(staff, '2026-06')).statusCode).toBe(404);
    expect((await put(staff, '2026-04')).json()).toMatchObject({ period: '2026-04-01', answeredAt: '2026-04-01T08:00:00.000Z' });
    expect((await put(staff, '2026-04')).statusCode).toBe(409);
    await post(staff, `/enrolments/${enrolment}/exit`, { reason: 'completed' });
    now = new Date('2026-05-01T08:00:00Z');
    expect((await run()).created).toBe(0);
  });
});
