import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, testPassword } from '../../../tests/helpers/app.ts';
import { createProgrammesServices } from './index.ts';

let now = new Date('2026-01-05T09:00:00Z');
let t: TestApp;
let staff: Agent;
let programme: string;
const base = '/api/v1/territories/alpha';
const orgs: Record<'a' | 'b', string> = { a: '', b: '' };
const enrolments: Record<'a' | 'b', string> = { a: '', b: '' };

const post = (url: string, payload?: object) => t.request(staff, { method: 'POST', url: `${base}${url}`, ...(payload ? { payload } : {}) });
const get = (url: string, lang = 'fr') => t.request(staff, { method: 'GET', url: `${base}${url}`, headers: { 'accept-language': lang } });

/** Moves the clock, with a fresh session (sessions expire as weeks go by). */
async function at(iso: string): Promise<void> {
  now = new Date(iso);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: t.emailOf('staff'), password: testPassword },
  });
  const cookie = res.cookies.find((c) => c.name === 'totem_session');
  staff = { email: t.emailOf('staff'), cookie: `totem_session=${cookie?.value}`, csrf: res.json().csrfToken };
}

/** The text a PDF shows: its content streams inflated, the strings of its text operators decoded. */
function pdfText(pdf: Buffer): string {
  let out = '';
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[(.*?)\]\s*TJ/g))
      for (const h of (op[1] ?? '').matchAll(/<([0-9a-fA-F]+)>/g)) out += Buffer.from(h[1] ?? '', 'hex').toString('latin1');
    out += '\n';
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  await at('2026-01-05T09:00:00Z');
  programme = (
    await post('/programmes', {
      slug: 'tektos',
      nameFr: 'Accélérateur Tektos',
      nameEn: 'Tektos accelerator',
      kind: 'acceleration',
      entry: 'continuous',
    })
  ).json().id;
  orgs.a = (await post('/directory/organizations', { kind: 'startup', name: 'Atelier Opale' })).json().id;
  orgs.b = (await post('/directory/organizations', { kind: 'startup', name: 'Boréal Drones' })).json().id;
  await post(`/directory/organizations/${orgs.a}/metrics`, { metric: 'headcount', value: 3, asOf: '2025-12-31' });
  await post(`/directory/organizations/${orgs.a}/metrics`, { metric: 'funds_raised', value: 0, asOf: '2025-12-31' });
  const rep = (
    await post('/directory/people', { firstName: 'Inès', lastName: 'Test', legalBasis: 'contract', email: 'ines@opale.test' })
  ).json().id;
  await post(`/directory/people/${rep}/affiliations`, { organizationId: orgs.a });
  enrolments.a = (await post(`/programmes/${programme}/enrolments`, { organizationId: orgs.a })).json().enrolmentId;
  // February's request goes out on the 1st; Atelier Opale answers through its link: 5 jobs, €200,000 raised.
  await at('2026-02-01T09:00:00Z');
  await createProgrammesServices(t.deps).kpi.runMonthly();
  const token = /indicateurs\/([A-Za-z0-9_-]+)/.exec((await t.smtp.waitFor('ines@opale.test')).text)?.[1];
  await at('2026-02-02T09:00:00Z');
  enrolments.b = (await post(`/programmes/${programme}/enrolments`, { organizationId: orgs.b })).json().enrolmentId;
  await at('2026-02-10T09:00:00Z');
  await t.request(null, { method: 'POST', url: `${base}/kpi/${token}`, payload: { headcount: 5, fundsRaisedCents: 20_000_000 } });
  await at('2026-03-01T09:00:00Z');
  await post(`/directory/organizations/${orgs.b}/metrics`, { metric: 'headcount', value: 2, asOf: '2026-03-01' });
  await post(`/directory/organizations/${orgs.b}/metrics`, { metric: 'funds_raised', value: 5_000_000, asOf: '2026-03-01' });
  await post(`/enrolments/${enrolments.a}/sessions`, { heldOn: '2026-01-20', durationMinutes: 90, topic: 'Stratégie' });
  await post(`/enrolments/${enrolments.a}/sessions`, { heldOn: '2026-02-20', durationMinutes: 30, topic: 'Recrutement' });
  await post(`/enrolments/${enrolments.b}/sessions`, { heldOn: '2026-02-25', durationMinutes: 60, topic: 'Prototype' });
  const m1 = (await post(`/enrolments/${enrolments.a}/milestones`, { title: 'MVP', dueOn: '2026-02-15' })).json().id;
  await post(`/enrolments/${enrolments.a}/milestones`, { title: 'Premier client', dueOn: '2026-03-10' });
  const m3 = (await post(`/enrolments/${enrolments.b}/milestones`, { title: 'Prototype', dueOn: '2026-02-28' })).json().id;
  const m4 = (await post(`/enrolments/${enrolments.b}/milestones`, { title: 'Abandonné', dueOn: '2026-03-01' })).json().id;
  await t.request(staff, { method: 'PATCH', url: `${base}/milestones/${m1}`, payload: { status: 'done', doneOn: '2026-02-14' } });
  await t.request(staff, { method: 'PATCH', url: `${base}/milestones/${m3}`, payload: { status: 'done' } });
  await t.request(staff, { method: 'PATCH', url: `${base}/milestones/${m4}`, payload: { status: 'dropped' } });
  await at('2026-03-15T09:00:00Z');
  await post(`/enrolments/${enrolments.b}/exit`, { reason: 'moved' });
  await at('2026-03-31T09:00:00Z');
});
afterAll(() => t.close());

describe('the funders’ report', () => {
  it('sums companies, jobs and funds at entry and now, milestones and mentoring hours', async () => {
    const report = (await get(`/programmes/${programme}/report?to=2026-03-31`)).json();
    expect(report.from).toBe('2026-01-05');
    expect(
      report.rows.map((r: { organization: { name: string }; status: string; jobsAtEntry: number; jobsNow: number }) => [
        r.organization.name,
        r.status,
        r.jobsAtEntry,
        r.jobsNow,
      ]),
    ).toEqual([
      ['Atelier Opale', 'active', 3, 5],
      ['Boréal Drones', 'exited', 2, 2],
    ]);
    expect(report.totals).toEqual({
      accompanied: 2,
      active: 1,
      alumni: 1,
      jobsAtEntry: 5,
      jobsNow: 7,
      fundsAtEntryCents: 5_000_000,
      fundsNowCents: 25_000_000,
      milestonesMet: 2,
      milestonesDue: 3,
      sessions: 3,
      mentoringMinutes: 180,
    });
  });

  it('counts only what falls in the period', async () => {
    const r = (await get(`/programmes/${programme}/report?from=2026-01-05&to=2026-02-28`)).json();
    expect(r.rows.map((x: { jobsAtEntry: number | null; jobsNow: number | null }) => [x.jobsAtEntry, x.jobsNow])).toEqual([
      [3, 5],
      [null, null],
    ]);
    expect([r.totals.milestonesMet, r.totals.milestonesDue, r.totals.sessions]).toEqual([2, 2, 3]);
    expect((await get(`/programmes/${programme}/report?from=2026-03-01&to=2026-02-01`)).json().errors[0].path).toBe('querystring.to');
    expect((await get(`/programmes/${programme}/report?cohortId=${programme}`)).json().code).toBe('cohort_not_found');
  });

  it('exports the table as CSV for French Excel', async () => {
    const res = await get(`/programmes/${programme}/report.csv?to=2026-03-31`);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.split('\r\n');
    expect(lines[0]?.startsWith('\ufeffStructure;Statut;Entrée;Sortie;Emplois à l’entrée')).toBe(true);
    expect(lines[1]).toBe('Atelier Opale;Accompagnée;2026-01-05;;3;5;0,00;200000,00;1;2;2;2,00');
    expect(lines[2]).toBe('Boréal Drones;Alumni;2026-02-02;2026-03-15;2;2;50000,00;50000,00;1;1;1;1,00');
    expect(lines[3]).toBe('Total;1 / 1;;;5;7;50000,00;250000,00;2;3;3;3,00');
  });

  it('renders a PDF with the territory, the period and the right numbers', async () => {
    const res = await get(`/programmes/${programme}/report.pdf?to=2026-03-31`, 'en');
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Tektos accelerator');
    expect(text).toContain('Alpha');
    expect(text).toContain('Period: 2026-01-05 to 2026-03-31');
    expect(text).toContain('Companies accompanied: 2 (1 active, 1 alumni)');
    expect(text).toContain('Jobs: 5 at entry, 7 now');
    expect(text).toContain('Milestones met: 2 of 3 due');
    expect(text).toContain('Mentoring: 3 sessions, 3 hours');
    expect(text).toContain('Boréal Drones'.normalize());
    expect(text).toContain('250,000');
  });

  it('is for the staff only', async () => {
    const member = await t.signIn(t.emailOf('member'));
    expect((await t.request(member, { method: 'GET', url: `${base}/programmes/${programme}/report.pdf` })).statusCode).toBe(403);
    expect((await t.request(null, { method: 'GET', url: `${base}/programmes/${programme}/report.csv` })).statusCode).toBe(401);
  });
});
