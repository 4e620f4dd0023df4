import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../helpers/database.ts';

/**
 * `totem import` as a person runs it: a real process on a fresh data directory with the demo
 * territories (embedded database, or a new database on the server of TEST_DATABASE_URL).
 */
const main = new URL('../../src/main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'totem-cli-import-'));
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn', SMTP_URL: '', LANG: 'C' };
if (!process.env.TEST_DATABASE_URL) delete env.DATABASE_URL;

let serverDatabase: { url: string; drop: () => Promise<void> } | undefined;

function totem(...args: string[]) {
  const r = spawnSync(process.execPath, [main, ...args], { env, encoding: 'utf8', timeout: 90_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
};

const organizations = file('structures.csv', [
  'Nom;Type;SIRET;Code INSEE;Identifiant externe',
  'Bybe;start-up;73282932000074;62193;',
  'Atelier Opale;association;;62193;cli-atelier',
]);
const imports = (...args: string[]) => totem('import', ...args, '--territory', 'calaisis');

beforeAll(async () => {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    serverDatabase = await throwawayDatabase(server, 'totem_cli_import');
    env.DATABASE_URL = serverDatabase.url;
  }
  expect(totem('seed').code).toBe(0);
  const staff = totem('user', 'create', '--email', 'import@example.test', '--territory', 'calaisis', '--role', 'staff');
  const member = totem('user', 'create', '--email', 'member@example.test', '--territory', 'calaisis', '--role', 'member');
  expect([staff.code, member.code]).toEqual([0, 0]);
}, 180_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await serverDatabase?.drop();
});

describe('totem import', () => {
  it('previews without writing, commits, and changes nothing when run again', () => {
    const preview = imports('organizations', organizations);
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('2 to create, 0 to update, 0 unchanged, 0 with errors');
    expect(imports('organizations', organizations).out).toContain('2 to create');

    const commit = imports('organizations', organizations, '--commit');
    expect(commit.code).toBe(0);
    expect(commit.out).toContain('2 created, 0 updated, 0 unchanged');
    const again = imports('organizations', organizations, '--commit');
    expect(again.code).toBe(0);
    expect(again.out).toContain('0 created, 0 updated, 2 unchanged');
  });

  it('imports people affiliated by SIRET, acting as a staff account', () => {
    const people = file('personnes.csv', [
      'prenom;nom;email;base_legale;siret_structure;fonction',
      'Hélène;Vasseur;helene@example.test;interet legitime;73282932000074;Fondatrice',
    ]);
    const commit = imports('people', people, '--commit', '--as', 'import@example.test');
    expect(commit.code).toBe(0);
    expect(commit.out).toContain('1 created');
    const member = imports('people', people, '--commit', '--as', 'member@example.test');
    expect(member.code).toBe(1);
    expect(member.err).toContain('forbidden');
  });

  it('refuses a bad file with exit code 2, naming the line and column of each error, in French on request', () => {
    const bad = file('mauvais.csv', ['nom,type,annee_creation', 'Urbik,startup,2014', 'Audace,ovni,deux mille']);
    const res = imports('organizations', bad, '--commit');
    expect(res.code).toBe(2);
    expect(res.err).toContain('line 3, column type');
    expect(res.err).toContain('line 3, column annee_creation');
    const fr = imports('organizations', bad, '--locale', 'fr');
    expect(fr.code).toBe(2);
    expect(fr.err).toContain('line 3, column annee_creation: année sur 4 chiffres attendue');
    const header = imports('organizations', file('colonnes.csv', ['nom,couleur', 'A,bleu']));
    expect(header.code).toBe(2);
    expect(header.err).toContain('header, column couleur: unknown column "couleur"');
    expect(imports('organizations', bad, '--commit').out).not.toContain('created');
  });

  it('reports progress on large files, as plain lines when the output is not a terminal', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `Structure ${i};association;cli-${i}`);
    const res = imports('organizations', file('grand.csv', ['nom;type;identifiant_externe', ...rows]));
    expect(res.code).toBe(0);
    expect(res.out).toContain('1500 to create');
    expect(res.err).toContain('Checking: 1000/1500 rows');
    expect(res.err).toContain('Checking: 1500/1500 rows');
  });
});
