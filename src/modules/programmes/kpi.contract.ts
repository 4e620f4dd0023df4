import { z } from 'zod';
import { pageFields, pageOf, ZTerritorySlug, ZText } from '../../platform/http/contract.ts';
import { revenueBands } from '../directory/index.ts';

/** The secret of an e-mailed link (256 bits, base64url). */
export const ZKpiParams = z.strictObject({
  slug: ZTerritorySlug,
  // The length inside the pattern, not beside it: schema-driven fuzzing draws strings from the
  // pattern, and a separate minimum of 40 would reject nearly all of them.
  token: z.string().regex(/^[A-Za-z0-9_-]{40,64}$/),
});

export const ZEnrolmentKpiParams = z.strictObject({
  slug: ZTerritorySlug,
  enrolmentId: z.uuid(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});

export const ZKpiForm = z
  .object({
    organization: z.string(),
    programmeFr: z.string(),
    programmeEn: z.string(),
    /** The month asked about: its first local day. */
    period: z.string(),
    answeredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'KpiForm' });

export const ZSubmitKpiRequest = z.strictObject({
  /** People employed now. */
  headcount: z.number().int().min(0).max(1_000_000),
  /** Total raised to date, in euro cents. */
  fundsRaisedCents: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  revenueBand: z.enum(revenueBands).nullable().optional(),
  keyFacts: ZText(5000).nullable().optional(),
});
export type TSubmitKpiRequest = z.infer<typeof ZSubmitKpiRequest>;

export const ZKpiStatusQuery = z.strictObject({
  /** The month (YYYY-MM); the current one in the territory's zone when absent. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  answered: z.enum(['true', 'false']).optional(),
  ...pageFields,
});
export type TKpiStatusQuery = z.infer<typeof ZKpiStatusQuery>;

export const ZKpiStatus = z
  .object({
    enrolmentId: z.uuid(),
    organization: z.object({ id: z.uuid(), name: z.string() }),
    period: z.string(),
    sentAt: z.iso.datetime(),
    remindersSent: z.number().int(),
    answeredAt: z.iso.datetime().nullable(),
    headcount: z.number().int().nullable(),
    fundsRaisedCents: z.number().int().nullable(),
  })
  .meta({ id: 'KpiStatus' });
export const ZKpiStatusPage = pageOf(ZKpiStatus);
