/**
 * Input checks, pinned pairs and the infeasibility reasons that can be named before solving.
 * Pinned pairs are fixed first: they leave the network and reduce the application's demand and the
 * reviewer's bounds, so the flow only decides the free pairs.
 */
import type { TAssignmentProblem, TInfeasibility } from './solver.ts';

/** Highest affinity accepted; an affinity outside 0..MAX_AFFINITY (or not an integer) is a RangeError. */
export const MAX_AFFINITY = 100;

const EXCLUDED = 1;
const PINNED = 2;

export type Prepared = {
  /** EXCLUDED | PINNED flags per pair, at application × reviewers + reviewer. */
  flags: Uint8Array;
  /** Non-zero where the pair cannot be chosen by the flow (excluded or already pinned). */
  blocked: Uint8Array;
  /** Affinity of each pair that is not excluded (0 for excluded ones). */
  affinities: Uint8Array;
  maxAffinity: number;
  pinnedPairs: Array<[number, number]>;
  pinnedPerApplication: Int32Array;
  pinnedPerReviewer: Int32Array;
  /** Reviews still wanted per application once its pinned pairs are counted (may be negative). */
  wanted: Int32Array;
  /** Reviewer bounds once pinned pairs are counted (`high` may be negative). */
  low: Int32Array;
  high: Int32Array;
};

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

function checkShape(p: TAssignmentProblem): void {
  const n = p.reviewsWanted.length;
  const m = p.minLoad.length;
  if (p.maxLoad.length !== m) throw new RangeError('minLoad and maxLoad must have one entry per reviewer');
  if (!p.reviewsWanted.every(isCount)) throw new RangeError('reviewsWanted must hold non-negative integers');
  for (let r = 0; r < m; r++) {
    const lo = p.minLoad[r];
    const hi = p.maxLoad[r];
    if (!isCount(lo) || !isCount(hi) || lo > hi) throw new RangeError(`reviewer ${r}: loads must be integers with 0 ≤ min ≤ max`);
  }
  for (const [a, r] of [...p.excluded, ...p.pinned]) {
    if (!isCount(a) || !isCount(r) || a >= n || r >= m) throw new RangeError(`pair (${a}, ${r}) is out of range`);
  }
}

export function prepare(p: TAssignmentProblem): Prepared {
  checkShape(p);
  const n = p.reviewsWanted.length;
  const m = p.minLoad.length;
  const flags = new Uint8Array(n * m);
  for (const [a, r] of p.excluded) flags[a * m + r] = (flags[a * m + r] as number) | EXCLUDED;
  const pinnedPairs: Array<[number, number]> = [];
  const pinnedPerApplication = new Int32Array(n);
  const pinnedPerReviewer = new Int32Array(m);
  for (const [a, r] of p.pinned) {
    const i = a * m + r;
    if ((flags[i] as number) & PINNED) continue; // pinned twice is still one pair
    flags[i] = (flags[i] as number) | PINNED;
    pinnedPairs.push([a, r]);
    pinnedPerApplication[a] = (pinnedPerApplication[a] as number) + 1;
    pinnedPerReviewer[r] = (pinnedPerReviewer[r] as number) + 1;
  }
  // Clamped to what the pairs allow (k ≤ m and loads ≤ n + 1 decide the same), so that huge inputs
  // cannot overflow the network's 32-bit capacities.
  const wanted = Int32Array.from(p.reviewsWanted, (k, a) => Math.min(k, m + 1) - (pinnedPerApplication[a] as number));
  const low = Int32Array.from(p.minLoad, (lo, r) => Math.max(0, Math.min(lo, n + 1) - (pinnedPerReviewer[r] as number)));
  const high = Int32Array.from(p.maxLoad, (hi, r) => Math.min(hi, n + 1) - (pinnedPerReviewer[r] as number));
  const blocked = flags.map((f) => (f ? 1 : 0));
  const { affinities, maxAffinity } = readAffinities(p, flags, wanted, high);
  return { flags, blocked, affinities, maxAffinity, pinnedPairs, pinnedPerApplication, pinnedPerReviewer, wanted, low, high };
}

/** Calls `affinity` once per pair that is not excluded, checking each value. */
function readAffinities(p: TAssignmentProblem, flags: Uint8Array, wanted: Int32Array, high: Int32Array) {
  const n = p.reviewsWanted.length;
  const m = p.minLoad.length;
  const affinities = new Uint8Array(n * m);
  // The largest affinity among the pairs the flow may choose, so that arc costs start at 0.
  let maxAffinity = 0;
  for (let a = 0; a < n; a++) {
    for (let r = 0; r < m; r++) {
      const f = flags[a * m + r] as number;
      if (f & EXCLUDED) continue;
      const x = p.affinity(a, r);
      if (!Number.isInteger(x) || x < 0 || x > MAX_AFFINITY) {
        throw new RangeError(`affinity(${a}, ${r}) = ${x}: expected an integer 0..${MAX_AFFINITY}`);
      }
      affinities[a * m + r] = x;
      if (f === 0 && x > maxAffinity && (wanted[a] as number) > 0 && (high[r] as number) > 0) maxAffinity = x;
    }
  }
  return { affinities, maxAffinity };
}

/** The first reason, in the order staff would fix them, that rules out any assignment; null if none. */
export function diagnose(p: TAssignmentProblem, prep: Prepared): TInfeasibility | null {
  const n = p.reviewsWanted.length;
  const m = p.minLoad.length;
  for (const [a, r] of prep.pinnedPairs) {
    if ((prep.flags[a * m + r] as number) & EXCLUDED) return { code: 'pinned_excluded', application: a, reviewer: r };
  }
  for (let r = 0; r < m; r++) if ((prep.high[r] as number) < 0) return { code: 'pinned_over_capacity', reviewer: r };
  // More pinned reviewers than reviews wanted has no code of its own: no assignment gives k reviews.
  if (prep.wanted.some((w) => w < 0)) return { code: 'no_feasible_assignment' };
  for (let a = 0; a < n; a++) {
    const wanted = p.reviewsWanted[a] as number;
    if (wanted === 0) continue;
    let eligible = 0;
    for (let r = 0; r < m; r++) {
      if (!((prep.flags[a * m + r] as number) & EXCLUDED) && (p.maxLoad[r] as number) > 0) eligible++;
    }
    if (eligible < wanted) return { code: 'not_enough_reviewers', application: a, eligible, wanted };
  }
  const wanted = p.reviewsWanted.reduce((s, k) => s + k, 0);
  const capacity = p.maxLoad.reduce((s, x) => s + x, 0);
  if (wanted > capacity) return { code: 'capacity_too_low', wanted, capacity };
  let minimum = 0;
  for (let r = 0; r < m; r++) minimum += Math.max(p.minLoad[r] as number, prep.pinnedPerReviewer[r] as number);
  if (minimum > wanted) return { code: 'minimum_loads_too_high', wanted, minimum };
  return null;
}
