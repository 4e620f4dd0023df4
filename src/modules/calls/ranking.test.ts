import { describe, expect, it } from 'vitest';
import { spread, weightedMean } from './ranking.ts';

const criterion = (id: string, weight: number, min: number, max: number) => ({ id, labelFr: id, labelEn: id, weight, min, max });

describe('a review’s mark', () => {
  it('is the weighted mean of the scores when every criterion has the same scale', () => {
    const rubric = { criteria: [criterion('innovation', 2, 0, 5), criterion('team', 1, 0, 5)] };
    expect(weightedMean(rubric, { innovation: 4, team: 1 })).toBeCloseTo(3);
    expect(weightedMean({ criteria: [criterion('fit', 1, 1, 4)] }, { fit: 3 })).toBeCloseTo(3);
  });

  it('weighs criteria of different scales by their place on their own scale, read on the widest scale', () => {
    const rubric = { criteria: [criterion('five', 1, 0, 5), criterion('ten', 1, 0, 10)] };
    // 5/5 and 0/10: half of the way on each, so 5 on 0–10 (the raw mean would say 2.5).
    expect(weightedMean(rubric, { five: 5, ten: 0 })).toBeCloseTo(5);
    expect(weightedMean(rubric, { five: 5, ten: 10 })).toBeCloseTo(10);
    expect(weightedMean(rubric, { five: 0, ten: 10 })).toBeCloseTo(5);
  });

  it('has no mark without criteria, and spreads reviewers’ marks', () => {
    expect(weightedMean({ criteria: [] }, {})).toBeNull();
    expect(spread([2, 4])).toEqual({ score: 3, standardDeviation: 1, min: 2, max: 4 });
    expect(spread([])).toEqual({ score: null, standardDeviation: null, min: null, max: null });
  });
});
