/**
 * The directory benchmark, at each scale, on PGlite and on PostgreSQL when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL names a server:
 *  - p50/p99 of the public directory search API (in-process `app.inject`, so the server's time
 *    without the network) beside the same search SQL run bare in a transaction (the floor: no HTTP,
 *    authentication, validation nor serialisation);
 *  - the CSV import of as many new organisations as the scale holds (preview + commit, through the
 *    service, into the loaded territory) beside the bulk generator loading them.
 */
// The directory module first, in the application's order: its contracts and tables import each other.
import '../../src/modules/directory/index.ts';
import { PerformanceObserver } from 'node:perf_hooks';
import { ZOrganizationSearchQuery } from '../../src/modules/directory/search.contract.ts';
import { searchOrganizations, searchTransaction } from '../../src/modules/directory/search.service.ts';
import { type BenchResult, type Row, row, type Target, target } from '../lib/report.ts';
import { percentile } from '../lib/stats.ts';
import { generate, type Scale, scales } from './generate.ts';
import { type ImportFigures, importAlone, importInto } from './import.ts';
import { type BenchApp, benchApp, type Engine, serverUrl } from './setup.ts';

/** Queries a visitor types: plain words, accents left out, a typo, a facet with no text, a deep page. */
const queries = ['q=numerique', 'q=bethune%20sante', 'q=fabrique%20opale', 'q=robotiqe', 'kind=fablab', 'q=studio&page=3'];
/**
 * Measured rounds of all the queries per scale (after one warm-up round). The nearest-rank p99 of n
 * searches is their slowest when n is under 100: the national scale, where the target is, measures
 * 300 searches, so that its p99 is the fourth slowest (the 297th of 300) rather than one pause of
 * the machine.
 */
const rounds: Record<Scale['name'], number> = { territory: 20, region: 10, national: 50 };
/** The issue's target: 100,000 rows imported (preview + commit) in under a minute. */
const importTarget = { rows: 100_000, seconds: 60 };

/** One query's measured times in milliseconds, so that the slowest query can be told apart. */
type QueryFigures = { query: string; apiMs: number[]; rawMs: number[] };
/**
 * The process's garbage-collection pauses while the searches were measured: how many, their sum,
 * and how many API searches one of them fell into. The searches run in the benchmark's process, as
 * in a server's: a pause adds its length to the search it lands in, which weighs on the p99.
 */
type GcFigures = { pauses: number; pauseMs: number; apiSearchesPaused: number };
type SearchFigures = {
  apiP50: number;
  apiP99: number;
  rawP50: number;
  rawP99: number;
  samples: number;
  perQuery: QueryFigures[];
  gc: GcFigures;
};

type Span = { start: number; end: number };
/** Records the process's GC pauses until `stop`, which sums those within the spans' time and counts the spans they fall into. */
function watchGc(): { stop: (spans: Span[]) => Promise<GcFigures> } {
  const pauses: Span[] = [];
  const take = (entries: PerformanceEntry[]) => {
    for (const e of entries) pauses.push({ start: e.startTime, end: e.startTime + e.duration });
  };
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop(spans) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      take(observer.takeRecords());
      observer.disconnect();
      const first = spans[0]?.start ?? 0;
      const within = pauses.filter((p) => p.end > first);
      const overlaps = (s: Span) => within.some((p) => p.end > s.start && p.start < s.end);
      return {
        pauses: within.length,
        pauseMs: Math.round(within.reduce((sum, p) => sum + p.end - p.start, 0)),
        apiSearchesPaused: spans.filter(overlaps).length,
      };
    },
  };
}

async function searchIn(b: BenchApp, scale: Scale): Promise<SearchFigures> {
  const api: number[] = [];
  const raw: number[] = [];
  const parsed = queries.map((q) => ZOrganizationSearchQuery.parse(Object.fromEntries(new URLSearchParams(q))));
  const perQuery: QueryFigures[] = queries.map((query) => ({ query, apiMs: [], rawMs: [] }));
  const apiSpans: Span[] = [];
  const gc = watchGc();
  for (let round = -1; round < rounds[scale.name]; round++) {
    for (const [i, q] of queries.entries()) {
      const apiSpan = { start: performance.now(), end: 0 };
      const res = await b.app.inject({ method: 'GET', url: `/api/v1/territories/bench/organizations?${q}` });
      apiSpan.end = performance.now();
      const apiMs = apiSpan.end - apiSpan.start;
      if (res.statusCode !== 200) throw new Error(`search ${q}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const t0 = performance.now();
      await b.deps.database.transaction(
        { territoryId: b.territoryId },
        (tx) => searchOrganizations(tx, b.territoryId, parsed[i] as never, 'public', 'fr', b.deps.database),
        searchTransaction,
      );
      const rawMs = performance.now() - t0;
      if (round >= 0) {
        apiSpans.push(apiSpan);
        api.push(apiMs);
        raw.push(rawMs);
        perQuery[i]?.apiMs.push(Math.round(apiMs * 10) / 10);
        perQuery[i]?.rawMs.push(Math.round(rawMs * 10) / 10);
      }
    }
  }
  return {
    apiP50: percentile(api, 50),
    apiP99: percentile(api, 99),
    rawP50: percentile(raw, 50),
    rawP99: percentile(raw, 99),
    samples: api.length,
    perQuery,
    gc: await gc.stop(apiSpans),
  };
}

type ScaleFigures = { generateSeconds?: number; search?: SearchFigures; import: ImportFigures };

/**
 * One scale on one engine: its data generated, searched, then as many organisations imported. The
 * embedded engine serves one machine's ecosystem: at the national scale only the import is measured there.
 */
async function measure(engine: Engine, scale: Scale): Promise<ScaleFigures> {
  if (engine === 'pglite' && scale.name === 'national') return { import: await importAlone(engine, scale.organizations) };
  const b = await benchApp(engine);
  try {
    const generated = await generate(b.deps.database, b.territoryId, scale, b.themeIds);
    await b.settle();
    const search = await searchIn(b, scale);
    for (const q of search.perQuery) console.log(`  search ${q.query}: API ${q.apiMs.join(', ')} ms, bare ${q.rawMs.join(', ')} ms`);
    const { pauses, pauseMs, apiSearchesPaused } = search.gc;
    console.log(
      `  GC while searching: ${pauses} pauses, ${pauseMs} ms in all; ${apiSearchesPaused} of ${search.samples} API searches held one`,
    );
    console.log(`  import: ${engine}, ${scale.organizations} organisations…`);
    return {
      generateSeconds: generated.seconds,
      search,
      import: await importInto(b, scale.organizations, generated.organizationsSeconds),
    };
  } finally {
    await b.close();
  }
}

function rowsOf(engine: Engine, scale: Scale, f: ScaleFigures): { rows: Row[]; targets: Target[] } {
  const rows: Row[] = [];
  const targets: Target[] = [];
  const at = `${scale.name}, ${engine}`;
  if (f.search) {
    rows.push(row(`search p50, ${at}`, 'ms', f.search.apiP50, f.search.rawP50));
    rows.push(row(`search p99, ${at}`, 'ms', f.search.apiP99, f.search.rawP99));
    if (engine === 'postgres' && scale.name === 'national') {
      targets.push(target('search API p99 on PostgreSQL at 100,000 organisations', f.search.apiP99, 30, 'ms'));
      targets.push(target('search API p50 ÷ raw SQL p50 on PostgreSQL at 100,000', f.search.apiP50 / f.search.rawP50, 2, '×'));
    }
  }
  const imp = f.import;
  rows.push(row(`CSV import of ${imp.rows} organisations (preview + commit), ${at}`, 's', imp.seconds, imp.bulkSeconds));
  rows.push(row(`CSV import rate, ${at}`, 'rows/s', imp.rowsPerSecond, imp.rows / imp.bulkSeconds));
  if (imp.rows >= importTarget.rows)
    targets.push(target(`CSV import of ${imp.rows} organisations (preview + commit) on ${engine}`, imp.seconds, importTarget.seconds, 's'));
  return { rows, targets };
}

export type DirectoryBenchOptions = { scales?: string[]; engines?: string[] };

/** Engines by name; none means PGlite, and PostgreSQL too when a server is named. */
function chosenEngines(names: string[] = []): Engine[] {
  const available: Engine[] = serverUrl() ? ['pglite', 'postgres'] : ['pglite'];
  if (!names.length) return available;
  const unknown = names.filter((e) => !available.includes(e as Engine));
  if (unknown.length)
    throw new Error(`unavailable engine ${unknown.join(', ')}: ${available.join(' or ')} (postgres needs BENCH_DATABASE_URL)`);
  return available.filter((e) => names.includes(e));
}

/** Scales by name; none means territory and region (a few minutes); `all` adds the national one. */
function chosenScales(names: string[] = []): Scale[] {
  const wanted = names.includes('all') ? Object.keys(scales) : names.length ? names : ['territory', 'region'];
  const unknown = wanted.filter((s) => !(s in scales));
  if (unknown.length) throw new Error(`unknown scale ${unknown.join(', ')}: territory, region, national or all`);
  return wanted.map((s) => scales[s as Scale['name']]);
}

export async function directoryBench(opts: DirectoryBenchOptions = {}): Promise<BenchResult> {
  const chosen = chosenScales(opts.scales);
  const engines = chosenEngines(opts.engines);
  const rows: Row[] = [];
  const targets: Target[] = [];
  const details: Record<string, unknown> = { queries, engines, scales: chosen };
  for (const engine of engines) {
    for (const scale of chosen) {
      console.log(`  ${engine}, ${scale.name} (${scale.organizations} organisations, ${scale.people} people)…`);
      const f = await measure(engine, scale);
      details[`${engine}.${scale.name}`] = f;
      const out = rowsOf(engine, scale, f);
      rows.push(...out.rows);
      targets.push(...out.targets);
    }
  }
  const names = chosen.map((s) => s.name).join('+');
  const only = opts.engines?.length ? `-${engines.join('+')}` : '';
  return {
    name: `${names === 'territory+region' ? 'directory' : `directory-${names}`}${only}`,
    title: 'Directory: public search API vs the same SQL run bare; CSV import vs bulk load',
    reference:
      'search: the service’s SQL in a bare transaction (no HTTP, auth, validation, serialisation); import: the bulk generator loading as many organisations (json_populate_recordset, same search indexing)',
    rows,
    targets,
    details,
  };
}
