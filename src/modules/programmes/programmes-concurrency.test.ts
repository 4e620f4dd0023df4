import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { organizations } from '../directory/index.ts';
import { territories } from '../territories/index.ts';
import { programmeEnrolments } from './programmes.tables.ts';

/**
 * The cap holds under concurrency because the database enforces it (the programme's row locked,
 * then counted, by the service and by the trigger `programme_enrolments_cap`), not a
 * check-then-insert. On PostgreSQL these requests really run in parallel on the pool's connections.
 */
let t: TestApp;
let staff: Agent;
let territoryId: string;
const base = '/api/v1/territories/alpha';
const now = new Date('2026-03-02T09:00:00Z');

async function createOrganizations(prefix: string, n: number): Promise<string[]> {
  const rows = await t.deps.database.transaction({ territoryId }, (tx) =>
    tx
      .insert(organizations)
      .values(Array.from({ length: n }, (_, i) => ({ territoryId, kind: 'startup', name: `${prefix} ${String(i).padStart(3, '0')}` })))
      .returning({ id: organizations.id }),
  );
  return rows.map((r) => r.id);
}

async function createProgramme(slug: string, cap: number): Promise<string> {
  const payload = { slug, nameFr: slug, nameEn: slug, kind: 'incubation', entry: 'continuous', cap };
  return (await t.request(staff, { method: 'POST', url: `${base}/programmes`, payload })).json().id;
}

const enrol = (programmeId: string, organizationId: string) =>
  t.request(staff, { method: 'POST', url: `${base}/programmes/${programmeId}/enrolments`, payload: { organizationId } });

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  staff = await t.signIn(t.emailOf('staff'));
  const [alpha] = await t.deps.database.transaction({ system: true }, (tx) =>
    tx.select({ id: territories.id }).from(territories).where(eq(territories.slug, 'alpha')),
  );
  territoryId = alpha?.id ?? '';
});
afterAll(() => t.close());

describe('100 concurrent selections for the last free seat', () => {
  it('admits exactly one; the 99 others are waitlisted at distinct positions 1…99', async () => {
    const programme = await createProgramme('bethune', 20);
    const [first, ...rest] = [await createOrganizations('Déjà accompagnée', 19), await createOrganizations('Candidate', 100)];
    for (const id of first ?? []) expect((await enrol(programme, id)).json().status).toBe('active');
    const results = await Promise.all((rest[0] ?? []).map((id) => enrol(programme, id)));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const bodies = results.map((r) => r.json() as { status: string; position?: number });
    expect(bodies.filter((b) => b.status === 'active')).toHaveLength(1);
    const positions = bodies.filter((b) => b.status === 'waitlisted').map((b) => b.position);
    expect(positions).toHaveLength(99);
    expect([...positions].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 99 }, (_, i) => i + 1));
    const counts = (await t.request(staff, { method: 'GET', url: `${base}/programmes/${programme}` })).json().counts;
    expect(counts).toEqual({ active: 20, waitlisted: 99, alumni: 0 });
  });

  it('refuses in the database an active enrolment beyond the cap, even written around the service', async () => {
    const programme = await createProgramme('tektos', 3);
    const orgs = await createOrganizations('Directe', 40);
    // Forty active rows written at once straight into the table, each in its own transaction.
    const writes = await Promise.allSettled(
      orgs.map((organizationId) =>
        t.deps.database.transaction({ territoryId }, (tx) =>
          tx.insert(programmeEnrolments).values({
            territoryId,
            programmeId: programme,
            organizationId,
            status: 'active',
            sourceKind: 'staff',
            enteredOn: '2026-03-02',
          }),
        ),
      ),
    );
    expect(writes.filter((w) => w.status === 'fulfilled')).toHaveLength(3);
    const refused = writes.find((w) => w.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason?.cause?.message ?? refused.reason?.message)).toMatch(/is full/);
    const active = await t.deps.database.transaction({ territoryId }, (tx) =>
      tx.execute(sql`SELECT count(*)::int AS n FROM programme_enrolments WHERE programme_id = ${programme} AND status = 'active'`),
    );
    expect((active as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(3);
  });
});
