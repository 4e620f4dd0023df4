import { z } from 'zod';
import { ZTerritorySlug, ZText } from '../../platform/http/contract.ts';
import {
  membershipStatuses,
  metricKinds,
  organizationKinds,
  publicFieldNames,
  relationshipKinds,
  revenueBands,
} from './directory.values.ts';
import { isValidRna, isValidSiren, isValidSiret } from './identifiers.ts';

export const ZOrganizationKind = z.enum(organizationKinds);
export type TOrganizationKind = z.infer<typeof ZOrganizationKind>;
export const ZMembershipStatus = z.enum(membershipStatuses);
export const ZRelationshipKind = z.enum(relationshipKinds);
export type TRelationshipKind = z.infer<typeof ZRelationshipKind>;
export const ZMetricKind = z.enum(metricKinds);
export const ZRevenueBand = z.enum(revenueBands);

export { publicFieldNames } from './directory.values.ts';
export const ZPublicField = z.enum(publicFieldNames);
export type TPublicField = z.infer<typeof ZPublicField>;
export const defaultPublicFields: TPublicField[] = ['commune', 'website', 'description', 'logoUrl', 'sector', 'themes'];

export const ZDirectoryParams = z.strictObject({ slug: ZTerritorySlug });
export const ZOrganizationParams = z.strictObject({ slug: ZTerritorySlug, organizationId: z.uuid() });

export const ZPageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TPage = { page: number; pageSize: number };

/** Free text: trimmed, without control characters (the platform's rule, under the directory's historical name). */
export const text = ZText;
const name = text(200).pipe(z.string().min(1));
export const ZSiren = z.string().refine(isValidSiren, 'SIREN: 9 digits with a valid check digit (Luhn)');
export const ZSiret = z.string().refine(isValidSiret, 'SIRET: 14 digits with a valid check digit (Luhn)');
export const ZRna = z.string().refine(isValidRna, 'RNA: W followed by 9 characters');
export const ZWebUrl = z.url({ protocol: /^https?$/ }).max(500);
export const ZInseeCode = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'INSEE code: 5 characters');
export const ZIsoDate = z.iso.date();
export const ZTag = text(40)
  .pipe(z.string().min(1))
  .transform((s) => s.toLowerCase());
const ZTags = z.array(ZTag).max(30);

export const ZAddress = z.strictObject({
  street: text(200).nullable().optional(),
  postalCode: z
    .string()
    .regex(/^\d{5}$/, 'postal code: 5 digits')
    .nullable()
    .optional(),
  city: text(120).nullable().optional(),
});

/** The editable fields of an organisation; every one may be cleared with null on update. */
const organizationFields = {
  legalName: text(200).nullable().optional(),
  siren: ZSiren.nullable().optional(),
  siret: ZSiret.nullable().optional(),
  rna: ZRna.nullable().optional(),
  address: ZAddress.nullable().optional(),
  communeInsee: ZInseeCode.nullable().optional(),
  website: ZWebUrl.nullable().optional(),
  descriptionFr: text(5000).nullable().optional(),
  descriptionEn: text(5000).nullable().optional(),
  logoUrl: ZWebUrl.nullable().optional(),
  foundingYear: z.number().int().min(1000).max(2200).nullable().optional(),
  sector: text(120).nullable().optional(),
  themeIds: z.array(z.uuid()).max(30).optional(),
  tags: ZTags.optional(),
  membershipStatus: ZMembershipStatus.optional(),
  isPublic: z.boolean().optional(),
  publicFields: z.array(ZPublicField).max(publicFieldNames.length).optional(),
  externalId: text(200).pipe(z.string().min(1)).nullable().optional(),
};

export const ZCreateOrganizationRequest = z.strictObject({ kind: ZOrganizationKind, name, ...organizationFields });
export type TCreateOrganizationRequest = z.infer<typeof ZCreateOrganizationRequest>;
export const ZUpdateOrganizationRequest = z.strictObject({
  kind: ZOrganizationKind.optional(),
  name: name.optional(),
  ...organizationFields,
});
export type TUpdateOrganizationRequest = z.infer<typeof ZUpdateOrganizationRequest>;

const ZMetricValue = z.object({
  value: z.number().nullable(),
  band: ZRevenueBand.nullable(),
  asOf: z.string(),
  source: z.string().nullable(),
});
export const ZThemeRef = z.object({ id: z.uuid(), slug: z.string(), labelFr: z.string(), labelEn: z.string() });
export const ZOrganizationRef = z.object({ id: z.uuid(), name: z.string(), kind: ZOrganizationKind });

export const ZOrganization = z
  .object({
    id: z.uuid(),
    kind: ZOrganizationKind,
    name: z.string(),
    legalName: z.string().nullable(),
    siren: z.string().nullable(),
    siret: z.string().nullable(),
    rna: z.string().nullable(),
    address: z.object({ street: z.string().nullable(), postalCode: z.string().nullable(), city: z.string().nullable() }),
    commune: z.object({ inseeCode: z.string(), name: z.string().nullable(), inTerritory: z.boolean() }).nullable(),
    website: z.string().nullable(),
    descriptionFr: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    logoUrl: z.string().nullable(),
    foundingYear: z.number().int().nullable(),
    sector: z.string().nullable(),
    themes: z.array(ZThemeRef),
    tags: z.array(z.string()),
    membershipStatus: ZMembershipStatus,
    isPublic: z.boolean(),
    publicFields: z.array(ZPublicField),
    externalId: z.string().nullable(),
    latestMetrics: z.object({
      headcount: ZMetricValue.nullable(),
      funds_raised: ZMetricValue.nullable(),
      revenue_band: ZMetricValue.nullable(),
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Organization' });
export type TOrganization = z.infer<typeof ZOrganization>;

export const ZRelationshipView = z.object({
  id: z.uuid(),
  kind: ZRelationshipKind,
  /** `outgoing`: this organisation is the subject (it accompanies the other); `incoming`: the object. */
  direction: z.enum(['outgoing', 'incoming']),
  other: ZOrganizationRef,
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type TRelationshipView = z.infer<typeof ZRelationshipView>;

export const ZAffiliationView = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }),
  organization: ZOrganizationRef,
  title: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
});
export type TAffiliationView = z.infer<typeof ZAffiliationView>;

export const ZOrganizationDetail = ZOrganization.extend({
  relationships: z.array(ZRelationshipView),
  relationshipCount: z.number().int(),
  affiliations: z.array(ZAffiliationView),
  affiliationCount: z.number().int(),
}).meta({ id: 'OrganizationDetail' });
export type TOrganizationDetail = z.infer<typeof ZOrganizationDetail>;

/** What the public directory shows: the name and kind, and only the fields the organisation made public. */
export const ZPublicOrganization = z
  .object({
    id: z.uuid(),
    kind: ZOrganizationKind,
    name: z.string(),
    legalName: z.string().nullable().optional(),
    siren: z.string().nullable().optional(),
    siret: z.string().nullable().optional(),
    rna: z.string().nullable().optional(),
    address: ZOrganization.shape.address.optional(),
    commune: ZOrganization.shape.commune.optional(),
    website: z.string().nullable().optional(),
    descriptionFr: z.string().nullable().optional(),
    descriptionEn: z.string().nullable().optional(),
    logoUrl: z.string().nullable().optional(),
    foundingYear: z.number().int().nullable().optional(),
    sector: z.string().nullable().optional(),
    themes: z.array(ZThemeRef).optional(),
    tags: z.array(z.string()).optional(),
    membershipStatus: ZMembershipStatus.optional(),
    latestMetrics: ZOrganization.shape.latestMetrics.optional(),
    relationships: z.array(ZRelationshipView).optional(),
    /** schema.org Organization (JSON-LD) from the public fields only, on an organisation's own page. */
    jsonLd: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'PublicOrganization' });
export type TPublicOrganization = z.infer<typeof ZPublicOrganization>;
