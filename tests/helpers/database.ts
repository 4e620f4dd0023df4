import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/client.ts';

/** Where the global setup leaves a migrated PGlite data directory, so each test file skips initdb. */
export const templatePath = new URL('../../.tmp/pglite-template.tar.gz', import.meta.url);

/**
 * A fresh database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (the CI runs the suite once on each).
 */
export async function openTestDatabase(serverUrl = process.env.TEST_DATABASE_URL || undefined): Promise<Database> {
  if (!serverUrl) {
    const template = existsSync(templatePath) ? new Blob([readFileSync(templatePath)]) : undefined;
    return openDatabase({ template });
  }
  const name = `totem_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  return {
    ...db,
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export const testEngine = (): 'pglite' | 'postgres' => (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');

/**
 * A database on the other engine than the suite's, for cross-engine checks (backup made on one,
 * restored on the other): PGlite during the PostgreSQL run; PostgreSQL during the PGlite run when
 * CROSS_DATABASE_URL names a server (npm test sets it from TEST_DATABASE_URL).
 */
export async function openOtherEngineDatabase(): Promise<Database | null> {
  if (process.env.TEST_DATABASE_URL) return openDatabase({});
  const cross = process.env.CROSS_DATABASE_URL;
  return cross ? openTestDatabase(cross) : null;
}
