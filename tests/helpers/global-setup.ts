import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/platform/db/client.ts';
import { templatePath } from './database.ts';

/** Migrates one in-memory PGlite and dumps it; every test file then starts from that dump. */
export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  const db = await openDatabase({});
  const blob = await db.dumpDataDir?.();
  if (!blob) throw new Error('PGlite should dump its data directory');
  mkdirSync(fileURLToPath(new URL('.', templatePath)), { recursive: true });
  writeFileSync(templatePath, Buffer.from(await blob.arrayBuffer()));
  await db.close();
}
