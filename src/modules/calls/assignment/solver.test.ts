import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForce, hasImprovingCycle, violation } from './assignment-oracles.ts';
import { solveAssignment, type TAssignmentProblem } from './solver.ts';

type Pair = readonly [number, number];

/** Random problems of at most 12 pairs (4,096 subsets), with exclusions, pins and tight loads. */
const smallProblem = fc
  .record({ n: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 4 }) })
  .filter(({ n, m }) => n * m <= 12)
  .chain(({ n, m }) => {
    const pair = fc.tuple(fc.nat(n - 1), fc.nat(m - 1));
    const load = fc.tuple(fc.nat(2), fc.nat(2)).map(([lo, extra]) => [lo, lo + extra] as const);
    return fc.record({
      reviewsWanted: fc.array(fc.nat(Math.min(m, 3)), { minLength: n, maxLength: n }),
      loads: fc.array(load, { minLength: m, maxLength: m }),
      excluded: fc.array(pair, { maxLength: 3 }),
      pinned: fc.array(pair, { maxLength: 2 }),
      table: fc.array(fc.oneof(fc.nat(3), fc.nat(100)), { minLength: n * m, maxLength: n * m }),
    });
  })
  .map(
    (x): TAssignmentProblem => ({
      reviewsWanted: x.reviewsWanted,
      minLoad: x.loads.map(([lo]) => lo),
      maxLoad: x.loads.map(([, hi]) => hi),
      excluded: x.excluded,
      pinned: x.pinned,
      affinity: (a, v) => x.table[a * x.loads.length + v] ?? 0,
    }),
  );

describe('solveAssignment against exhaustive search', () => {
  it('finds an assignment exactly when one exists, with the best total affinity', () => {
    fc.assert(
      fc.property(smallProblem, (p) => {
        const best = bruteForce(p);
        const result = solveAssignment(p);
        expect(result.feasible).toBe(best !== null);
        if (result.feasible) expect(result.objective).toBe(best);
        expect(violation(p, result)).toBeNull();
      }),
      { numRuns: 400, seed: 20261124 },
    );
  });
});

/** n applications × m reviewers with the same affinity everywhere unless a table says otherwise. */
function problem(
  over: Partial<TAssignmentProblem> & Pick<TAssignmentProblem, 'reviewsWanted' | 'minLoad' | 'maxLoad'>,
): TAssignmentProblem {
  return { excluded: [], pinned: [], affinity: () => 1, ...over };
}

describe('solveAssignment infeasibility reasons', () => {
  it('names a pinned pair that is also excluded', () => {
    const p = problem({
      reviewsWanted: [1, 1],
      minLoad: [0, 0],
      maxLoad: [2, 2],
      excluded: [[1, 0]],
      pinned: [
        [0, 1],
        [1, 0],
      ],
    });
    expect(solveAssignment(p)).toEqual({ feasible: false, reason: { code: 'pinned_excluded', application: 1, reviewer: 0 } });
  });

  it('names a reviewer pinned beyond its maximum load', () => {
    const p = problem({
      reviewsWanted: [1, 1, 1],
      minLoad: [0, 0],
      maxLoad: [3, 1],
      pinned: [
        [0, 1],
        [2, 1],
      ],
    });
    expect(solveAssignment(p)).toEqual({ feasible: false, reason: { code: 'pinned_over_capacity', reviewer: 1 } });
  });

  it('names an application with fewer eligible reviewers than reviews wanted', () => {
    // Reviewer 2 has no capacity and reviewer 0 is in conflict with application 1.
    const p = problem({ reviewsWanted: [2, 2], minLoad: [0, 0, 0], maxLoad: [2, 2, 0], excluded: [[1, 0]] });
    expect(solveAssignment(p)).toEqual({
      feasible: false,
      reason: { code: 'not_enough_reviewers', application: 1, eligible: 1, wanted: 2 },
    });
  });

  it('names a total capacity below the reviews wanted', () => {
    const p = problem({ reviewsWanted: [2, 2, 2], minLoad: [0, 0, 0], maxLoad: [2, 2, 1] });
    expect(solveAssignment(p)).toEqual({ feasible: false, reason: { code: 'capacity_too_low', wanted: 6, capacity: 5 } });
  });

  it('names minimum loads (pins included) above the reviews wanted', () => {
    // Reviewer 1's minimum is 1 but it is pinned twice, so reviewers hold at least 1 + 2 + 2 reviews.
    const p = problem({
      reviewsWanted: [2, 2],
      minLoad: [1, 1, 2],
      maxLoad: [2, 2, 2],
      pinned: [
        [0, 1],
        [1, 1],
      ],
    });
    expect(solveAssignment(p)).toEqual({ feasible: false, reason: { code: 'minimum_loads_too_high', wanted: 4, minimum: 5 } });
  });

  it('says no assignment exists when only the combination of constraints rules it out', () => {
    // Totals fit, but reviewer 1 must review 2 applications and is in conflict with one of the two.
    const p = problem({ reviewsWanted: [1, 1], minLoad: [0, 2], maxLoad: [2, 2], excluded: [[0, 1]] });
    expect(solveAssignment(p)).toEqual({ feasible: false, reason: { code: 'no_feasible_assignment' } });
  });

  it('refuses more pinned reviewers than an application wants', () => {
    const p = problem({
      reviewsWanted: [1],
      minLoad: [0, 0],
      maxLoad: [1, 1],
      pinned: [
        [0, 0],
        [0, 1],
      ],
    });
    expect(solveAssignment(p)).toEqual({ feasible: false, reason: { code: 'no_feasible_assignment' } });
  });

  it('throws on malformed input rather than guessing', () => {
    const base = { reviewsWanted: [1], minLoad: [0], maxLoad: [1] };
    expect(() => solveAssignment(problem({ ...base, minLoad: [2] }))).toThrow(RangeError);
    expect(() => solveAssignment(problem({ ...base, maxLoad: [1, 1] }))).toThrow(RangeError);
    expect(() => solveAssignment(problem({ ...base, reviewsWanted: [1.5] }))).toThrow(RangeError);
    expect(() => solveAssignment(problem({ ...base, excluded: [[0, 1]] }))).toThrow(RangeError);
    expect(() => solveAssignment(problem({ ...base, affinity: () => 101 }))).toThrow(RangeError);
    expect(() => solveAssignment(problem({ ...base, affinity: () => 0.5 }))).toThrow(RangeError);
  });
});

/** A seeded call: 60 applications, 12 reviewers, 12 themes, affinity = themes in common. */
function seededCall(seed: number): TAssignmentProblem {
  let state = seed;
  const next = (bound: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % bound;
  };
  const themes = (count: number) => Array.from({ length: count }, () => 1 << next(12)).reduce((s, b) => s | b, 0);
  const apps = Array.from({ length: 60 }, () => themes(1 + next(3)));
  const reviewers = Array.from({ length: 12 }, () => themes(2 + next(4)));
  const common = (x: number) => x.toString(2).replaceAll('0', '').length;
  const excluded: Pair[] = [];
  for (let a = 0; a < 60; a++) for (let v = 0; v < 12; v++) if (next(50) === 0) excluded.push([a, v]);
  const pinned = (
    [
      [0, 3],
      [5, 3],
      [7, 0],
      [59, 11],
    ] as Pair[]
  ).filter(([a, v]) => !excluded.some(([x, y]) => x === a && y === v));
  return {
    reviewsWanted: apps.map((_, a) => (a % 10 === 0 ? 2 : 3)),
    minLoad: reviewers.map(() => 12),
    maxLoad: reviewers.map((_, v) => (v < 6 ? 16 : 18)),
    excluded,
    pinned,
    affinity: (a, v) => common((apps[a] as number) & (reviewers[v] as number)),
  };
}

describe('solveAssignment on a realistic call', () => {
  it('honours pins, exclusions, loads and k per application, and is deterministic', () => {
    for (const seed of [1, 2, 3]) {
      const p = seededCall(seed);
      const first = solveAssignment(p);
      expect(first.feasible).toBe(true);
      expect(violation(p, first)).toBeNull();
      expect(solveAssignment(p)).toEqual(first);
    }
  });

  it('keeps a pinned pair even when a better reviewer is free, and never uses an excluded one', () => {
    const table = [
      [0, 9, 5],
      [9, 0, 5],
    ];
    const p = problem({
      reviewsWanted: [1, 1],
      minLoad: [0, 0, 0],
      maxLoad: [1, 1, 1],
      excluded: [[1, 0]],
      pinned: [[0, 0]],
      affinity: (a, v) => table[a]?.[v] ?? 0,
    });
    expect(solveAssignment(p)).toEqual({
      feasible: true,
      pairs: [
        [0, 0],
        [1, 2],
      ],
      objective: 5,
    });
  });

  it('accepts loads far above the number of applications', () => {
    const p = problem({ reviewsWanted: [1, 1], minLoad: [0, 0], maxLoad: [1e12, 2 ** 40], affinity: (a, v) => a + v });
    expect(solveAssignment(p)).toEqual({
      feasible: true,
      pairs: [
        [0, 1],
        [1, 1],
      ],
      objective: 3,
    });
    // Reviewer 0 can review both applications at most, never the 3 of its minimum.
    const unreachable = problem({ reviewsWanted: [2, 2], minLoad: [3, 0], maxLoad: [1e12, 2] });
    expect(solveAssignment(unreachable)).toEqual({ feasible: false, reason: { code: 'no_feasible_assignment' } });
  });

  it('spreads reviews to meet minimum loads even at a loss of affinity', () => {
    const p = problem({ reviewsWanted: [1, 1, 1], minLoad: [0, 1], maxLoad: [3, 3], affinity: (_, v) => (v === 0 ? 10 : 0) });
    const r = solveAssignment(p);
    expect(r).toMatchObject({ feasible: true, objective: 20 });
    expect(violation(p, r)).toBeNull();
  });
});

/** Random calls of up to 30 applications × 8 reviewers, with loads that usually leave room. */
const mediumCall = fc
  .record({ n: fc.integer({ min: 5, max: 30 }), m: fc.integer({ min: 3, max: 8 }), k: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, m, k }) => {
    const mean = Math.ceil((n * k) / m);
    return fc.record({
      n: fc.constant(n),
      m: fc.constant(m),
      k: fc.constant(k),
      minLoad: fc.array(fc.integer({ min: 0, max: Math.max(0, mean - 1) }), { minLength: m, maxLength: m }),
      extra: fc.array(fc.integer({ min: 1, max: mean }), { minLength: m, maxLength: m }),
      excluded: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(m - 1)), { maxLength: n }),
      pinned: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(m - 1)), { maxLength: 3 }),
      table: fc.array(fc.oneof(fc.nat(3), fc.nat(100)), { minLength: n * m, maxLength: n * m }),
    });
  })
  .map(
    (x): TAssignmentProblem => ({
      reviewsWanted: new Array<number>(x.n).fill(x.k),
      minLoad: x.minLoad,
      maxLoad: x.minLoad.map((lo, v) => lo + (x.extra[v] ?? 1)),
      excluded: x.excluded,
      pinned: x.pinned,
      affinity: (a, v) => x.table[a * x.m + v] ?? 0,
    }),
  );

describe('solveAssignment on calls too large for exhaustive search', () => {
  it('leaves no cycle of swaps that would raise the total affinity', () => {
    let feasible = 0;
    fc.assert(
      fc.property(mediumCall, (p) => {
        const result = solveAssignment(p);
        if (result.feasible) feasible++;
        expect(violation(p, result)).toBeNull();
        expect(hasImprovingCycle(p, result)).toBe(false);
      }),
      { numRuns: 300, seed: 424242 },
    );
    // The generator must mostly produce solvable calls, or this test would check little.
    expect(feasible).toBeGreaterThan(150);
  });
});
