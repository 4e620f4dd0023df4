/**
 * A fresh database for the places benchmark, that the benchmark's own process and a Totem child
 * process can both open in turn: a PGlite data directory on disk, or a new database on the
 * PostgreSQL server named by BENCH_DATABASE_URL (or TEST_DATABASE_URL).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createTerritoriesService } from '../../src/modules/territories/index.ts';
import { systemClock } from '../../src/platform/clock.ts';
import type { Deps } from '../../src/platform/context.ts';
import { openDatabase } from '../../src/platform/db/client.ts';
import { createMailer } from '../../src/platform/mail/mailer.ts';
import { type Engine, serverUrl, sys } from '../directory/setup.ts';
import { removeDir, tempDir } from '../lib/processes.ts';
import { zone } from './generate.ts';

const template = new URL('../../.tmp/pglite-template.tar.gz', import.meta.url);

/** Where the database lives: what `DATA_DIR` or `DATABASE_URL` gives a Totem process. */
export type Location = { engine: Engine; dataDir?: string; url?: string; drop(): Promise<void> };

export async function createLocation(engine: Engine): Promise<Location> {
  const server = serverUrl();
  if (engine === 'pglite' || !server) {
    const dataDir = tempDir('places');
    return { engine: 'pglite', dataDir, drop: async () => removeDir(dataDir) };
  }
  const name = `totem_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  return { engine: 'postgres', url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The database at `loc` (migrated, from the migrated template on a first PGlite open). */
export function openAt(loc: Location) {
  const fresh = loc.dataDir !== undefined && !existsSync(`${loc.dataDir}/PG_VERSION`);
  return openDatabase({
    url: loc.url,
    dataDir: loc.dataDir,
    template: fresh && existsSync(template) ? new Blob([readFileSync(template)]) : undefined,
  });
}

/**
 * On PostgreSQL, after a bulk load: VACUUM (ANALYZE) the table as its owner (outside a transaction),
 * as autovacuum soon would, then a CHECKPOINT (when the role may) so that writing the loaded pages
 * back does not fall in the measurements.
 */
export async function settle(loc: Location, table: string): Promise<void> {
  if (!loc.url) return;
  const c = new pg.Client({ connectionString: loc.url });
  await c.connect();
  try {
    await c.query(`VACUUM (ANALYZE) ${table}`);
    await c.query('CHECKPOINT').catch(() => undefined);
  } finally {
    await c.end();
  }
}

/** The app in this process on the database at `loc`; `create` adds the territory `bench` first. */
export async function placesApp(loc: Location, create: boolean) {
  const database = await openAt(loc);
  const config = loadConfig({ DATA_DIR: '/nonexistent', PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent' });
  const log = pino({ level: 'silent' });
  const deps: Deps = {
    database,
    clock: systemClock,
    config,
    log,
    mailer: createMailer(database, { smtpUrl: undefined, from: config.mailFrom }, log),
  };
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.ready();
  const territories = createTerritoriesService(deps);
  const territory = create
    ? await territories.create(sys, { slug: 'bench', name: 'Bench', timeZone: zone })
    : await territories.get('bench');
  return {
    app,
    deps,
    territoryId: territory.id,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
export type PlacesApp = Awaited<ReturnType<typeof placesApp>>;
