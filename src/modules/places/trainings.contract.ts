import { z } from 'zod';
import { pageFields, pageOf, ZRequiredText, ZTerritorySlug, ZText } from '../../platform/http/contract.ts';

const ZInstant = z.iso.datetime({ offset: true });
const ZValidityMonths = z.number().int().min(1).max(600);

export const ZQualificationParams = z.strictObject({ slug: ZTerritorySlug, qualificationId: z.uuid() });
export const ZTrainingParams = z.strictObject({ slug: ZTerritorySlug, trainingId: z.uuid() });
export const ZUserQualificationParams = z.strictObject({ slug: ZTerritorySlug, userQualificationId: z.uuid() });

export const ZCreateQualificationRequest = z.strictObject({
  name: ZRequiredText(200),
  /** Months it stays valid after the training; absent or null: it does not expire. */
  validityMonths: ZValidityMonths.nullable().optional(),
});
export type TCreateQualificationRequest = z.infer<typeof ZCreateQualificationRequest>;
export const ZUpdateQualificationRequest = z.strictObject({
  name: ZRequiredText(200).optional(),
  validityMonths: ZValidityMonths.nullable().optional(),
});
export type TUpdateQualificationRequest = z.infer<typeof ZUpdateQualificationRequest>;

export const ZQualification = z
  .object({ id: z.uuid(), name: z.string(), validityMonths: z.number().int().nullable() })
  .meta({ id: 'Qualification' });
export type TQualification = z.infer<typeof ZQualification>;
export const ZQualificationList = z.object({ items: z.array(ZQualification) });

export const ZCreateTrainingRequest = z.strictObject({
  qualificationId: z.uuid(),
  placeId: z.uuid().nullable().optional(),
  start: ZInstant,
  end: ZInstant,
  seats: z.number().int().min(1).max(1000),
  trainer: ZText(200).nullable().optional(),
});
export type TCreateTrainingRequest = z.infer<typeof ZCreateTrainingRequest>;

export const ZTraining = z
  .object({
    id: z.uuid(),
    qualification: z.object({ id: z.uuid(), name: z.string() }),
    /** Null when it has none, or when the place is private and the reader does not manage places. */
    place: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    seats: z.number().int(),
    seatsLeft: z.number().int(),
    trainer: z.string().nullable(),
    /** Whether the signed-in reader holds a seat in it (false for anonymous readers). */
    enrolledByMe: z.boolean(),
  })
  .meta({ id: 'Training' });
export type TTraining = z.infer<typeof ZTraining>;
export const ZTrainingPage = pageOf(ZTraining);
export const ZTrainingListQuery = z.strictObject({
  ...pageFields,
  /** `true`: sessions not started yet, soonest first; `false`: started ones, latest first. */
  upcoming: z.enum(['true', 'false']).default('true'),
});
export type TTrainingListQuery = z.infer<typeof ZTrainingListQuery>;

export const enrolmentStatuses = ['enrolled', 'attended', 'absent', 'cancelled'] as const;
export type TEnrolmentStatus = (typeof enrolmentStatuses)[number];
export const ZEnrolment = z
  .object({ training: ZTraining, status: z.enum(enrolmentStatuses), enrolledAt: z.iso.datetime() })
  .meta({ id: 'TrainingEnrolment' });
export type TEnrolment = z.infer<typeof ZEnrolment>;

const ZPerson = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
const ZGrant = z.object({
  id: z.uuid(),
  grantedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});

export const ZRosterEntry = z.object({
  user: ZPerson,
  status: z.enum(enrolmentStatuses),
  enrolledAt: z.iso.datetime(),
  /** The qualification earned at this session, once attendance has been marked. */
  grant: ZGrant.nullable(),
});
export type TRosterEntry = z.infer<typeof ZRosterEntry>;
export const ZRoster = z.object({ training: ZTraining, items: z.array(ZRosterEntry) }).meta({ id: 'TrainingRoster' });
export type TRoster = z.infer<typeof ZRoster>;

export const ZAttendanceRequest = z.strictObject({ userId: z.uuid(), attended: z.boolean() });
export type TAttendanceRequest = z.infer<typeof ZAttendanceRequest>;

/** A qualification held by an account, and whether it is valid now. */
export const ZHeldQualification = z
  .object({
    id: z.uuid(),
    qualification: z.object({ id: z.uuid(), name: z.string() }),
    grantedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    revokedReason: z.string().nullable(),
    /** The training session it was earned at, when it was. */
    trainingId: z.uuid().nullable(),
    valid: z.boolean(),
  })
  .meta({ id: 'HeldQualification' });
export type THeldQualification = z.infer<typeof ZHeldQualification>;
export const ZHolder = ZHeldQualification.extend({ user: ZPerson }).meta({ id: 'QualificationHolder' });
export type THolder = z.infer<typeof ZHolder>;
export const ZHolderPage = pageOf(ZHolder);
export const ZHoldersQuery = z.strictObject({ ...pageFields });
export const ZMyQualifications = z.object({ items: z.array(ZHeldQualification) });

export const ZRevokeRequest = z.strictObject({ reason: ZRequiredText(1000) });
