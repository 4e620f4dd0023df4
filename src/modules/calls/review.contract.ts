/** Conflicts of interest, assignment, reviews, ranking and reminders. */
import { z } from 'zod';
import { ZTerritorySlug, ZText } from '../../platform/http/contract.ts';
import { ZAnswers } from './applications.contract.ts';
import { conflictKinds, pairRules, recommendations, reviewStatuses } from './calls.values.ts';
import { ZRubric } from './forms.ts';

export const ZReviewParams = z.strictObject({ slug: ZTerritorySlug, reviewId: z.uuid() });
export const ZPairParams = z.strictObject({ slug: ZTerritorySlug, stageId: z.uuid(), applicationId: z.uuid(), reviewerId: z.uuid() });

export const ZDeclarationRequest = z.discriminatedUnion('conflict', [
  z.strictObject({ conflict: z.literal(false) }),
  z.strictObject({ conflict: z.literal(true), kind: z.enum(conflictKinds), comment: ZText(2000).default('') }),
]);
export type TDeclarationRequest = z.output<typeof ZDeclarationRequest>;
export const ZDeclaration = z.object({
  applicationId: z.uuid(),
  conflict: z.boolean(),
  kind: z.enum(conflictKinds).nullable(),
  comment: z.string().nullable(),
});

export const ZPairRuleRequest = z.strictObject({ applicationId: z.uuid(), reviewerId: z.uuid(), rule: z.enum(pairRules) });
export const ZPairRule = z.object({
  applicationId: z.uuid(),
  reviewerId: z.uuid(),
  rule: z.enum(pairRules),
  organizationName: z.string(),
  reviewerName: z.string(),
});
export const ZPairRuleList = z.object({ items: z.array(ZPairRule) });

export const ZAssignment = z.object({
  reviewId: z.uuid(),
  applicationId: z.uuid(),
  organizationName: z.string(),
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  status: z.enum(reviewStatuses),
  /** Themes the application and the reviewer's expertise have in common. */
  affinity: z.number().int(),
});
export const ZAssignmentList = z.object({ items: z.array(ZAssignment), objective: z.number().int() });

export const ZSaveReviewRequest = z.strictObject({
  scores: z.record(z.string().max(40), z.number().int()).default({}),
  comment: ZText(5000).nullable().default(null),
  recommendation: z.enum(recommendations).nullable().default(null),
});
export type TSaveReviewRequest = z.output<typeof ZSaveReviewRequest>;

export const ZReview = z.object({
  id: z.uuid(),
  stage: z.object({ id: z.uuid(), nameFr: z.string(), nameEn: z.string(), rubric: ZRubric }),
  application: z.object({ id: z.uuid(), organizationName: z.string(), callTitleFr: z.string(), callTitleEn: z.string() }),
  /** `summary` until the reviewer declares no conflict; then `full`, with the answers. */
  access: z.enum(['summary', 'full']),
  revision: z.number().int(),
  /** Questions changed by the latest revision (empty for the first). */
  changed: z.array(z.string()),
  answers: ZAnswers.nullable(),
  status: z.enum(reviewStatuses),
  scores: z.record(z.string(), z.number()),
  comment: z.string().nullable(),
  recommendation: z.enum(recommendations).nullable(),
  submittedAt: z.iso.datetime().nullable(),
});
export type TReview = z.output<typeof ZReview>;
export const ZReviewQueue = z.object({ items: z.array(ZReview) });

export const ZRankingRow = z.object({
  applicationId: z.uuid(),
  organizationName: z.string(),
  revision: z.number().int(),
  /** Mean over submitted reviews of each review's weighted mean of criteria; null without any. */
  score: z.number().nullable(),
  standardDeviation: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  submitted: z.number().int(),
  missing: z.number().int(),
  recommendations: z.object({ yes: z.number().int(), maybe: z.number().int(), no: z.number().int() }),
});
export const ZRanking = z.object({ items: z.array(ZRankingRow) });
export const ZReminderResult = z.object({ reminded: z.array(z.uuid()), skipped: z.array(z.uuid()) });
