/** Ranking arithmetic: each review's weighted mean of criteria, then the mean and spread across reviewers. */
import type { TRubric } from './forms.ts';

/**
 * A review's mark: each criterion's score placed on its own scale (0 at its minimum, 1 at its
 * maximum), averaged with the weights, then read on the rubric's widest scale (its lowest minimum
 * to its highest maximum). With one scale for every criterion this is Σ weight × score / Σ weight;
 * with 0–5 and 0–10 criteria, a 5/5 weighs as much as a 10/10. Null if the rubric has no criteria.
 */
export function weightedMean(rubric: TRubric, scores: Record<string, number>): number | null {
  const total = rubric.criteria.reduce((s, c) => s + c.weight, 0);
  if (!total) return null;
  const low = Math.min(...rubric.criteria.map((c) => c.min));
  const high = Math.max(...rubric.criteria.map((c) => c.max));
  const share = (c: TRubric['criteria'][number]) => (c.max > c.min ? ((scores[c.id] ?? c.min) - c.min) / (c.max - c.min) : 1);
  const mean = rubric.criteria.reduce((s, c) => s + c.weight * share(c), 0) / total;
  return low + mean * (high - low);
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
