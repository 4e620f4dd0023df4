/**
 * A fresh database for the places benchmark, that the benchmark's own process and a Totem child
 * process can both open in turn: a PGlite data directory on disk, or a new database on the
 * PostgreSQL server named by BENCH_DATABASE_URL (or TEST_DATABASE_URL).
 */
import { existsSync, readFileSync } from 'node:fs';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createTerritoriesService } from '../../src/modules/territories/index.ts';
import { systemClock } from '../../src/platform/clock.ts';
import type { Deps } from '../../src/platform/context.ts';
import { openDatabase } from '../../src/platform/db/client.ts';
import { createMailer } from '../../src/platform/mail/mailer.ts';
import { type Engine, serverUrl, sys } from '../directory/setup.ts';
import { throwawayDatabase } from '../lib/database.ts';
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
  return { engine: 'postgres', ...(await throwawayDatabase(server)) };
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
