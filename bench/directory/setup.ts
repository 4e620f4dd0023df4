/** A fresh database and an in-process Totem app for one benchmark scale, on PGlite or a PostgreSQL server. */
import { existsSync, readFileSync } from 'node:fs';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createTerritoriesService } from '../../src/modules/territories/index.ts';
import { systemClock } from '../../src/platform/clock.ts';
import type { Deps } from '../../src/platform/context.ts';
import { type Database, openDatabase } from '../../src/platform/db/client.ts';
import { createMailer } from '../../src/platform/mail/mailer.ts';
import { systemActor } from '../../src/platform/policy/actor.ts';
import { settle, throwawayDatabase } from '../lib/database.ts';
import { themeSlugs } from './generate.ts';

export type Engine = 'pglite' | 'postgres';
export const sys = { actor: systemActor, locale: 'fr' as const, requestId: 'bench' };
export const serverUrl = (): string | undefined => process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const template = new URL('../../.tmp/pglite-template.tar.gz', import.meta.url);

async function freshDatabase(engine: Engine): Promise<{ database: Database; url?: string }> {
  const server = serverUrl();
  if (engine === 'pglite' || !server) {
    return { database: await openDatabase({ template: existsSync(template) ? new Blob([readFileSync(template)]) : undefined }) };
  }
  const { url, drop } = await throwawayDatabase(server);
  const db = await openDatabase({ url });
  return {
    url,
    database: {
      ...db,
      async close() {
        await db.close();
        await drop();
      },
    },
  };
}

/**
 * The directory's tables settled after the generator (`settle`), as autovacuum would settle a
 * server and the hourly maintenance the embedded engine (`Database.vacuum`): searches are then
 * measured on the directory as it stands between imports rather than on the dead row versions the
 * generator's indexing pass leaves behind (it writes every organisation twice).
 */
const directoryTables = 'organizations, organization_search, organization_search_words, search_words, people';

/** The app on a fresh database with one territory `bench` and its themes. */
export async function benchApp(engine: Engine) {
  const { database, url } = await freshDatabase(engine);
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
  const territory = await territories.create(sys, { slug: 'bench', name: 'Bench', timeZone: 'Europe/Paris' });
  const themeIds: string[] = [];
  for (const slug of themeSlugs) themeIds.push((await territories.createTheme(sys, 'bench', { slug, labelFr: slug, labelEn: slug })).id);
  return {
    app,
    deps,
    territoryId: territory.id,
    themeIds,
    // PGlite runs no autovacuum: its own pass, as Totem's hourly maintenance runs it.
    settle: async () => (url ? settle(url, directoryTables) : void (await database.vacuum?.())),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
export type BenchApp = Awaited<ReturnType<typeof benchApp>>;
