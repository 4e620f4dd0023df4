import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/client.ts';

/** Where the global setup leaves a migrated PGlite data directory, so each test file skips initdb. */
export const templatePath = new URL('../../.tmp/pglite-template.tar.gz', import.meta.url);

/** Runs one statement on its own connection to `server` (outside any transaction: CREATE DATABASE, VACUUM). */
export async function onServer(server: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/**
 * A new empty database on the PostgreSQL server at `server` (tests, the CLI's integration tests,
 * the benchmarks): its URL, and how to drop it.
 */
export async function throwawayDatabase(server: string, prefix = 'totem_test'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * A fresh database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (the CI runs the suite once on each).
 */
export async function openTestDatabase(serverUrl = process.env.TEST_DATABASE_URL || undefined): Promise<Database> {
  if (!serverUrl) {
    const template = existsSync(templatePath) ? new Blob([readFileSync(templatePath)]) : undefined;
    return openDatabase({ template });
  }
  const { url, drop } = await throwawayDatabase(serverUrl);
  const db = await openDatabase({ url });
  return {
    ...db,
    async close() {
      await db.close();
      await drop();
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
