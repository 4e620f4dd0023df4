import { z } from 'zod';
import { ZLocalDate } from './programmes.contract.ts';

export const ZReportQuery = z.strictObject({
  cohortId: z.uuid().optional(),
  /** Local dates, both included; from the programme's first entry to today when absent. */
  from: ZLocalDate.optional(),
  to: ZLocalDate.optional(),
});
export type TReportQuery = z.infer<typeof ZReportQuery>;

export const ZReportRow = z.object({
  organization: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(['active', 'exited']),
  enteredOn: z.string(),
  exitedOn: z.string().nullable(),
  /** Headcount at entry (the latest figure on or before it, else the first after) and now; null when never given. */
  jobsAtEntry: z.number().int().nullable(),
  jobsNow: z.number().int().nullable(),
  /** Funds raised to date, in euro cents, at entry and now. */
  fundsAtEntryCents: z.number().int().nullable(),
  fundsNowCents: z.number().int().nullable(),
  milestonesMet: z.number().int(),
  milestonesDue: z.number().int(),
  sessions: z.number().int(),
  mentoringMinutes: z.number().int(),
});
export type TReportRow = z.infer<typeof ZReportRow>;

export const ZReport = z
  .object({
    territory: z.string(),
    programme: z.object({ id: z.uuid(), nameFr: z.string(), nameEn: z.string() }),
    cohort: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    from: z.string(),
    to: z.string(),
    totals: z.object({
      accompanied: z.number().int(),
      active: z.number().int(),
      alumni: z.number().int(),
      jobsAtEntry: z.number().int(),
      jobsNow: z.number().int(),
      fundsAtEntryCents: z.number().int(),
      fundsNowCents: z.number().int(),
      milestonesMet: z.number().int(),
      milestonesDue: z.number().int(),
      sessions: z.number().int(),
      mentoringMinutes: z.number().int(),
    }),
    rows: z.array(ZReportRow),
  })
  .meta({ id: 'ProgrammeReport' });
export type TReport = z.infer<typeof ZReport>;
