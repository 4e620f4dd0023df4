import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment, type TAssignmentProblem } from './assignment/solver.ts';

/** Every way of giving each application `k` distinct reviewers, enumerated independently of the solver. */
function bestByEnumeration(p: TAssignmentProblem): number | null {
  const reviewers = p.maxLoad.length;
  const excluded = new Set(p.excluded.map(([a, r]) => `${a}:${r}`));
  const pinned = new Set(p.pinned.map(([a, r]) => `${a}:${r}`));
  const subsets = (k: number) => {
    const out: number[][] = [];
    for (let mask = 0; mask < 1 << reviewers; mask++) {
      const set = [...Array(reviewers).keys()].filter((r) => mask & (1 << r));
      if (set.length === k) out.push(set);
    }
    return out;
  };
  let best: number | null = null;
  const walk = (a: number, load: number[], score: number) => {
    if (a === p.reviewsWanted.length) {
      if (load.every((l, r) => l >= (p.minLoad[r] ?? 0)) && (best === null || score > best)) best = score;
      return;
    }
    for (const set of subsets(p.reviewsWanted[a] ?? 0)) {
      if (set.some((r) => excluded.has(`${a}:${r}`))) continue;
      if ([...pinned].some((x) => x.startsWith(`${a}:`) && !set.includes(Number(x.split(':')[1])))) continue;
      const next = load.map((l, r) => l + (set.includes(r) ? 1 : 0));
      if (next.some((l, r) => l > (p.maxLoad[r] ?? 0))) continue;
      walk(a + 1, next, score + set.reduce((s, r) => s + p.affinity(a, r), 0));
    }
  };
  walk(0, new Array(reviewers).fill(0), 0);
  return best;
}

const problems = fc
  .record({ apps: fc.integer({ min: 0, max: 4 }), reviewers: fc.integer({ min: 1, max: 4 }) })
  .chain(({ apps, reviewers }) => {
    const pair = fc.tuple(fc.integer({ min: 0, max: Math.max(0, apps - 1) }), fc.integer({ min: 0, max: reviewers - 1 }));
    return fc.record({
      reviewsWanted: fc.array(fc.integer({ min: 0, max: Math.min(2, reviewers) }), { minLength: apps, maxLength: apps }),
      minLoad: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: reviewers, maxLength: reviewers }),
      maxLoad: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: reviewers, maxLength: reviewers }),
      excluded: apps ? fc.array(pair, { maxLength: 3 }) : fc.constant([]),
      pinned: apps ? fc.array(pair, { maxLength: 2 }) : fc.constant([]),
      table: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 16, maxLength: 16 }),
    });
  })
  .map(({ table, ...p }) => ({ ...p, affinity: (a: number, r: number) => table[a * 4 + r] ?? 0 }) as TAssignmentProblem);

describe('the assignment solver shipped with the calls module', () => {
  it('finds an assignment exactly when one exists, respecting every constraint, with the best total affinity', () => {
    fc.assert(
      fc.property(problems, (p) => {
        const result = solveAssignment(p);
        const best = bestByEnumeration(p);
        if (!result.feasible) return best === null;
        const pairs = new Set(result.pairs.map(([a, r]) => `${a}:${r}`));
        if (pairs.size !== result.pairs.length) return false;
        const wantedOk = p.reviewsWanted.every((k, a) => result.pairs.filter(([x]) => x === a).length === k);
        const loads = p.maxLoad.map((_, r) => result.pairs.filter(([, y]) => y === r).length);
        const loadsOk = loads.every((l, r) => l <= (p.maxLoad[r] ?? 0) && l >= (p.minLoad[r] ?? 0));
        const exclusionsOk = p.excluded.every(([a, r]) => !pairs.has(`${a}:${r}`));
        const pinsOk = p.pinned.every(([a, r]) => pairs.has(`${a}:${r}`));
        const objective = result.pairs.reduce((s, [a, r]) => s + p.affinity(a, r), 0);
        return wantedOk && loadsOk && exclusionsOk && pinsOk && objective === result.objective && objective === best;
      }),
      { numRuns: 500, seed: 20_261_124 },
    );
  });

  it('names the first obstacle it finds', () => {
    const base = { minLoad: [0, 0], maxLoad: [2, 2], excluded: [], pinned: [], affinity: () => 0 };
    expect(solveAssignment({ ...base, reviewsWanted: [3] })).toEqual({
      feasible: false,
      reason: { code: 'not_enough_reviewers', application: 0, eligible: 2, wanted: 3 },
    });
    expect(solveAssignment({ ...base, reviewsWanted: [1], excluded: [[0, 1]], pinned: [[0, 1]] })).toMatchObject({
      reason: { code: 'pinned_excluded', application: 0, reviewer: 1 },
    });
    expect(solveAssignment({ ...base, reviewsWanted: [2, 2, 2] })).toMatchObject({
      reason: { code: 'capacity_too_low', wanted: 6, capacity: 4 },
    });
    expect(solveAssignment({ ...base, minLoad: [2, 2], reviewsWanted: [1] })).toMatchObject({ reason: { code: 'minimum_loads_too_high' } });
  });
});
