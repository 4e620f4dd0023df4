/** Throwaway databases on a PostgreSQL server for the benchmarks, and settling them after a bulk load. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

async function run(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** A new empty database on the server at `server`: its URL, and how to drop it. */
export async function throwawayDatabase(server: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `totem_bench_${randomBytes(5).toString('hex')}`;
  await run(server, `CREATE DATABASE ${name}`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => run(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * On PostgreSQL (`url` set), after a bulk load: VACUUM (ANALYZE) the tables as their owner
 * (outside a transaction), as autovacuum soon would, then a CHECKPOINT (when the role may), so that
 * the measurements neither read the dead row versions a load leaves behind nor write the loaded
 * pages back.
 */
export async function settle(url: string | undefined, tables: string): Promise<void> {
  if (!url) return;
  await run(url, `VACUUM (ANALYZE) ${tables}`);
  await run(url, 'CHECKPOINT').catch(() => undefined);
}
