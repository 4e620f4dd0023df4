/** Ranking arithmetic: each review's weighted mean of criteria, then the mean and spread across reviewers. */
import type { TRubric } from './forms.ts';

/** Σ weight × score / Σ weight over the rubric's criteria; null if the rubric has none. */
export function weightedMean(rubric: TRubric, scores: Record<string, number>): number | null {
  const total = rubric.criteria.reduce((s, c) => s + c.weight, 0);
  if (!total) return null;
  return rubric.criteria.reduce((s, c) => s + c.weight * (scores[c.id] ?? 0), 0) / total;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Mean, population standard deviation, minimum and maximum of reviewers' marks (nulls without any). */
export function spread(values: number[]) {
  if (!values.length) return { score: null, standardDeviation: null, min: null, max: null };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return {
    score: round(mean),
    standardDeviation: round(Math.sqrt(variance)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
  };
}
