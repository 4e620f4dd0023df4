import { z } from 'zod';
import { ZRequiredText, ZText } from '../../platform/http/contract.ts';
import { ZEnrolment, ZLocalDate, ZSupporterRole } from './programmes.contract.ts';

export const ZSupporter = z
  .object({
    id: z.uuid(),
    role: ZSupporterRole,
    /** The account or the directory's person, whichever the supporter is. */
    kind: z.enum(['account', 'person']),
    refId: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
  })
  .meta({ id: 'ProgrammeSupporter' });
export type TSupporter = z.infer<typeof ZSupporter>;

export const ZLogSessionRequest = z.strictObject({
  heldOn: ZLocalDate,
  durationMinutes: z.number().int().min(1).max(1440),
  topic: ZRequiredText(300),
  notes: ZText(5000).nullable().optional(),
  /** The mentor or expert who held it, among the enrolment's supporters. */
  supporterId: z.uuid().nullable().optional(),
});
export type TLogSessionRequest = z.infer<typeof ZLogSessionRequest>;

export const ZMentoringSession = z
  .object({
    id: z.uuid(),
    heldOn: z.string(),
    durationMinutes: z.number().int(),
    topic: z.string(),
    notes: z.string().nullable(),
    supporter: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  })
  .meta({ id: 'MentoringSession' });

export const ZCreateMilestoneRequest = z.strictObject({ title: ZRequiredText(300), dueOn: ZLocalDate });
export type TCreateMilestoneRequest = z.infer<typeof ZCreateMilestoneRequest>;
export const ZUpdateMilestoneRequest = z.strictObject({
  title: ZRequiredText(300).optional(),
  dueOn: ZLocalDate.optional(),
  status: z.enum(['planned', 'done', 'dropped']).optional(),
  /** When it was met (local date); today in the territory's zone when marked done without one. */
  doneOn: ZLocalDate.optional(),
});
export type TUpdateMilestoneRequest = z.infer<typeof ZUpdateMilestoneRequest>;

export const ZMilestone = z
  .object({
    id: z.uuid(),
    title: z.string(),
    dueOn: z.string(),
    /** `late`: still planned after its due date, in the territory's zone. */
    status: z.enum(['planned', 'done', 'late', 'dropped']),
    doneOn: z.string().nullable(),
  })
  .meta({ id: 'Milestone' });
export type TMilestone = z.infer<typeof ZMilestone>;

export const ZKpiSummary = z.object({
  period: z.string(),
  answeredAt: z.iso.datetime().nullable(),
  remindersSent: z.number().int(),
  headcount: z.number().int().nullable(),
  fundsRaisedCents: z.number().int().nullable(),
  revenueBand: z.string().nullable(),
  keyFacts: z.string().nullable(),
});

export const ZEnrolmentDetail = z
  .object({
    enrolment: ZEnrolment,
    supporters: z.array(ZSupporter),
    sessions: z.array(ZMentoringSession),
    mentoringMinutes: z.number().int(),
    milestones: z.array(ZMilestone),
    kpis: z.array(ZKpiSummary),
  })
  .meta({ id: 'EnrolmentDetail' });
export type TEnrolmentDetail = z.infer<typeof ZEnrolmentDetail>;
