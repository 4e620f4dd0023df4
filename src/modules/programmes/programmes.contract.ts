import { z } from 'zod';
import { pageFields, pageOf, ZRequiredText, ZTerritorySlug, ZText } from '../../platform/http/contract.ts';
import { isLocalDate } from '../../platform/time/index.ts';
import { enrolmentSources, enrolmentStatuses, exitReasons, programmeEntries, programmeKinds, supporterRoles } from './programmes.values.ts';

/** A local calendar date (YYYY-MM-DD) that exists. */
export const ZLocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isLocalDate, 'not a calendar date')
  .meta({ examples: ['2026-03-02'] });
const ZProgrammeSlug = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const ZCap = z.number().int().min(1).max(100_000);

export const ZProgrammesParams = z.strictObject({ slug: ZTerritorySlug });
export const ZProgrammeParams = z.strictObject({ slug: ZTerritorySlug, programmeId: z.uuid() });
export const ZPublicProgrammeParams = z.strictObject({ slug: ZTerritorySlug, programmeSlug: ZProgrammeSlug });
export const ZCohortParams = z.strictObject({ slug: ZTerritorySlug, cohortId: z.uuid() });
export const ZEnrolmentParams = z.strictObject({ slug: ZTerritorySlug, enrolmentId: z.uuid() });
export const ZSupporterParams = z.strictObject({ slug: ZTerritorySlug, supporterId: z.uuid() });
export const ZMilestoneParams = z.strictObject({ slug: ZTerritorySlug, milestoneId: z.uuid() });

const programmeFields = {
  nameFr: ZRequiredText(200),
  nameEn: ZRequiredText(200),
  descriptionFr: ZText(5000).nullable().optional(),
  descriptionEn: ZText(5000).nullable().optional(),
  kind: z.enum(programmeKinds),
  entry: z.enum(programmeEntries),
  /** Months an enrolment lasts by default (a 3-month programme: 3); null: open-ended. */
  defaultDurationMonths: z.number().int().min(1).max(120).nullable().optional(),
  /** Companies accompanied at once; null: no cap. */
  cap: ZCap.nullable().optional(),
  /** Slugs of the territory's themes. */
  themes: z.array(ZProgrammeSlug).max(50).optional(),
  isPublished: z.boolean().optional(),
};

export const ZCreateProgrammeRequest = z.strictObject({ slug: ZProgrammeSlug, ...programmeFields });
export type TCreateProgrammeRequest = z.infer<typeof ZCreateProgrammeRequest>;
export const ZUpdateProgrammeRequest = z.strictObject({
  nameFr: programmeFields.nameFr.optional(),
  nameEn: programmeFields.nameEn.optional(),
  descriptionFr: programmeFields.descriptionFr,
  descriptionEn: programmeFields.descriptionEn,
  kind: programmeFields.kind.optional(),
  entry: programmeFields.entry.optional(),
  defaultDurationMonths: programmeFields.defaultDurationMonths,
  cap: programmeFields.cap,
  themes: programmeFields.themes,
  isPublished: programmeFields.isPublished,
});
export type TUpdateProgrammeRequest = z.infer<typeof ZUpdateProgrammeRequest>;

export const ZTheme = z.object({ slug: z.string(), labelFr: z.string(), labelEn: z.string() });

export const ZCohort = z
  .object({
    id: z.uuid(),
    name: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    cap: z.number().int().nullable(),
    active: z.number().int(),
  })
  .meta({ id: 'ProgrammeCohort' });
export type TCohort = z.infer<typeof ZCohort>;

export const ZProgramme = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    nameFr: z.string(),
    nameEn: z.string(),
    descriptionFr: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    kind: z.enum(programmeKinds),
    entry: z.enum(programmeEntries),
    defaultDurationMonths: z.number().int().nullable(),
    cap: z.number().int().nullable(),
    isPublished: z.boolean(),
    themes: z.array(ZTheme),
    cohorts: z.array(ZCohort),
    counts: z.object({ active: z.number().int(), waitlisted: z.number().int(), alumni: z.number().int() }),
  })
  .meta({ id: 'Programme' });
export type TProgramme = z.infer<typeof ZProgramme>;
export const ZProgrammeList = z.object({ items: z.array(ZProgramme) });

export const ZCreateCohortRequest = z.strictObject({
  name: ZRequiredText(200),
  startsOn: ZLocalDate,
  endsOn: ZLocalDate,
  cap: ZCap.nullable().optional(),
});
export type TCreateCohortRequest = z.infer<typeof ZCreateCohortRequest>;
export const ZUpdateCohortRequest = z.strictObject({
  name: ZRequiredText(200).optional(),
  startsOn: ZLocalDate.optional(),
  endsOn: ZLocalDate.optional(),
  cap: ZCap.nullable().optional(),
});
export type TUpdateCohortRequest = z.infer<typeof ZUpdateCohortRequest>;

/** The public page of a published programme: alumni listed only when the organisation is public. */
export const ZPublicProgramme = z
  .object({
    slug: z.string(),
    nameFr: z.string(),
    nameEn: z.string(),
    descriptionFr: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    kind: z.enum(programmeKinds),
    entry: z.enum(programmeEntries),
    defaultDurationMonths: z.number().int().nullable(),
    cap: z.number().int().nullable(),
    themes: z.array(ZTheme),
    cohorts: z.array(z.object({ name: z.string(), startsOn: z.string(), endsOn: z.string() })),
    alumni: z.array(z.object({ id: z.uuid(), name: z.string(), exitedOn: z.string() })),
  })
  .meta({ id: 'PublicProgramme' });
export const ZPublicProgrammeList = z.object({
  items: z.array(ZPublicProgramme.pick({ slug: true, nameFr: true, nameEn: true, kind: true, entry: true })),
});

export const ZEnrolRequest = z.strictObject({ organizationId: z.uuid(), cohortId: z.uuid().nullable().optional() });
export type TEnrolRequest = z.infer<typeof ZEnrolRequest>;
export const ZAdmission = z
  .object({ enrolmentId: z.uuid(), status: z.enum(['active', 'waitlisted']), position: z.number().int().optional() })
  .meta({ id: 'ProgrammeAdmission' });

export const ZEnrolmentListQuery = z.strictObject({ status: z.enum(enrolmentStatuses).optional(), ...pageFields });
export type TEnrolmentListQuery = z.infer<typeof ZEnrolmentListQuery>;

export const ZEnrolment = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    cohort: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    organization: z.object({ id: z.uuid(), name: z.string() }),
    status: z.enum(enrolmentStatuses),
    waitlistPosition: z.number().int().nullable(),
    source: z.object({ kind: z.enum(enrolmentSources), id: z.string().nullable() }),
    enteredOn: z.string().nullable(),
    expectedEndOn: z.string().nullable(),
    exitedOn: z.string().nullable(),
    exitReason: z.enum(exitReasons).nullable(),
    exitNote: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ProgrammeEnrolment' });
export type TEnrolment = z.infer<typeof ZEnrolment>;
export const ZEnrolmentPage = pageOf(ZEnrolment);

export const ZExitRequest = z.strictObject({
  reason: z.enum(exitReasons),
  /** Local date; today in the territory's zone when absent. */
  exitedOn: ZLocalDate.optional(),
  note: ZText(2000).nullable().optional(),
});
export type TExitRequest = z.infer<typeof ZExitRequest>;

export const ZSupporterRole = z.enum(supporterRoles);
export const ZAddSupporterRequest = z
  .strictObject({ role: ZSupporterRole, userId: z.uuid().optional(), personId: z.uuid().optional() })
  .refine((s) => (s.userId === undefined) !== (s.personId === undefined), {
    message: 'either an account (userId) or a person of the directory (personId)',
    path: ['userId'],
  });
export type TAddSupporterRequest = z.infer<typeof ZAddSupporterRequest>;
