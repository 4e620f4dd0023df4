import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

/** Monday 2026-03-02, 10:00 in Paris. */
let now = new Date('2026-03-02T09:00:00Z');
let t: TestApp;
let staff: Agent;
let member: Agent;
let beta: Agent;
const base = '/api/v1/territories/alpha';

const post = (agent: Agent | null, url: string, payload?: object, lang = 'fr') =>
  t.request(agent, { method: 'POST', url: `${base}${url}`, headers: { 'accept-language': lang }, ...(payload ? { payload } : {}) });
const patch = (agent: Agent | null, url: string, payload: object) => t.request(agent, { method: 'PATCH', url: `${base}${url}`, payload });
const get = (agent: Agent | null, url: string) => t.request(agent, { method: 'GET', url: `${base}${url}` });
const organization = async (name: string, extra: object = {}) =>
  (await post(staff, '/directory/organizations', { kind: 'startup', name, ...extra })).json().id as string;

const smartTerritory = {
  slug: 'territoire-intelligent',
  nameFr: 'Accompagnement territoire intelligent',
  nameEn: 'Smart-territory accompaniment',
  kind: 'incubation',
  entry: 'continuous',
  defaultDurationMonths: 12,
  cap: 2,
};

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  staff = await t.signIn(t.emailOf('staff'));
  member = await t.signIn(t.emailOf('member'));
  beta = await t.signIn('admin@beta.test');
});
afterAll(() => t.close());

describe('programmes and cohorts', () => {
  it('lets staff create a programme with themes; others are refused; bad input is a 422 that writes nothing', async () => {
    expect((await post(null, '/programmes', smartTerritory)).statusCode).toBe(401);
    expect((await post(member, '/programmes', smartTerritory)).statusCode).toBe(403);
    const bad = await post(staff, '/programmes', { ...smartTerritory, cap: 0 }, 'en');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('validation_failed');
    const unknownTheme = await post(staff, '/programmes', { ...smartTerritory, themes: ['nope'] });
    expect(unknownTheme.json().code).toBe('unknown_theme');
    expect((await get(staff, '/programmes')).json().items).toEqual([]);

    await post(staff, '/themes', { slug: 'mobilite', labelFr: 'Mobilité', labelEn: 'Mobility' });
    const created = await post(staff, '/programmes', { ...smartTerritory, themes: ['mobilite'] });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ cap: 2, entry: 'continuous', isPublished: false, themes: [{ slug: 'mobilite' }] });
    expect(created.json().counts).toEqual({ active: 0, waitlisted: 0, alumni: 0 });
    const again = await post(staff, '/programmes', smartTerritory);
    expect([again.statusCode, again.json().code]).toEqual([409, 'programme_slug_taken']);
  });

  it('shows unpublished programmes to staff only, and hides them from another territory', async () => {
    expect((await get(null, '/programmes')).json().items).toEqual([]);
    const [p] = (await get(staff, '/programmes')).json().items;
    expect((await get(beta, `/programmes/${p.id}`)).statusCode).toBe(403);
    const beyond = await t.request(beta, { method: 'GET', url: `/api/v1/territories/beta/programmes/${p.id}` });
    expect([beyond.statusCode, beyond.json().code]).toEqual([404, 'programme_not_found']);
    expect((await get(null, '/public/programmes/territoire-intelligent')).statusCode).toBe(404);
  });

  it('takes cohorts only in programmes by cohorts, with dates in order', async () => {
    const [p] = (await get(staff, '/programmes')).json().items;
    const refused = await post(staff, `/programmes/${p.id}/cohorts`, { name: 'P1', startsOn: '2026-03-02', endsOn: '2026-06-01' });
    expect(refused.statusCode).toBe(422);
    const stardust = (
      await post(staff, '/programmes', { slug: 'stardust', nameFr: 'Stardust', nameEn: 'Stardust', kind: 'acceleration', entry: 'cohorts' })
    ).json();
    const backwards = await post(staff, `/programmes/${stardust.id}/cohorts`, { name: 'P1', startsOn: '2026-06-01', endsOn: '2026-03-02' });
    expect(backwards.json().errors[0].path).toBe('body.endsOn');
    const ok = await post(staff, `/programmes/${stardust.id}/cohorts`, {
      name: 'Printemps 2026',
      startsOn: '2026-03-02',
      endsOn: '2026-06-01',
      cap: 1,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().cohorts).toEqual([expect.objectContaining({ name: 'Printemps 2026', cap: 1, active: 0 })]);
  });
});

describe('enrolments under a cap', () => {
  let programme: string;
  const orgs: string[] = [];

  it('admits while a seat is free, then waitlists in order; refuses a second current enrolment', async () => {
    programme = (await get(staff, '/programmes')).json().items.find((p: { slug: string }) => p.slug === 'territoire-intelligent').id;
    for (const name of ['Alpha Mobilité', 'Bêta Énergie', 'Gamma Data', 'Delta Eau'])
      orgs.push(await organization(name, { isPublic: true }));
    const results = [];
    for (const organizationId of orgs) results.push((await post(staff, `/programmes/${programme}/enrolments`, { organizationId })).json());
    expect(results.map((r) => [r.status, r.position])).toEqual([
      ['active', undefined],
      ['active', undefined],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    const twice = await post(staff, `/programmes/${programme}/enrolments`, { organizationId: orgs[0] });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'already_in_programme']);
    const noCohort = await post(staff, `/programmes/${programme}/enrolments`, { organizationId: orgs[0], cohortId: orgs[0] });
    expect(noCohort.statusCode).toBe(422);
    const active = (await get(staff, `/programmes/${programme}/enrolments?status=active`)).json();
    expect(active.items.map((e: { enteredOn: string; expectedEndOn: string }) => [e.enteredOn, e.expectedEndOn])).toEqual([
      ['2026-03-02', '2027-03-02'],
      ['2026-03-02', '2027-03-02'],
    ]);
  });

  it('refuses to promote while full, and to lower the cap below the active companies', async () => {
    const full = await post(staff, `/programmes/${programme}/waitlist/promote`);
    expect([full.statusCode, full.json().code]).toEqual([409, 'programme_full']);
    const lower = await patch(staff, `/programmes/${programme}`, { cap: 1 });
    expect([lower.statusCode, lower.json().code]).toEqual([409, 'programme_full']);
  });

  it('exits an active company as an alumnus, then promotes the head of the waitlist', async () => {
    now = new Date('2026-03-20T09:00:00Z');
    const active = (await get(staff, `/programmes/${programme}/enrolments?status=active`)).json().items;
    const first = active.find((e: { organization: { id: string } }) => e.organization.id === orgs[0]);
    expect((await post(staff, `/enrolments/${first.id}/exit`, { reason: 'finished' })).statusCode).toBe(422);
    const early = await post(staff, `/enrolments/${first.id}/exit`, { reason: 'completed', exitedOn: '2026-01-01' });
    expect(early.json().errors[0].path).toBe('body.exitedOn');
    const planned = await post(staff, `/enrolments/${first.id}/exit`, { reason: 'completed', exitedOn: '2026-04-01' });
    expect(planned.json().errors[0]).toMatchObject({ path: 'body.exitedOn', code: 'future' });
    const exited = await post(staff, `/enrolments/${first.id}/exit`, { reason: 'completed' });
    expect(exited.json()).toMatchObject({ status: 'exited', exitReason: 'completed', exitedOn: '2026-03-20' });
    const again = await post(staff, `/enrolments/${first.id}/exit`, { reason: 'completed' });
    expect(again.json().code).toBe('enrolment_not_current');

    // Promotion is the staff's decision: the seat stays free until then.
    expect((await get(staff, `/programmes/${programme}`)).json().counts).toEqual({ active: 1, waitlisted: 2, alumni: 1 });
    const promoted = await post(staff, `/programmes/${programme}/waitlist/promote`);
    expect(promoted.json()).toMatchObject({
      organization: { id: orgs[2] },
      status: 'active',
      enteredOn: '2026-03-20',
      waitlistPosition: null,
    });
    const waitlist = (await get(staff, `/programmes/${programme}/enrolments?status=waitlisted`)).json().items;
    expect(waitlist.map((e: { organization: { id: string } }) => e.organization.id)).toEqual([orgs[3]]);
  });

  it('lets a waitlisted company withdraw; an empty waitlist has nothing to promote', async () => {
    const [last] = (await get(staff, `/programmes/${programme}/enrolments?status=waitlisted`)).json().items;
    expect((await post(staff, `/enrolments/${last.id}/exit`, { reason: 'moved' })).json().status).toBe('withdrawn');
    await post(staff, `/enrolments/${(await get(staff, `/programmes/${programme}/enrolments?status=active`)).json().items[0].id}/exit`, {
      reason: 'abandoned',
    });
    const empty = await post(staff, `/programmes/${programme}/waitlist/promote`);
    expect([empty.statusCode, empty.json().code]).toEqual([409, 'waitlist_empty']);
  });

  it('publishes the programme with its public alumni only', async () => {
    await patch(staff, `/directory/organizations/${orgs[1]}`, { isPublic: false });
    expect((await patch(staff, `/programmes/${programme}`, { isPublished: true })).statusCode).toBe(200);
    const page = (await get(null, '/public/programmes/territoire-intelligent')).json();
    expect(page.alumni.map((a: { name: string }) => a.name)).toEqual(['Alpha Mobilité']);
    expect(page.themes).toEqual([{ slug: 'mobilite', labelFr: 'Mobilité', labelEn: 'Mobility' }]);
    expect((await get(null, '/programmes')).json().items.map((p: { slug: string }) => p.slug)).toEqual(['territoire-intelligent']);
  });

  it('applies a cohort cap of its own', async () => {
    const stardust = (await get(staff, '/programmes')).json().items.find((p: { slug: string }) => p.slug === 'stardust');
    const cohortId = stardust.cohorts[0].id;
    const a = await post(staff, `/programmes/${stardust.id}/enrolments`, { organizationId: orgs[0], cohortId });
    const b = await post(staff, `/programmes/${stardust.id}/enrolments`, { organizationId: orgs[1], cohortId });
    expect([a.json().status, b.json().status, b.json().position]).toEqual(['active', 'waitlisted', 1]);
    expect((await post(staff, `/programmes/${stardust.id}/enrolments`, { organizationId: orgs[2] })).json().errors[0].path).toBe(
      'body.cohortId',
    );
    expect((await get(staff, `/programmes/${stardust.id}`)).json().cohorts[0]).toMatchObject({ active: 1, cap: 1 });
  });
});

describe('tenancy', () => {
  it('keeps every programmes table behind the tenant_isolation policy', async () => {
    const { sql } = await import('drizzle-orm');
    const tables = [
      'programmes',
      'programme_themes',
      'programme_cohorts',
      'programme_enrolments',
      'programme_supporters',
      'programme_sessions',
      'programme_milestones',
      'kpi_requests',
    ];
    const r = await t.deps.database.transaction({ system: true }, (tx) =>
      tx.execute(sql`SELECT c.relname, c.relrowsecurity, p.policyname FROM pg_class c
        LEFT JOIN pg_policies p ON p.tablename = c.relname AND p.policyname = 'tenant_isolation'
        WHERE c.relname IN (${sql.join(
          tables.map((x) => sql`${x}`),
          sql`, `,
        )})`),
    );
    const rows = (r as unknown as { rows: { relname: string; relrowsecurity: boolean; policyname: string | null }[] }).rows;
    expect(rows.map((x) => [x.relname, x.relrowsecurity, x.policyname]).sort()).toEqual(
      tables.map((x) => [x, true, 'tenant_isolation']).sort(),
    );
    // Without a territory, a transaction sees none of them.
    const seen = await t.deps.database.transaction({ territoryId: null }, (tx) =>
      tx.execute(sql`SELECT count(*)::int AS n FROM programme_enrolments`),
    );
    expect((seen as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
  });
});
