/** Calls for projects: requests and responses of the calls' own routes (the form's schemas are in `forms.ts`). */
import { z } from 'zod';
import { pageFields, pageOf, ZRequiredText, ZTerritorySlug, ZText } from '../../platform/http/contract.ts';
import { callStatuses, intakeKinds } from './calls.values.ts';
import { ZCallDocument, ZEligibility, ZFormDefinition } from './forms.ts';

/** A local date-time in the territory's zone, to the minute: 2026-06-30T23:59. */
export const ZLocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected YYYY-MM-DDTHH:MM');
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A call's slug; never shaped like a uuid, so that `:call` may name a call by either. */
export const ZCallSlug = ZTerritorySlug.refine((s) => !uuidShape.test(s), 'a slug may not look like an identifier');
export const isUuid = (s: string) => uuidShape.test(s);

export const ZCallsParams = z.strictObject({ slug: ZTerritorySlug });
export const ZCallParams = z.strictObject({ slug: ZTerritorySlug, call: z.string().min(2).max(60) });
export const ZCallListQuery = z.strictObject({ ...pageFields });

const intake = {
  intake: z.enum(intakeKinds).default('continuous'),
  opensLocal: ZLocalDateTime.nullable().default(null),
  closesLocal: ZLocalDateTime.nullable().default(null),
};
const editable = {
  titleFr: ZRequiredText(200),
  titleEn: ZRequiredText(200),
  descriptionFr: ZText(10_000).default(''),
  descriptionEn: ZText(10_000).default(''),
  programmeId: z.uuid().nullable().default(null),
  themes: z.array(z.string().min(1).max(60)).max(50).default([]),
  eligibility: ZEligibility.default({ organizationKinds: [], inTerritory: false, maxCompanyAgeYears: null, minMatchingThemes: 0 }),
  documents: z.array(ZCallDocument).max(30).default([]),
  form: ZFormDefinition.default({ sections: [] }),
};

export const ZCreateCallRequest = z.strictObject({ slug: ZCallSlug, ...editable, ...intake });
export type TCreateCallRequest = z.output<typeof ZCreateCallRequest>;
export const ZUpdateCallRequest = z.strictObject({
  titleFr: editable.titleFr.optional(),
  titleEn: editable.titleEn.optional(),
  descriptionFr: ZText(10_000).optional(),
  descriptionEn: ZText(10_000).optional(),
  programmeId: z.uuid().nullable().optional(),
  themes: z.array(z.string().min(1).max(60)).max(50).optional(),
  eligibility: ZEligibility.optional(),
  documents: z.array(ZCallDocument).max(30).optional(),
  form: ZFormDefinition.optional(),
  intake: z.enum(intakeKinds).optional(),
  opensLocal: ZLocalDateTime.nullable().optional(),
  closesLocal: ZLocalDateTime.nullable().optional(),
});
export type TUpdateCallRequest = z.output<typeof ZUpdateCallRequest>;
export const ZCallStatusRequest = z.strictObject({ status: z.enum(callStatuses) });

const ZTheme = z.object({ slug: z.string(), labelFr: z.string(), labelEn: z.string() });
const publicFields = {
  id: z.uuid(),
  slug: z.string(),
  titleFr: z.string(),
  titleEn: z.string(),
  descriptionFr: z.string(),
  descriptionEn: z.string(),
  status: z.enum(callStatuses),
  intake: z.enum(intakeKinds),
  opensLocal: z.string().nullable(),
  closesLocal: z.string().nullable(),
  opensAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
  timeZone: z.string(),
  /** Whether applications are accepted right now (published and inside the window). */
  isOpen: z.boolean(),
  themes: z.array(ZTheme),
  eligibility: ZEligibility,
  documents: z.array(ZCallDocument),
  form: ZFormDefinition,
};
/** What anyone sees of a published call, laureates included once staff publish them. */
export const ZPublicCall = z.object({
  ...publicFields,
  laureates: z.array(z.object({ organizationId: z.uuid(), name: z.string() })),
});
export type TPublicCall = z.output<typeof ZPublicCall>;
/** What staff see: the public fields plus the call's management data. */
export const ZCall = z.object({
  ...publicFields,
  programmeId: z.uuid().nullable(),
  laureatesPublishedAt: z.iso.datetime().nullable(),
  formLocked: z.boolean(),
  applicationCount: z.number().int(),
});
export type TCall = z.output<typeof ZCall>;
export const ZCallList = pageOf(ZPublicCall);
