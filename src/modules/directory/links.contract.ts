import { z } from 'zod';
import { text, ZIsoDate, ZMetricKind, ZOrganizationRef, ZRelationshipKind, ZRelationshipView, ZRevenueBand } from './directory.contract.ts';

const ZTerritorySlug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

const datesInOrder = (v: { startedOn?: string | null | undefined; endedOn?: string | null | undefined }) =>
  !v.startedOn || !v.endedOn || v.endedOn >= v.startedOn;
const datesMessage = { message: 'the end date must not precede the start date', path: ['endedOn'] };

export const ZCreateRelationshipRequest = z
  .strictObject({
    /** The subject: `sourceId` accompanies (funds, hosts…) `targetId`. */
    sourceId: z.uuid(),
    targetId: z.uuid(),
    kind: ZRelationshipKind,
    startedOn: ZIsoDate.nullable().optional(),
    endedOn: ZIsoDate.nullable().optional(),
    note: text(1000).nullable().optional(),
  })
  .refine((v) => v.sourceId !== v.targetId, { message: 'an organisation cannot be related to itself', path: ['targetId'] })
  .refine(datesInOrder, datesMessage);
export type TCreateRelationshipRequest = z.infer<typeof ZCreateRelationshipRequest>;

export const ZUpdateRelationshipRequest = z
  .strictObject({
    startedOn: ZIsoDate.nullable().optional(),
    endedOn: ZIsoDate.nullable().optional(),
    note: text(1000).nullable().optional(),
  })
  .refine(datesInOrder, datesMessage);
export type TUpdateRelationshipRequest = z.infer<typeof ZUpdateRelationshipRequest>;

export const ZRelationship = z
  .object({
    id: z.uuid(),
    kind: ZRelationshipKind,
    source: ZOrganizationRef,
    target: ZOrganizationRef,
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'Relationship' });
export type TRelationship = z.infer<typeof ZRelationship>;

export const ZRelationshipParams = z.strictObject({ slug: ZTerritorySlug, relationshipId: z.uuid() });
export const ZRelationshipPage = z.object({
  items: z.array(ZRelationshipView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** A dated figure: `value` for headcount and funds raised (integer cents of euros), `band` for revenue. */
export const ZCreateMetricRequest = z
  .strictObject({
    metric: ZMetricKind,
    value: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    band: ZRevenueBand.optional(),
    asOf: ZIsoDate,
    source: text(300).nullable().optional(),
  })
  .refine(
    (m) => (m.metric === 'revenue_band' ? m.band !== undefined && m.value === undefined : m.value !== undefined && m.band === undefined),
    {
      message: 'revenue_band takes a band; headcount and funds_raised take a value (funds in cents of euros)',
      path: ['value'],
    },
  );
export type TCreateMetricRequest = z.infer<typeof ZCreateMetricRequest>;

export const ZMetric = z
  .object({
    id: z.uuid(),
    metric: ZMetricKind,
    value: z.number().int().nullable(),
    band: ZRevenueBand.nullable(),
    asOf: z.string(),
    source: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'OrganizationMetric' });
export type TMetric = z.infer<typeof ZMetric>;

export const ZMetricQuery = z.strictObject({
  metric: ZMetricKind.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZMetricPage = z.object({
  items: z.array(ZMetric),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const ZMetricParams = z.strictObject({ slug: ZTerritorySlug, organizationId: z.uuid(), metricId: z.uuid() });
