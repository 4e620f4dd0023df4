import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The query builder, the same type on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** What a transaction may see: one territory (row-level security), or everything (system). */
export type Scope = { territoryId: string | null; system?: false } | { system: true };

/**
 * How a transaction reads: by default each statement sees what was committed when it began (read
 * committed); `repeatable read` sees one snapshot throughout, which a read beside it shares
 * (`besideEachOther`), so that the two read the same rows.
 */
export type TransactionOptions = { isolation?: 'repeatable read' };

export type Database = {
  engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction, as the application role, limited to the scope's territory. */
  transaction<T>(scope: Scope, fn: (tx: Db) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * PostgreSQL only: runs `fn` in a read-only transaction of its own, on a second pool, so that a
   * request may run a read beside the statements of its transaction (the directory search counts
   * its matches while it reads its page). The read does not see what the request's transaction
   * wrote and has not committed. The second pool's connections are never held while waiting for
   * the first pool, so a request holding a connection of the first that waits for one of the
   * second cannot deadlock with the others; `fn` must therefore open no transaction itself. With
   * `snapshot` (exported by `pg_export_snapshot()` in the request's transaction), it reads exactly
   * what that transaction's snapshot sees.
   */
  alongside?: <T>(scope: Scope, fn: (tx: Db) => Promise<T>, snapshot?: string) => Promise<T>;
  /** Checks the database answers and the migrations are applied. */
  ready(): Promise<{ ok: boolean; pending: number }>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a gzipped tarball. */
  dumpDataDir?: () => Promise<Blob>;
  /**
   * PGlite only: what autovacuum does on a server, which the embedded engine (one process, no
   * background workers) never runs: `VACUUM (ANALYZE)` or `ANALYZE` of the tables past
   * autovacuum's default thresholds. Returns the tables done.
   */
  vacuum?: () => Promise<Vacuumed>;
  /**
   * PGlite only: a `vacuum` pass right after the current work, so that a large write (an import)
   * is not searched through unvacuumed tables and stale statistics until the hourly pass. Calls
   * made before the pass starts share it; `close` waits for it. Resolves when the pass has run
   * (its failure is left to the next hourly pass).
   */
  vacuumSoon?: () => Promise<void>;
};

export type Vacuumed = { vacuumed: string[]; analyzed: string[] };

/** Runs a read in a transaction of its own beside the caller's (`Database.alongside`, bound to a scope). */
export type Beside = <T>(fn: (tx: Db) => Promise<T>, snapshot?: string) => Promise<T>;

/**
 * `own` in the caller's transaction and `other` beside it, at once, each on its own connection; or,
 * without `beside` (PGlite, or a caller that must see its own writes), one after the other in the
 * caller's transaction. A transaction's statements never run at once: see `inSeries`. The read
 * beside takes the caller's snapshot (`pg_export_snapshot()`, one more round trip): when the
 * caller's transaction is `repeatable read`, `own` reads that snapshot too, and the two see the
 * same rows whatever is committed meanwhile; under read committed `own` may see later commits.
 */
export async function besideEachOther<A, B>(
  tx: Db,
  own: (tx: Db) => Promise<A>,
  other: (tx: Db) => Promise<B>,
  beside?: Beside,
): Promise<[A, B]> {
  if (!beside) return [await own(tx), await other(tx)];
  const exported = await tx.execute(sql`SELECT pg_export_snapshot() AS snapshot`);
  const [row] = (exported as unknown as { rows: { snapshot: string }[] }).rows;
  return Promise.all([own(tx), beside(other, row?.snapshot)]);
}

/** A snapshot id as `pg_export_snapshot()` writes them (`SET TRANSACTION SNAPSHOT` takes no parameter). */
const snapshotId = /^[0-9A-F]+-[0-9A-F]+-[0-9]+$/i;

/** Narrows an open transaction to one territory (row-level security) once it is known. */
export async function enterTerritory(tx: Db, territoryId: string): Promise<void> {
  await tx.execute(sql`SELECT set_config('totem.territory_id', ${territoryId}, true)`);
}

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export type DatabaseOptions = {
  url?: string | undefined;
  dataDir?: string | undefined;
  migrate?: boolean;
  /** PGlite only: start from this data-directory dump (tests start from a migrated template). */
  template?: Blob | undefined;
};

/**
 * Opens the embedded database (PGlite, in `dataDir`, or in memory when absent)
 * or a PostgreSQL server (`url`), applies pending migrations, then drops to the
 * application role so that row-level security applies to every query.
 */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const { url, dataDir, migrate = true } = opts;
  const open = url ? openPostgres(url) : openPglite(dataDir, opts.template);
  const conn = await open;
  if (migrate) await conn.migrate();
  await conn.enterAppRole();

  const inScope = async <T>(tx: Db, scope: Scope, fn: (tx: Db) => Promise<T>): Promise<T> => {
    if (scope.system) {
      await tx.execute(sql`SET LOCAL ROLE NONE`);
    } else {
      await tx.execute(sql`SELECT set_config('totem.territory_id', ${scope.territoryId ?? ''}, true)`);
    }
    return fn(tx);
  };
  // PGlite runs one transaction at a time, which therefore sees one snapshot throughout whatever
  // its isolation: asking for `repeatable read` there would only cost a statement.
  const transaction = <T>(scope: Scope, fn: (tx: Db) => Promise<T>, options?: TransactionOptions): Promise<T> =>
    conn.db.transaction(
      (tx) => inScope(tx as unknown as Db, scope, fn),
      options?.isolation && conn.engine === 'postgres' ? { isolationLevel: options.isolation } : undefined,
    );
  const beside = conn.beside;

  return {
    engine: conn.engine,
    transaction,
    async ready() {
      const applied = await transaction({ system: true }, async (tx) => {
        const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
        return Number((r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
      });
      const pending = (await journalCount()) - applied;
      return { ok: pending === 0, pending };
    },
    close: conn.close,
    ...(conn.dumpDataDir ? { dumpDataDir: conn.dumpDataDir } : {}),
    ...(conn.vacuum ? { vacuum: conn.vacuum } : {}),
    ...(conn.vacuumSoon ? { vacuumSoon: conn.vacuumSoon } : {}),
    ...(beside
      ? {
          alongside: <T>(scope: Scope, fn: (tx: Db) => Promise<T>, snapshot?: string) =>
            beside().transaction(
              async (tx) => {
                if (snapshot !== undefined) {
                  if (!snapshotId.test(snapshot)) throw new Error(`not a snapshot id: ${snapshot}`);
                  // The transaction's first statement, as PostgreSQL requires.
                  await tx.execute(sql.raw(`SET TRANSACTION SNAPSHOT '${snapshot}'`));
                }
                return inScope(tx as unknown as Db, scope, fn);
              },
              { accessMode: 'read only', isolationLevel: 'repeatable read' },
            ),
        }
      : {}),
  };
}

type Connection = {
  engine: 'pglite' | 'postgres';
  db: Db;
  migrate(): Promise<void>;
  enterAppRole(): Promise<void>;
  close(): Promise<void>;
  dumpDataDir?: () => Promise<Blob>;
  vacuum?: () => Promise<Vacuumed>;
  vacuumSoon?: () => Promise<void>;
  /** The second pool of `Database.alongside`, once the application role is entered. */
  beside?: () => Db;
};

/**
 * The tables autovacuum would take up now, by its default settings: a vacuum once dead rows pass
 * 50 + 20% of the live ones or inserts since the last vacuum pass 1,000 + 20% (so that the
 * visibility map lets index-only scans skip the heap), an analyze once changes since the last
 * analyze pass 50 + 10%. The statistics views are readable by any role.
 */
const dueForVacuum = `
  SELECT relname AS name,
    n_dead_tup > 50 + 0.2 * n_live_tup OR n_ins_since_vacuum > 1000 + 0.2 * n_live_tup AS vacuum
  FROM pg_stat_user_tables
  WHERE schemaname = 'public' AND (n_dead_tup > 50 + 0.2 * n_live_tup
    OR n_ins_since_vacuum > 1000 + 0.2 * n_live_tup OR n_mod_since_analyze > 50 + 0.1 * n_live_tup)
  ORDER BY relname`;

async function journalCount(): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const journal = JSON.parse(await readFile(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

async function openPglite(dataDir: string | undefined, template?: Blob): Promise<Connection> {
  const [{ PGlite }, { drizzle }, { migrate }, { btree_gist }, { pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ]);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Memory: PostgreSQL's defaults size a dedicated server. In WebAssembly, shared_buffers (128 MB)
  // grows the instance's linear memory past its 128 MB floor, and linear memory is never given back,
  // so each megabyte reserved stays resident. 16 MB of buffers holds the hot pages of one ecosystem
  // (the data files stay in the operating system's cache); maintenance_work_mem bounds the growth of an
  // index build (restore, migrations) the same way. Measured with `npm run bench -- memory`.
  const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB', '-c', 'maintenance_work_mem=16MB'];
  const client = await PGlite.create({ dataDir, loadDataDir: template, startParams, extensions: { btree_gist, pg_trgm, unaccent } });
  const db = drizzle({ client, schema }) as unknown as Db;
  const vacuum = async (): Promise<Vacuumed> => {
    // The statistics a statement gathers reach the views within a second; now, for what follows.
    await client.query('SELECT pg_stat_force_next_flush()');
    const due = (await client.query<{ name: string; vacuum: boolean }>(dueForVacuum)).rows;
    // One statement per table, outside any transaction (VACUUM cannot run in one): requests wait
    // for one table at a time, not for the whole pass.
    for (const t of due) await client.exec(`${t.vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} "${t.name.replaceAll('"', '""')}"`);
    return { vacuumed: due.filter((t) => t.vacuum).map((t) => t.name), analyzed: due.filter((t) => !t.vacuum).map((t) => t.name) };
  };
  // The pass `vacuumSoon` has scheduled and not yet started, and the one running.
  let scheduled: Promise<void> | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  return {
    engine: 'pglite',
    db,
    async migrate() {
      await migrate(db as never, { migrationsFolder });
      // VACUUM and ANALYZE need the owner's rights or MAINTAIN (PostgreSQL 17; PGlite is 18): the
      // application role keeps them up itself, a statement at a time, as autovacuum would.
      await client.exec(`${grantsSql}GRANT MAINTAIN ON ALL TABLES IN SCHEMA public TO totem_app;`);
    },
    async enterAppRole() {
      await client.exec('SET ROLE totem_app');
    },
    async close() {
      closed = true;
      await scheduled;
      await running;
      await client.close();
    },
    dumpDataDir: () => client.dumpDataDir('gzip'),
    vacuum,
    vacuumSoon() {
      if (closed) return Promise.resolve();
      scheduled ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        scheduled = undefined;
        running = vacuum().then(
          () => undefined,
          () => undefined,
        );
        return running;
      });
      return scheduled;
    },
  };
}

async function openPostgres(url: string): Promise<Connection> {
  const [{ default: pg }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  // An idle connection the server ends (restart, failover, DROP DATABASE) must not crash the process:
  // the pool drops it and opens another on the next query.
  const quiet = (pool: InstanceType<typeof pg.Pool>) => pool.on('error', () => {});
  const ownerPool = new pg.Pool({ connectionString: url, max: 1 });
  quiet(ownerPool);
  let appPool: InstanceType<typeof pg.Pool> | undefined;
  let besidePool: InstanceType<typeof pg.Pool> | undefined;
  let besideDb: Db | undefined;
  const ownerDb = drizzle({ client: ownerPool, schema }) as unknown as Db;
  const conn: Connection = {
    engine: 'postgres',
    db: ownerDb,
    async migrate() {
      await migrate(ownerDb as never, { migrationsFolder });
      await ownerPool.query(grantsSql);
    },
    async enterAppRole() {
      const appRolePool = () =>
        new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), options: '-c role=totem_app' });
      appPool = appRolePool();
      quiet(appPool);
      conn.db = drizzle({ client: appPool, schema }) as unknown as Db;
      besidePool = appRolePool();
      quiet(besidePool);
      besideDb = drizzle({ client: besidePool, schema }) as unknown as Db;
    },
    beside() {
      if (!besideDb) throw new Error('the database is not open yet');
      return besideDb;
    },
    async close() {
      await appPool?.end();
      await besidePool?.end();
      await ownerPool.end();
    },
  };
  return conn;
}

/** Privileges of the application role; re-applied after each migration run (idempotent). */
const grantsSql = `
GRANT USAGE ON SCHEMA public TO totem_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO totem_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM totem_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO totem_app;
`;
