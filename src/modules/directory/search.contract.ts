import { z } from 'zod';
import { text, ZInseeCode, ZMembershipStatus, ZOrganization, ZOrganizationKind, ZPublicOrganization } from './directory.contract.ts';

/** Filters of the directory search; each facet filter takes one value. */
export const ZOrganizationSearchQuery = z.strictObject({
  q: text(200).optional(),
  kind: ZOrganizationKind.optional(),
  /** A theme of the territory, by id or slug. */
  theme: z
    .string()
    .max(60)
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  commune: ZInseeCode.optional(),
  status: ZMembershipStatus.optional(),
  tag: text(40).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TOrganizationSearchQuery = z.infer<typeof ZOrganizationSearchQuery>;

export const ZFacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type TFacetValue = z.infer<typeof ZFacetValue>;
export const facetNames = ['kind', 'theme', 'commune', 'status', 'tag'] as const;
export type FacetName = (typeof facetNames)[number];
export const ZFacets = z.object({
  kind: z.array(ZFacetValue),
  theme: z.array(ZFacetValue),
  commune: z.array(ZFacetValue),
  status: z.array(ZFacetValue),
  tag: z.array(ZFacetValue),
});
export type TFacets = z.infer<typeof ZFacets>;

const page = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), facets: ZFacets };
export const ZPublicOrganizationPage = z.object({ items: z.array(ZPublicOrganization), ...page }).meta({ id: 'PublicOrganizationPage' });
export const ZOrganizationPage = z.object({ items: z.array(ZOrganization), ...page }).meta({ id: 'OrganizationPage' });
