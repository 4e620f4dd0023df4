/**
 * The directory benchmark: p50/p99 of the public directory search API (in-process `app.inject`,
 * so the server's time without the network) beside the same search SQL run bare in a transaction
 * (the floor: no HTTP, authentication, validation nor serialisation), at each scale, on PGlite and
 * on PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL names a server; and the CSV import
 * service beside the bulk generator loading the same rows.
 */
import { createDirectoryServices } from '../../src/modules/directory/index.ts';
import { ZOrganizationSearchQuery } from '../../src/modules/directory/search.contract.ts';
import { searchOrganizations } from '../../src/modules/directory/search.service.ts';
import { type BenchResult, type Row, row, type Target, target } from '../lib/report.ts';
import { percentile } from '../lib/stats.ts';
import { generate, organizationRow, random, type Scale, scales } from './generate.ts';
import { benchApp, type Engine, serverUrl, sys } from './setup.ts';

/** Queries a visitor types: plain words, accents left out, a typo, a facet with no text, a deep page. */
const queries = ['q=numerique', 'q=bethune%20sante', 'q=fabrique%20opale', 'q=robotiqe', 'kind=fablab', 'q=studio&page=3'];
/** Measured rounds of all the queries per scale (after one warm-up round), so the default run stays within minutes. */
const rounds: Record<Scale['name'], number> = { territory: 20, region: 3, national: 1 };

type SearchFigures = { apiP50: number; apiP99: number; rawP50: number; rawP99: number; samples: number; generateSeconds: number };

async function searchAt(engine: Engine, scale: Scale): Promise<SearchFigures> {
  const b = await benchApp(engine);
  try {
    const generateSeconds = await generate(b.deps.database, b.territoryId, scale, b.themeIds);
    const api: number[] = [];
    const raw: number[] = [];
    const parsed = queries.map((q) => ZOrganizationSearchQuery.parse(Object.fromEntries(new URLSearchParams(q))));
    for (let round = -1; round < rounds[scale.name]; round++) {
      for (const [i, q] of queries.entries()) {
        let t0 = performance.now();
        const res = await b.app.inject({ method: 'GET', url: `/api/v1/territories/bench/organizations?${q}` });
        const apiMs = performance.now() - t0;
        if (res.statusCode !== 200) throw new Error(`search ${q}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        t0 = performance.now();
        await b.deps.database.transaction({ territoryId: b.territoryId }, (tx) =>
          searchOrganizations(tx, b.territoryId, parsed[i] as never, 'public', 'fr'),
        );
        const rawMs = performance.now() - t0;
        if (round >= 0) {
          api.push(apiMs);
          raw.push(rawMs);
        }
      }
    }
    return {
      apiP50: percentile(api, 50),
      apiP99: percentile(api, 99),
      rawP50: percentile(raw, 50),
      rawP99: percentile(raw, 99),
      samples: api.length,
      generateSeconds,
    };
  } finally {
    await b.close();
  }
}

/** Seconds for the CSV import service to commit `n` new organisations, and for the bulk generator to load the same rows. */
async function importAt(engine: Engine, n: number): Promise<{ importSeconds: number; bulkSeconds: number }> {
  const b = await benchApp(engine);
  try {
    const r = random(7);
    const lines = ['nom;type;ville;code_insee;secteur;description;site_web;identifiant_externe;public'];
    for (let i = 0; i < n; i++) {
      const o = organizationRow(i, r);
      lines.push(
        [o.name, o.kind, o.city, o.commune_insee, o.sector, o.description_fr, o.website, o.external_id, o.is_public ? 'oui' : 'non'].join(
          ';',
        ),
      );
    }
    const services = createDirectoryServices(b.deps);
    const t0 = performance.now();
    const report = await services.imports.commit(sys, 'bench', { content: lines.join('\n'), encoding: 'text' }, { maxRows: n });
    const importSeconds = (performance.now() - t0) / 1000;
    if (report.summary.create !== n) throw new Error(`import created ${report.summary.create} of ${n}`);
    const other = await benchApp(engine);
    try {
      const bulkSeconds = await generate(
        other.deps.database,
        other.territoryId,
        { name: 'territory', organizations: n, people: 0 },
        other.themeIds,
      );
      return { importSeconds, bulkSeconds };
    } finally {
      await other.close();
    }
  } finally {
    await b.close();
  }
}

export type DirectoryBenchOptions = { scales?: string[] };

export async function directoryBench(opts: DirectoryBenchOptions = {}): Promise<BenchResult> {
  const wanted = opts.scales?.length ? opts.scales : ['territory', 'region'];
  const chosen = wanted.map((s) => scales[s as Scale['name']]).filter((s): s is Scale => Boolean(s));
  const engines: Engine[] = serverUrl() ? ['pglite', 'postgres'] : ['pglite'];
  const rows: Row[] = [];
  const targets: Target[] = [];
  const details: Record<string, unknown> = { queries, engines, scales: chosen };
  for (const engine of engines) {
    for (const scale of chosen) {
      // 100,000 organisations are for a server: the embedded engine serves one machine's ecosystem.
      if (engine === 'pglite' && scale.name === 'national') continue;
      console.log(`  search: ${engine}, ${scale.name} (${scale.organizations} organisations, ${scale.people} people)…`);
      const f = await searchAt(engine, scale);
      details[`search.${engine}.${scale.name}`] = f;
      rows.push(row(`search p50, ${scale.name}, ${engine}`, 'ms', f.apiP50, f.rawP50));
      rows.push(row(`search p99, ${scale.name}, ${engine}`, 'ms', f.apiP99, f.rawP99));
      if (engine === 'postgres' && scale.name === 'national') {
        targets.push(target('search API p99 on PostgreSQL at 100,000 organisations', f.apiP99, 30, 'ms'));
        targets.push(target('search API p50 ÷ raw SQL p50 on PostgreSQL at 100,000', f.apiP50 / f.rawP50, 2, '×'));
      }
    }
    const n = engine === 'postgres' && wanted.includes('national') ? 100_000 : 2_000;
    if (engine === 'pglite' && !chosen.some((c) => c.name !== 'national')) continue;
    console.log(`  import: ${engine}, ${n} rows…`);
    const imp = await importAt(engine, n);
    details[`import.${engine}.${n}`] = imp;
    rows.push(row(`CSV import of ${n} organisations, ${engine}`, 's', imp.importSeconds, imp.bulkSeconds));
    if (n === 100_000) targets.push(target('CSV import of 100,000 organisations on PostgreSQL', imp.importSeconds, 60, 's'));
  }
  return {
    name: wanted.join('+') === 'territory+region' ? 'directory' : `directory-${wanted.join('+')}`,
    title: 'Directory: public search API vs the same SQL run bare; CSV import vs bulk load',
    reference:
      'search: the service’s SQL in a bare transaction (no HTTP, auth, validation, serialisation); import: json_populate_recordset bulk load of the same rows',
    rows,
    targets,
    details,
  };
}
