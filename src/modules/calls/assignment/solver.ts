/**
 * Exact assignment of reviewers to applications as a minimum-cost flow:
 * source → application (k reviews) → reviewer (one arc per allowed pair, cost maxAffinity − affinity)
 * → sink. A reviewer's minimum load is a lower bound on its arc to the sink, removed by the standard
 * transformation: the first `minLoad` units go straight to a super sink, the next `maxLoad − minLoad`
 * through the old sink, whose arc to the super sink carries the rest; every arc into the super sink
 * must be full, so a maximum flow of Σk exists exactly when an assignment does, and the cheapest one
 * has the highest total affinity (every unit crosses exactly one application → reviewer arc, so
 * shifting all their costs by the same constant changes nothing but keeps them non-negative).
 */
import { diagnose, type Prepared, prepare } from './constraints.ts';
import { createFlowNetwork } from './min-cost-flow.ts';

/** One assignment problem; applications and reviewers are referred to by index. */
export type TAssignmentProblem = {
  /** Reviews wanted for each application (k); its length is the number of applications. */
  reviewsWanted: number[];
  /** Minimum and maximum number of reviews for each reviewer; equal lengths = number of reviewers. */
  minLoad: number[];
  maxLoad: number[];
  /** Pairs that must not be assigned: conflicts of interest, pairs forbidden by staff. */
  excluded: ReadonlyArray<readonly [application: number, reviewer: number]>;
  /** Pairs that must be assigned (pinned by staff); a pinned pair that is also excluded is an error. */
  pinned: ReadonlyArray<readonly [application: number, reviewer: number]>;
  /** How well a reviewer suits an application, higher is better (e.g. themes in common); integer 0..100. */
  affinity: (application: number, reviewer: number) => number;
};
export type TAssignmentResult =
  | { feasible: true; pairs: Array<[application: number, reviewer: number]>; objective: number }
  | { feasible: false; reason: TInfeasibility };
/** Why no assignment exists, precise enough to show staff what to change. */
export type TInfeasibility =
  | { code: 'pinned_excluded'; application: number; reviewer: number }
  | { code: 'not_enough_reviewers'; application: number; eligible: number; wanted: number }
  | { code: 'capacity_too_low'; wanted: number; capacity: number }
  | { code: 'minimum_loads_too_high'; wanted: number; minimum: number }
  | { code: 'pinned_over_capacity'; reviewer: number }
  | { code: 'no_feasible_assignment' };

export { MAX_AFFINITY } from './constraints.ts';

/**
 * Maximises the total affinity of the pairs subject to all constraints (objective = that total).
 * Deterministic: the same problem gives the same pairs, sorted by application then reviewer.
 * Malformed input (indices out of range, negative or fractional counts, minLoad > maxLoad, an affinity
 * outside 0..100) throws a RangeError; a well-formed problem without solution returns the reason.
 */
export function solveAssignment(problem: TAssignmentProblem): TAssignmentResult {
  const prepared = prepare(problem);
  const reason = diagnose(problem, prepared);
  if (reason) return { feasible: false, reason };
  const free = solveFree(problem, prepared);
  if (!free) return { feasible: false, reason: { code: 'no_feasible_assignment' } };
  const pairs: Array<[number, number]> = [...prepared.pinnedPairs, ...free];
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let objective = 0;
  for (const [a, r] of pairs) objective += prepared.affinities[a * problem.minLoad.length + r] as number;
  return { feasible: true, pairs, objective };
}

/** The pairs chosen beyond the pinned ones, or null when demands and loads cannot all be met. */
function solveFree(problem: TAssignmentProblem, p: Prepared): Array<[number, number]> | null {
  const n = problem.reviewsWanted.length;
  const m = problem.minLoad.length;
  const { wanted, low, high, blocked, affinities, maxAffinity } = p;
  // Nodes: applications 0..n-1, reviewers n..n+m-1, then source, sink, super sink.
  const source = n + m;
  const sink = source + 1;
  const superSink = source + 2;
  const net = createFlowNetwork(n + m + 3, n * m + n + 2 * m + 1);
  let demand = 0;
  let lowTotal = 0;
  for (let a = 0; a < n; a++) {
    const k = wanted[a] as number;
    if (k > 0) net.addArc(source, a, k, 0);
    demand += k;
  }
  const pairArcs = new Int32Array(n * m).fill(-1);
  for (let a = 0; a < n; a++) {
    if ((wanted[a] as number) === 0) continue;
    for (let r = 0; r < m; r++) {
      const i = a * m + r;
      if (blocked[i] || (high[r] as number) === 0) continue;
      pairArcs[i] = net.addArc(a, n + r, 1, maxAffinity - (affinities[i] as number));
    }
  }
  for (let r = 0; r < m; r++) {
    const lo = low[r] as number;
    if (lo > 0) net.addArc(n + r, superSink, lo, 0);
    if ((high[r] as number) > lo) net.addArc(n + r, sink, (high[r] as number) - lo, 0);
    lowTotal += lo;
  }
  if (demand > lowTotal) net.addArc(sink, superSink, demand - lowTotal, 0);
  if (net.solve(source, superSink) < demand) return null;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < n * m; i++) {
    const arc = pairArcs[i] as number;
    if (arc >= 0 && net.flow(arc) > 0) pairs.push([Math.floor(i / m), i % m]);
  }
  return pairs;
}
