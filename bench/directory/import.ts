/**
 * The CSV import measured through the service, as the web app and the CLI call it: a preview, then
 * a commit in one transaction, of a file of new organisations; then the same file again, which must
 * change nothing. The reference is the bulk generator loading as many organisations (same search
 * indexing, no validation, matching nor audit).
 */
import { createDirectoryServices } from '../../src/modules/directory/index.ts';
import { generate, organizationRow, random, themeSlugs } from './generate.ts';
import { type BenchApp, benchApp, type Engine, sys } from './setup.ts';

export type ImportFigures = {
  rows: number;
  previewSeconds: number;
  commitSeconds: number;
  /** Preview plus commit: what a person waits for. */
  seconds: number;
  rowsPerSecond: number;
  /** Committing the same file again (every row unchanged). */
  reimportSeconds: number;
  /** The bulk generator loading as many organisations, in the same run and engine. */
  bulkSeconds: number;
};

const header = 'nom;type;ville;code_insee;secteur;description;site_web;etiquettes;thematiques;statut;public;identifiant_externe';

/**
 * A French Excel CSV (`;`) of `n` new organisations, with identifiers no generated organisation
 * bears, each with one of the territory's themes as the generator gives them (by slug).
 */
export function importFile(n: number): string {
  const r = random(7);
  const lines = [header];
  for (let i = 0; i < n; i++) {
    const o = organizationRow(i, r);
    const theme = themeSlugs[i % themeSlugs.length];
    const cells = [o.name, o.kind, o.city, o.commune_insee, o.sector, o.description_fr, o.website, o.tags.join('|'), theme];
    lines.push([...cells, o.membership_status, o.is_public ? 'oui' : 'non', `imp-${i}`].join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const seconds = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const out = await fn();
  return [out, (performance.now() - t0) / 1000];
};

/** Imports `n` organisations into the bench territory of `b` (which may already hold a scale's data). */
export async function importInto(b: BenchApp, n: number, bulkSeconds: number): Promise<ImportFigures> {
  const services = createDirectoryServices(b.deps);
  const input = { content: importFile(n), encoding: 'text' as const };
  const opts = { maxRows: n };
  const [preview, previewSeconds] = await seconds(() => services.imports.preview(sys, 'bench', input, opts));
  if (preview.summary.create !== n) throw new Error(`the preview plans ${preview.summary.create} creations of ${n}`);
  const [report, commitSeconds] = await seconds(() => services.imports.commit(sys, 'bench', input, opts));
  if (report.summary.create !== n) throw new Error(`the import created ${report.summary.create} of ${n}`);
  const [again, reimportSeconds] = await seconds(() => services.imports.commit(sys, 'bench', input, opts));
  if (again.summary.skip !== n) throw new Error(`importing the file again left ${again.summary.skip} of ${n} rows unchanged`);
  const total = previewSeconds + commitSeconds;
  return { rows: n, previewSeconds, commitSeconds, seconds: total, rowsPerSecond: n / total, reimportSeconds, bulkSeconds };
}

/** The import alone on a fresh database, its reference measured by a bulk load into another fresh one. */
export async function importAlone(engine: Engine, n: number): Promise<ImportFigures> {
  const ref = await benchApp(engine);
  let bulkSeconds: number;
  try {
    bulkSeconds = (await generate(ref.deps.database, ref.territoryId, { name: 'national', organizations: n, people: 0 }, ref.themeIds))
      .organizationsSeconds;
  } finally {
    await ref.close();
  }
  const b = await benchApp(engine);
  try {
    return await importInto(b, n, bulkSeconds);
  } finally {
    await b.close();
  }
}
