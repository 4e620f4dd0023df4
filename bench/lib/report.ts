import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { root } from './processes.ts';
import { ratio, round } from './stats.ts';

/** One line of a benchmark's table: Totem's figure beside the reference's, measured in the same run. */
export type Row = { metric: string; unit: string; totem: number; reference: number | null; ratio: number | null };

/** A target from the issue, checked against this run's figure. */
export type Target = { label: string; value: number; limit: number; unit: string; met: boolean };

export type BenchResult = {
  name: string;
  title: string;
  /** What Totem is compared with. */
  reference: string;
  rows: Row[];
  targets: Target[];
  /** Everything measured, for the JSON file. */
  details: Record<string, unknown>;
};

export function row(metric: string, unit: string, totem: number, reference: number | null): Row {
  return {
    metric,
    unit,
    totem: round(totem),
    reference: reference === null ? null : round(reference),
    ratio: ratio(totem, reference ?? 0),
  };
}

export function target(label: string, value: number, limit: number, unit: string): Target {
  return { label, value: round(value), limit, unit, met: value < limit };
}

/** Whole numbers from 100 up, two significant decimals below. */
const fmt = (n: number | null, digits = Math.abs(n ?? 0) >= 100 ? 0 : Math.abs(n ?? 0) >= 10 ? 1 : 2) =>
  n === null ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: digits });

export function printResult(r: BenchResult): void {
  const header = ['Metric', 'Unit', 'Totem', 'Reference', 'Totem/ref'];
  const lines = r.rows.map((x) => [x.metric, x.unit, fmt(x.totem), fmt(x.reference), x.ratio === null ? '—' : `${fmt(x.ratio, 2)}×`]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${r.title}`);
  console.log(`Reference: ${r.reference}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(line(l));
  for (const t of r.targets) {
    console.log(`Target: ${t.label} < ${fmt(t.limit)} ${t.unit}: ${fmt(t.value)} ${t.unit} → ${t.met ? 'MET' : 'NOT MET'}`);
  }
}

function commit(): string | null {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Writes `bench/results/<name>.json` and returns its path. */
export function writeResult(r: BenchResult): string {
  const dir = `${root}bench/results`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/${r.name}.json`;
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGiB: round(totalmem() / 2 ** 30),
    node: process.version,
  };
  writeFileSync(file, `${JSON.stringify({ ...r, measuredAt: new Date().toISOString(), commit: commit(), machine }, null, 2)}\n`);
  return file;
}
