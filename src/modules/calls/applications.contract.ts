/** Applications: drafts, submissions, revisions and the applicant's view of screening and decisions. */
import { z } from 'zod';
import { pageFields, pageOf, ZRequiredText, ZTerritorySlug } from '../../platform/http/contract.ts';
import { ZInseeCode, ZOrganizationKind, ZSiret } from '../directory/index.ts';
import { applicationStatuses, decisionKinds } from './calls.values.ts';

export const ZApplicationParams = z.strictObject({ slug: ZTerritorySlug, applicationId: z.uuid() });
export const ZApplicationListQuery = z.strictObject({ ...pageFields, status: z.enum(applicationStatuses).optional() });
/** Answers by question id; their types are checked against the call's form by the server. */
export const ZAnswers = z.record(z.string().max(40), z.unknown());

/** The organisation the application is for when it is not yet in the directory: created there, with the applicant affiliated. */
export const ZNewOrganization = z.strictObject({
  kind: ZOrganizationKind,
  name: ZRequiredText(200),
  siret: ZSiret.nullable().optional(),
  communeInsee: ZInseeCode.nullable().optional(),
  foundingYear: z.number().int().min(1000).max(2200).nullable().optional(),
});
export type TNewOrganization = z.output<typeof ZNewOrganization>;
export const ZCreateApplicationRequest = z.union([
  z.strictObject({ organizationId: z.uuid(), answers: ZAnswers.default({}) }),
  z.strictObject({ newOrganization: ZNewOrganization, answers: ZAnswers.default({}) }),
]);
export type TCreateApplicationRequest = z.output<typeof ZCreateApplicationRequest>;
export const ZSaveAnswersRequest = z.strictObject({ answers: ZAnswers });

export const ZReason = z.object({ code: z.string(), message: z.string() });
export const ZApplication = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  callSlug: z.string(),
  /** The call's title, for lists that name the call (a closed or archived one too). */
  callTitleFr: z.string(),
  callTitleEn: z.string(),
  organization: z.object({ id: z.uuid(), name: z.string() }),
  applicantId: z.uuid(),
  status: z.enum(applicationStatuses),
  stageId: z.uuid().nullable(),
  answers: ZAnswers,
  revision: z.number().int(),
  /** Why the screening found the application ineligible, in the reader's language. */
  ineligibility: z.array(ZReason),
  decisionReason: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type TApplication = z.output<typeof ZApplication>;
export const ZApplicationList = pageOf(ZApplication);

export const ZRevision = z.object({
  revision: z.number().int(),
  answers: ZAnswers,
  changed: z.array(z.string()),
  submittedAt: z.iso.datetime(),
});
export const ZRevisionList = z.object({ items: z.array(ZRevision) });

export const ZDecisionRequest = z.strictObject({
  decision: z.enum(decisionKinds),
  reason: ZRequiredText(2000),
  /** When a selected application enters a programme by cohorts: the cohort. */
  cohortId: z.uuid().optional(),
});
/** The decided application and, when the selection admitted it to the call's programme, how. */
export const ZDecisionResult = ZApplication.extend({
  admission: z
    .object({ programmeId: z.uuid(), status: z.enum(['active', 'waitlisted']), position: z.number().int().optional() })
    .nullable(),
});
export type TDecisionResult = z.infer<typeof ZDecisionResult>;
export type TDecisionRequest = z.output<typeof ZDecisionRequest>;

export const ZApplicationFile = z.object({
  id: z.uuid(),
  questionId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export const ZFileParams = z.strictObject({ slug: ZTerritorySlug, fileId: z.uuid() });
