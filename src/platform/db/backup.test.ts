import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { openOtherEngineDatabase, openTestDatabase } from '../../../tests/helpers/database.ts';
import { backup, restore } from './backup.ts';

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'totem-backup-'));
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

type Counts = Record<string, number>;
async function counts(db: Awaited<ReturnType<typeof openTestDatabase>>): Promise<Counts> {
  return db.transaction({ system: true }, async (tx) => {
    const tables = (await tx.execute(sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)) as unknown as {
      rows: { tablename: string }[];
    };
    const out: Counts = {};
    for (const { tablename } of tables.rows) {
      const r = (await tx.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(tablename)}`)) as unknown as {
        rows: { n: number }[];
      };
      out[tablename] = r.rows[0]?.n ?? 0;
    }
    return out;
  });
}

describe('backup and restore', () => {
  it('round-trips every row into an empty database, and the restored data works', async () => {
    const file = join(dir, 'totem.jsonl');
    const written = await backup(t.deps.database, file);
    expect(written.rows).toBeGreaterThan(100);
    const target = await openTestDatabase();
    try {
      await restore(target, file);
      expect(await counts(target)).toEqual(await counts(t.deps.database));
      // Serial ids continue after the restored ones: a new audit entry gets a fresh id.
      await target.transaction({ system: true }, (tx) =>
        tx.execute(sql`INSERT INTO audit_log (actor_label, action, entity) VALUES ('test', 'check', 'backup')`),
      );
      await expect(restore(target, file)).rejects.toThrow(/not empty/);
      await restore(target, file, { replace: true });
      expect(await counts(target)).toEqual(await counts(t.deps.database));
    } finally {
      await target.close();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL && !process.env.CROSS_DATABASE_URL)(
    'restores a backup taken on one engine into the other',
    async () => {
      const file = join(dir, 'cross.jsonl');
      await backup(t.deps.database, file);
      const other = await openOtherEngineDatabase();
      if (!other) throw new Error('no second engine');
      try {
        expect(other.engine).not.toBe(t.deps.database.engine);
        await restore(other, file);
        expect(await counts(other)).toEqual(await counts(t.deps.database));
      } finally {
        await other.close();
      }
    },
  );

  it('refuses a file that is not a Totem backup', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(dir, 'other.jsonl');
    writeFileSync(file, '{"hello":"world"}\n');
    const target = await openTestDatabase();
    try {
      await expect(restore(target, file)).rejects.toThrow(/not a Totem backup/);
    } finally {
      await target.close();
    }
  });
});
