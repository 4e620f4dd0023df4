/** Review stages, their rubric and panel, and reviewers' expertise. */
import { z } from 'zod';
import { ZRequiredText, ZTerritorySlug } from '../../platform/http/contract.ts';
import { ZRubric } from './forms.ts';

const ZEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const ZStageParams = z.strictObject({ slug: ZTerritorySlug, stageId: z.uuid() });
export const ZPanelMemberParams = z.strictObject({ slug: ZTerritorySlug, stageId: z.uuid(), userId: z.uuid() });
export const ZReviewerParams = z.strictObject({ slug: ZTerritorySlug, userId: z.uuid() });

const loads = {
  reviewsWanted: z.number().int().min(0).max(20),
  minLoad: z.number().int().min(0).max(500),
  maxLoad: z.number().int().min(0).max(500),
};
const loadsInOrder = (s: { minLoad?: number | undefined; maxLoad?: number | undefined }) =>
  s.minLoad === undefined || s.maxLoad === undefined || s.minLoad <= s.maxLoad;

export const ZCreateStageRequest = z
  .strictObject({
    nameFr: ZRequiredText(120),
    nameEn: ZRequiredText(120),
    rubric: ZRubric,
    ...loads,
    /** Where the stage goes (1 = first); the stages from there move one place down. Default: last. */
    position: z.number().int().min(1).max(50).optional(),
  })
  .refine(loadsInOrder, { message: 'minLoad may not exceed maxLoad', path: ['maxLoad'] });
export type TCreateStageRequest = z.output<typeof ZCreateStageRequest>;
export const ZUpdateStageRequest = z
  .strictObject({
    nameFr: ZRequiredText(120).optional(),
    nameEn: ZRequiredText(120).optional(),
    rubric: ZRubric.optional(),
    reviewsWanted: loads.reviewsWanted.optional(),
    minLoad: loads.minLoad.optional(),
    maxLoad: loads.maxLoad.optional(),
  })
  .refine(loadsInOrder, { message: 'minLoad may not exceed maxLoad', path: ['maxLoad'] });
export type TUpdateStageRequest = z.output<typeof ZUpdateStageRequest>;

/** A panel member: an account holding the reviewer role, or an e-mail address to invite (admins only). */
export const ZAddPanelMemberRequest = z.union([
  z.strictObject({ userId: z.uuid() }),
  z.strictObject({ email: ZEmail, displayName: z.string().trim().min(1).max(120).optional() }),
]);
export type TAddPanelMemberRequest = z.output<typeof ZAddPanelMemberRequest>;
export const ZAdvanceRequest = z.strictObject({ applicationIds: z.array(z.uuid()).min(1).max(500) });
export const ZReviewerProfileRequest = z.strictObject({ themes: z.array(z.string().min(1).max(60)).max(50) });

export const ZReviewer = z.object({ userId: z.uuid(), email: z.string(), displayName: z.string(), themes: z.array(z.string()) });
export const ZReviewerList = z.object({ items: z.array(ZReviewer) });
export const ZStage = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  position: z.number().int(),
  nameFr: z.string(),
  nameEn: z.string(),
  rubric: ZRubric,
  reviewsWanted: z.number().int(),
  minLoad: z.number().int(),
  maxLoad: z.number().int(),
  panel: z.array(ZReviewer),
  applicationCount: z.number().int(),
});
export type TStage = z.output<typeof ZStage>;
export const ZStageList = z.object({ items: z.array(ZStage) });
export const ZAdvanceResult = z.object({ moved: z.number().int() });
