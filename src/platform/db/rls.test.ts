import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { memberships } from '../../modules/identity/index.ts';
import { auditLog } from '../audit/audit.tables.ts';

let t: TestApp;
let alphaId: string;
let betaId: string;
beforeAll(async () => {
  t = await createTestApp();
  alphaId = (await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha' })).json().id;
  betaId = (await t.request(null, { method: 'GET', url: '/api/v1/territories/beta' })).json().id;
});
afterAll(() => t.close());

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('row-level security, the second barrier', () => {
  it('shows a transaction only the rows of its territory, even without a WHERE clause', async () => {
    const seen = await t.deps.database.transaction({ territoryId: alphaId }, (tx) => tx.select().from(memberships));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((m) => m.territoryId === alphaId)).toBe(true);
  });

  it('shows nothing tenant-owned to a transaction without a territory', async () => {
    const seen = await t.deps.database.transaction({ territoryId: null }, (tx) => tx.select().from(memberships));
    expect(seen).toEqual([]);
  });

  it("refuses to write a row into another territory than the transaction's", async () => {
    const [user] = await t.deps.database.transaction({ territoryId: alphaId }, (tx) => tx.select().from(memberships).limit(1));
    await expect(
      t.deps.database.transaction({ territoryId: alphaId }, (tx) =>
        tx.insert(memberships).values({ territoryId: betaId, userId: user?.userId ?? '', role: 'member' }),
      ),
    ).rejects.toThrow();
  });

  it('keeps the audit log append-only for the application role', async () => {
    await expect(
      t.deps.database.transaction({ territoryId: alphaId }, (tx) => tx.update(auditLog).set({ action: 'tampered' })),
    ).rejects.toThrow();
    await expect(t.deps.database.transaction({ territoryId: alphaId }, (tx) => tx.delete(auditLog))).rejects.toThrow();
  });

  it('runs as a role that is neither superuser nor exempt from row-level security', async () => {
    const [me] = await t.deps.database.transaction({ territoryId: null }, async (tx) =>
      rows<{ rolsuper: boolean; rolbypassrls: boolean; current_user: string }>(
        await tx.execute(sql`SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`),
      ),
    );
    expect(me).toEqual({ current_user: 'totem_app', rolsuper: false, rolbypassrls: false });
  });
});
