/**
 * Reviewer assignment — replaced by the min-cost-flow solver.
 *
 * This version answers the same contract exactly for small inputs: after the necessary checks it
 * searches every assignment by depth-first search with bounds, keeping the one of greatest total
 * affinity. Its cost grows exponentially; it serves until the exact solver is merged.
 */
export type TAssignmentProblem = {
  reviewsWanted: number[];
  minLoad: number[];
  maxLoad: number[];
  excluded: ReadonlyArray<readonly [application: number, reviewer: number]>;
  pinned: ReadonlyArray<readonly [application: number, reviewer: number]>;
  affinity: (application: number, reviewer: number) => number;
};
export type TAssignmentResult =
  | { feasible: true; pairs: Array<[application: number, reviewer: number]>; objective: number }
  | { feasible: false; reason: TInfeasibility };
export type TInfeasibility =
  | { code: 'pinned_excluded'; application: number; reviewer: number }
  | { code: 'not_enough_reviewers'; application: number; eligible: number; wanted: number }
  | { code: 'capacity_too_low'; wanted: number; capacity: number }
  | { code: 'minimum_loads_too_high'; wanted: number; minimum: number }
  | { code: 'pinned_over_capacity'; reviewer: number }
  | { code: 'no_feasible_assignment' };

type Search = {
  p: TAssignmentProblem;
  allowed: boolean[][];
  chosen: boolean[][];
  load: number[];
  best: { objective: number; pairs: Array<[number, number]> } | null;
};

function precheck(p: TAssignmentProblem, allowed: boolean[][]): TInfeasibility | null {
  const reviewers = p.maxLoad.length;
  const excluded = new Set(p.excluded.map(([a, r]) => `${a}:${r}`));
  for (const [a, r] of p.pinned) if (excluded.has(`${a}:${r}`)) return { code: 'pinned_excluded', application: a, reviewer: r };
  const pinnedLoad = new Array<number>(reviewers).fill(0);
  // A pair pinned twice is one pin.
  for (const key of new Set(p.pinned.map(([a, r]) => `${a}:${r}`))) {
    const r = Number(key.split(':')[1]);
    pinnedLoad[r] = (pinnedLoad[r] ?? 0) + 1;
  }
  for (let r = 0; r < reviewers; r++) if ((pinnedLoad[r] ?? 0) > (p.maxLoad[r] ?? 0)) return { code: 'pinned_over_capacity', reviewer: r };
  for (let a = 0; a < p.reviewsWanted.length; a++) {
    const eligible = allowed[a]?.filter(Boolean).length ?? 0;
    const wanted = p.reviewsWanted[a] ?? 0;
    if (eligible < wanted) return { code: 'not_enough_reviewers', application: a, eligible, wanted };
  }
  const wanted = p.reviewsWanted.reduce((s, k) => s + k, 0);
  const capacity = p.maxLoad.reduce((s, m) => s + m, 0);
  if (capacity < wanted) return { code: 'capacity_too_low', wanted, capacity };
  const minimum = p.minLoad.reduce((s, m) => s + m, 0);
  if (minimum > wanted) return { code: 'minimum_loads_too_high', wanted, minimum };
  return null;
}

/** Fills application `a`'s remaining places with reviewers from index `from`, then moves on. */
function search(s: Search, a: number, from: number, need: number, objective: number): void {
  const { p } = s;
  if (a === p.reviewsWanted.length) {
    if (p.minLoad.some((m, r) => (s.load[r] ?? 0) < m)) return;
    if (s.best && s.best.objective >= objective) return;
    const pairs: Array<[number, number]> = [];
    for (const [i, row] of s.chosen.entries()) for (const [r, c] of row.entries()) if (c) pairs.push([i, r]);
    s.best = { objective, pairs };
    return;
  }
  if (need === 0) {
    const next = a + 1;
    const pinned = s.chosen[next]?.filter(Boolean).length ?? 0;
    search(s, next, 0, Math.max(0, (p.reviewsWanted[next] ?? 0) - pinned), objective);
    return;
  }
  const reviewers = p.maxLoad.length;
  for (let r = from; r <= reviewers - need; r++) {
    const row = s.chosen[a] as boolean[];
    if (!s.allowed[a]?.[r] || row[r] || (s.load[r] ?? 0) >= (p.maxLoad[r] ?? 0)) continue;
    row[r] = true;
    s.load[r] = (s.load[r] ?? 0) + 1;
    search(s, a, r + 1, need - 1, objective + p.affinity(a, r));
    row[r] = false;
    s.load[r] = (s.load[r] ?? 0) - 1;
  }
}

/** Assigns `reviewsWanted[a]` distinct reviewers to each application, maximising total affinity. */
export function solveAssignment(problem: TAssignmentProblem): TAssignmentResult {
  const apps = problem.reviewsWanted.length;
  const reviewers = problem.maxLoad.length;
  const excluded = new Set(problem.excluded.map(([a, r]) => `${a}:${r}`));
  const allowed = Array.from({ length: apps }, (_, a) => Array.from({ length: reviewers }, (_, r) => !excluded.has(`${a}:${r}`)));
  const reason = precheck(problem, allowed);
  if (reason) return { feasible: false, reason };
  const chosen = Array.from({ length: apps }, () => new Array<boolean>(reviewers).fill(false));
  const load = new Array<number>(reviewers).fill(0);
  let objective = 0;
  for (const [a, r] of problem.pinned) {
    const row = chosen[a];
    if (!row || row[r]) continue;
    row[r] = true;
    load[r] = (load[r] ?? 0) + 1;
    objective += problem.affinity(a, r);
  }
  if (problem.pinned.some(([a]) => (chosen[a]?.filter(Boolean).length ?? 0) > (problem.reviewsWanted[a] ?? 0)))
    return { feasible: false, reason: { code: 'no_feasible_assignment' } };
  const s: Search = { p: problem, allowed, chosen, load, best: null };
  if (apps === 0) return { feasible: true, pairs: [], objective: 0 };
  const pinned0 = chosen[0]?.filter(Boolean).length ?? 0;
  search(s, 0, 0, Math.max(0, (problem.reviewsWanted[0] ?? 0) - pinned0), objective);
  if (!s.best) return { feasible: false, reason: { code: 'no_feasible_assignment' } };
  return { feasible: true, pairs: s.best.pairs, objective: s.best.objective };
}
