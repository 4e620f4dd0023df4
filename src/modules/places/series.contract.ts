import { z } from 'zod';
import { ZRequiredText, ZText } from '../../platform/http/contract.ts';
import { ZBooking } from './places.contract.ts';

/** Recurring bookings need an account: each occurrence is then found, moved and cancelled from « Mes réservations ». */
export const ZCreateSeriesRequest = z.strictObject({
  resourceId: z.uuid(),
  /** The first occurrence's local start in the territory's zone, 'YYYY-MM-DDTHH:MM'. */
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'YYYY-MM-DDTHH:MM'),
  durationMinutes: z.number().int().min(5).max(1440),
  /** e.g. FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630 (DAILY, WEEKLY, MONTHLY; INTERVAL, BYDAY, UNTIL or COUNT). */
  rrule: ZRequiredText(300),
  units: z.number().int().min(1).max(10_000).optional(),
  communeInsee: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/)
    .optional(),
  organizationId: z.uuid().optional(),
  note: ZText(1000).optional(),
  /** `preview` writes nothing and lists each occurrence; `commit` writes. */
  mode: z.enum(['preview', 'commit']).default('preview'),
  /** On commit, book the free occurrences and leave the conflicting ones out (otherwise 409). */
  skipConflicts: z.boolean().default(false),
});
export type TCreateSeriesRequest = z.infer<typeof ZCreateSeriesRequest>;

export const ZSeriesOccurrence = z.object({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  localStart: z.string(),
  ok: z.boolean(),
  /** Why it cannot be booked: `booking_conflict` or a rule's code, with its message. */
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
});
export const ZSeriesResult = z
  .object({
    seriesId: z.uuid().nullable(),
    occurrences: z.array(ZSeriesOccurrence),
    booked: z.array(ZBooking),
  })
  .meta({ id: 'BookingSeries' });
export type TSeriesResult = z.infer<typeof ZSeriesResult>;

export const ZCancelSeriesRequest = z.strictObject({ reason: ZText(1000).optional() });
