/**
 * The reviewer-assignment benchmark: Totem's exact min-cost-flow solver beside HiGHS (branch and
 * cut, WebAssembly build) given the same problem as a 0/1 program in CPLEX LP format, on calls made
 * by a seeded generator: applications wanting 3 reviews each, reviewers loaded between 75 % and
 * 125 % of the mean (15 to 25 at 2,000 × 300), 12 themes (1–3 per application, 2–5 per reviewer),
 * affinity = themes in common, 2 % of pairs excluded, one application in 100 with a pinned reviewer.
 * Every solver answer is checked against the constraints; a broken one, or an objective more than
 * 0.1 % below HiGHS's, fails the run.
 */
import highsPackage from 'highs';
import { solveAssignment, type TAssignmentProblem, type TAssignmentResult } from '../src/modules/calls/assignment/solver.ts';
import { type BenchResult, type Row, row, type Target, target } from './lib/report.ts';
import { median, round } from './lib/stats.ts';

/** The package's types describe its CommonJS build, but Node imports its ES build, whose default export is the loader. */
const loadHighs = ((highsPackage as { default?: unknown }).default ?? highsPackage) as typeof highsPackage.default;

/** Applications × reviewers; HiGHS runs on each, the last is the size. */
const sizes = [
  { applications: 250, reviewers: 38 },
  { applications: 500, reviewers: 75 },
  { applications: 1000, reviewers: 150 },
  { applications: 2000, reviewers: 300 },
];
const reviewsEach = 3;
/** The targets: under 2 s at 2,000 × 300 on one core, within 0.1 % of the optimum. */
const limits = { ms: 2000, gapPercent: 0.1 };
/** HiGHS gets this long per instance before the comparison is given up at that size. */
const highsSeconds = 600;

export type CallInstance = TAssignmentProblem & { label: string; pairs: number };

/** Mulberry32: a small seeded generator, so that every run solves the same calls. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Themes in common are counted 600,000 times at full size: a table of 4,096 popcounts, not strings. */
const popcount = Uint8Array.from({ length: 1 << 12 }, (_, x) => x.toString(2).replaceAll('0', '').length);
const bits = (x: number) => popcount[x] as number;

export function generateCall(applications: number, reviewers: number, seed = 2026): CallInstance {
  const rand = seeded(seed);
  const themes = (lo: number, hi: number) => {
    const count = lo + Math.floor(rand() * (hi - lo + 1));
    let mask = 0;
    while (bits(mask) < count) mask |= 1 << Math.floor(rand() * 12);
    return mask;
  };
  const apps = Array.from({ length: applications }, () => themes(1, 3));
  const experts = Array.from({ length: reviewers }, () => themes(2, 5));
  const excluded: Array<[number, number]> = [];
  for (let a = 0; a < applications; a++) for (let r = 0; r < reviewers; r++) if (rand() < 0.02) excluded.push([a, r]);
  const isExcluded = new Set(excluded.map(([a, r]) => a * reviewers + r));
  const pinned: Array<[number, number]> = [];
  for (let a = 0; a < applications; a += 100) {
    const r = Math.floor(rand() * reviewers);
    if (!isExcluded.has(a * reviewers + r)) pinned.push([a, r]);
  }
  const mean = (reviewsEach * applications) / reviewers;
  return {
    label: `${applications.toLocaleString('en-US')} × ${reviewers}`,
    pairs: applications * reviewers - excluded.length,
    reviewsWanted: apps.map(() => reviewsEach),
    minLoad: experts.map(() => Math.floor(0.75 * mean)),
    maxLoad: experts.map(() => Math.ceil(1.25 * mean)),
    excluded,
    pinned,
    affinity: (a, r) => bits((apps[a] as number) & (experts[r] as number)),
  };
}

/** Throws unless the result is feasible and keeps every constraint; returns its recomputed objective. */
export function checkAssignment(p: TAssignmentProblem, r: TAssignmentResult): number {
  if (!r.feasible) throw new Error(`the solver found no assignment (${r.reason.code})`);
  const m = p.minLoad.length;
  const seen = new Set<number>();
  const perApp = new Int32Array(p.reviewsWanted.length);
  const perReviewer = new Int32Array(m);
  let total = 0;
  for (const [a, v] of r.pairs) {
    if (seen.has(a * m + v)) throw new Error(`pair ${a}:${v} assigned twice`);
    seen.add(a * m + v);
    perApp[a] = (perApp[a] ?? 0) + 1;
    perReviewer[v] = (perReviewer[v] ?? 0) + 1;
    total += p.affinity(a, v);
  }
  for (const [a, v] of p.excluded) if (seen.has(a * m + v)) throw new Error(`excluded pair ${a}:${v} assigned`);
  for (const [a, v] of p.pinned) if (!seen.has(a * m + v)) throw new Error(`pinned pair ${a}:${v} missing`);
  p.reviewsWanted.forEach((k, a) => {
    if (perApp[a] !== k) throw new Error(`application ${a} has ${perApp[a]} reviews, ${k} wanted`);
  });
  perReviewer.forEach((load, v) => {
    if (load < (p.minLoad[v] ?? 0) || load > (p.maxLoad[v] ?? 0)) throw new Error(`reviewer ${v} has ${load} reviews`);
  });
  if (total !== r.objective) throw new Error(`objective ${r.objective} but the pairs sum to ${total}`);
  return total;
}

/** The same problem as a 0/1 program: one binary per pair that is not excluded, pins fixed to 1. */
export function toLp(p: TAssignmentProblem): string {
  const n = p.reviewsWanted.length;
  const m = p.minLoad.length;
  const excluded = new Set(p.excluded.map(([a, r]) => a * m + r));
  const byReviewer: string[][] = Array.from({ length: m }, () => []);
  const objective: string[] = [];
  const rows: string[] = [];
  const names: string[] = [];
  for (let a = 0; a < n; a++) {
    const row: string[] = [];
    for (let r = 0; r < m; r++) {
      if (excluded.has(a * m + r)) continue;
      const x = `x${a}_${r}`;
      names.push(x);
      row.push(x);
      byReviewer[r]?.push(x);
      const w = p.affinity(a, r);
      if (w) objective.push(`+ ${w} ${x}`);
    }
    rows.push(` a${a}: ${row.join(' + ')} = ${p.reviewsWanted[a]}`);
  }
  byReviewer.forEach((xs, r) => {
    rows.push(` lo${r}: ${xs.join(' + ')} >= ${p.minLoad[r]}`, ` hi${r}: ${xs.join(' + ')} <= ${p.maxLoad[r]}`);
  });
  const pins = p.pinned.map(([a, r]) => ` x${a}_${r} = 1`);
  return ['Maximize', ` obj: ${objective.join('\n ')}`, 'Subject To', ...rows, 'Bounds', ...pins, 'Binary', ...names, 'End', ''].join('\n');
}

type HighsFigures = {
  status: string;
  objective: number | null;
  seconds: number;
  lpMegabytes: number;
  lpWritingSeconds: number;
  error?: string;
};
type SizeFigures = {
  label: string;
  applications: number;
  reviewers: number;
  pairs: number;
  solverMs: number[];
  solverObjective: number;
  highs: HighsFigures | null;
  gapPercent: number | null;
  /** The benchmark process's peak resident set so far, HiGHS's WebAssembly memory included. */
  peakRssMiB: number;
};

/** HiGHS on the LP text, in a fresh WebAssembly instance so that an abort cannot spoil the next size. */
async function runHighs(p: TAssignmentProblem): Promise<HighsFigures> {
  const writing = performance.now();
  const lp = toLp(p);
  const lpWritingSeconds = round((performance.now() - writing) / 1000, 2);
  const lpMegabytes = round(lp.length / 1e6);
  const highs = await loadHighs();
  const started = performance.now();
  try {
    const r = highs.solve(lp, { output_flag: false, time_limit: highsSeconds });
    const seconds = (performance.now() - started) / 1000;
    const objective = r.Status === 'Optimal' || r.Status === 'Time limit reached' ? r.ObjectiveValue : null;
    return { status: r.Status, objective: Number.isFinite(objective) ? objective : null, seconds, lpMegabytes, lpWritingSeconds };
  } catch (err) {
    const seconds = (performance.now() - started) / 1000;
    const error = err instanceof Error ? err.message : String(err);
    return { status: 'error', objective: null, seconds, lpMegabytes, lpWritingSeconds, error };
  }
}

async function measureSize(applications: number, reviewers: number, runs: number): Promise<SizeFigures> {
  const p = generateCall(applications, reviewers);
  const solverMs: number[] = [];
  let solverObjective = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = solveAssignment(p);
    solverMs.push(performance.now() - started);
    solverObjective = checkAssignment(p, result);
  }
  console.log(`  ${p.label}: solver ${round(median(solverMs))} ms, objective ${solverObjective}; HiGHS…`);
  const highs = await runHighs(p);
  const gapPercent = highs.objective === null ? null : (100 * (highs.objective - solverObjective)) / Math.max(1, highs.objective);
  console.log(`  ${p.label}: HiGHS ${highs.status} in ${round(highs.seconds)} s, objective ${highs.objective ?? '—'}`);
  // Any solution HiGHS returns is feasible, so one clearly better than the solver's disproves it.
  if (gapPercent !== null && gapPercent > limits.gapPercent) {
    throw new Error(`${p.label}: the solver's objective ${solverObjective} is ${round(gapPercent, 3)} % below HiGHS's ${highs.objective}`);
  }
  const peakRssMiB = round(process.resourceUsage().maxRSS / 1024);
  return { label: p.label, applications, reviewers, pairs: p.pairs, solverMs, solverObjective, highs, gapPercent, peakRssMiB };
}

export async function callsAssignmentBench(opts: { runs: number }): Promise<BenchResult> {
  const figures: SizeFigures[] = [];
  for (const { applications, reviewers } of sizes) figures.push(await measureSize(applications, reviewers, opts.runs));
  const rows: Row[] = figures.flatMap((f) => {
    const at = `${f.label} (${f.pairs.toLocaleString('en-US')} pairs)`;
    const highsOptimal = f.highs?.status === 'Optimal';
    return [
      row(`solve time, ${at}`, 'ms', median(f.solverMs), highsOptimal ? (f.highs?.seconds ?? 0) * 1000 : null),
      row(`total affinity, ${at}`, 'points', f.solverObjective, f.highs?.objective ?? null),
      ...(f.gapPercent === null ? [] : [row(`gap below HiGHS's objective, ${f.label}`, '%', f.gapPercent, null)]),
    ];
  });
  const full = figures[figures.length - 1];
  const compared = figures.filter((f) => f.highs?.status === 'Optimal' && f.gapPercent !== null);
  const targets: Target[] = [];
  if (full) targets.push(target(`solver time at ${full.label}`, median(full.solverMs), limits.ms, 'ms'));
  for (const f of compared)
    targets.push(target(`gap to HiGHS's optimum at ${f.label}`, Math.max(0, f.gapPercent ?? 0), limits.gapPercent, '%'));
  return {
    name: 'calls',
    title: `Reviewer assignment: exact min-cost flow, ${reviewsEach} reviews per application, median of ${opts.runs} runs`,
    reference: 'HiGHS (WebAssembly, one core) on the same 0/1 program in CPLEX LP format; its time includes reading the text',
    rows,
    targets,
    details: { sizes: figures, highsTimeLimitSeconds: highsSeconds },
  };
}
