/**
 * Test oracles for the assignment solver, written independently of it: a constraint check, an
 * exhaustive search for tiny problems and an optimality certificate for larger ones.
 */
import type { TAssignmentProblem, TAssignmentResult } from './solver.ts';

type Pair = readonly [number, number];

/** Every constraint of the problem, checked on a feasible result; returns the first broken one. */
export function violation(p: TAssignmentProblem, r: TAssignmentResult): string | null {
  if (!r.feasible) return null;
  const key = ([a, v]: Pair) => `${a}:${v}`;
  const chosen = new Set(r.pairs.map(key));
  if (chosen.size !== r.pairs.length) return 'a pair is assigned twice';
  for (const pair of p.excluded) if (chosen.has(key(pair))) return `excluded pair ${key(pair)} assigned`;
  for (const pair of p.pinned) if (!chosen.has(key(pair))) return `pinned pair ${key(pair)} missing`;
  const perApp = p.reviewsWanted.map(() => 0);
  const perReviewer = p.minLoad.map(() => 0);
  for (const [a, v] of r.pairs) {
    perApp[a] = (perApp[a] ?? 0) + 1;
    perReviewer[v] = (perReviewer[v] ?? 0) + 1;
  }
  for (const [a, k] of p.reviewsWanted.entries()) if (perApp[a] !== k) return `application ${a}: ${perApp[a]} reviews, ${k} wanted`;
  for (const [v, load] of perReviewer.entries()) {
    if (load < (p.minLoad[v] ?? 0) || load > (p.maxLoad[v] ?? 0)) return `reviewer ${v}: load ${load} out of bounds`;
  }
  const total = r.pairs.reduce((s, [a, v]) => s + p.affinity(a, v), 0);
  return total === r.objective ? null : `objective ${r.objective} but pairs sum to ${total}`;
}

/** Best total affinity over every subset of pairs (null when none satisfies the constraints). */
export function bruteForce(p: TAssignmentProblem): number | null {
  const n = p.reviewsWanted.length;
  const m = p.minLoad.length;
  const bit = ([a, v]: Pair) => 1 << (a * m + v);
  const excluded = p.excluded.reduce((s, x) => s | bit(x), 0);
  const pinned = p.pinned.reduce((s, x) => s | bit(x), 0);
  let best: number | null = null;
  for (let mask = 0; mask < 1 << (n * m); mask++) {
    if (mask & excluded || (mask & pinned) !== pinned) continue;
    const perApp = new Array<number>(n).fill(0);
    const perReviewer = new Array<number>(m).fill(0);
    let total = 0;
    for (let i = 0; i < n * m; i++) {
      if (!(mask & (1 << i))) continue;
      const a = Math.floor(i / m);
      perApp[a] = (perApp[a] ?? 0) + 1;
      perReviewer[i % m] = (perReviewer[i % m] ?? 0) + 1;
      total += p.affinity(a, i % m);
    }
    const ok =
      perApp.every((c, a) => c === p.reviewsWanted[a]) && perReviewer.every((c, v) => c >= (p.minLoad[v] ?? 0) && c <= (p.maxLoad[v] ?? 0));
    if (ok && (best === null || total > best)) best = total;
  }
  return best;
}

/**
 * Optimality certificate independent of the solver: an assignment is optimal exactly when its
 * residual graph (swap a reviewer in or out of an application, move a unit of load between reviewers
 * within their bounds) has no cycle that gains affinity. Bellman-Ford finds one if it exists.
 */
export function hasImprovingCycle(p: TAssignmentProblem, r: TAssignmentResult): boolean {
  if (!r.feasible) return false;
  const n = p.reviewsWanted.length;
  const m = p.minLoad.length;
  const t = n + m; // the sink: reviewers' loads flow through it
  const chosen = new Set(r.pairs.map(([a, v]) => a * m + v));
  const locked = new Set([...p.excluded, ...p.pinned].map(([a, v]) => a * m + v));
  const load = p.minLoad.map(() => 0);
  for (const [, v] of r.pairs) load[v] = (load[v] ?? 0) + 1;
  const arcs: Array<[number, number, number]> = [];
  for (let a = 0; a < n; a++) {
    for (let v = 0; v < m; v++) {
      if (locked.has(a * m + v)) continue;
      const gain = p.affinity(a, v);
      arcs.push(chosen.has(a * m + v) ? [n + v, a, gain] : [a, n + v, -gain]);
    }
  }
  for (let v = 0; v < m; v++) {
    if ((load[v] ?? 0) < (p.maxLoad[v] ?? 0)) arcs.push([n + v, t, 0]);
    if ((load[v] ?? 0) > (p.minLoad[v] ?? 0)) arcs.push([t, n + v, 0]);
  }
  const dist = new Array<number>(t + 1).fill(0);
  for (let round = 0; round <= t + 1; round++) {
    let changed = false;
    for (const [u, w, cost] of arcs) {
      if ((dist[u] ?? 0) + cost < (dist[w] ?? 0)) {
        dist[w] = (dist[u] ?? 0) + cost;
        changed = true;
      }
    }
    if (!changed) return false;
  }
  return true;
}
