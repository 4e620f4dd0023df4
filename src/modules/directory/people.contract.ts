import { z } from 'zod';
import { text, ZAffiliationView, ZIsoDate, ZOrganizationRef } from './directory.contract.ts';
import { legalBases, offerKinds } from './directory.tables.ts';

const ZTerritorySlug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
export const ZLegalBasis = z.enum(legalBases);
export const ZOfferKind = z.enum(offerKinds);
const ZEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());
const ZPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]{5,24}$/, 'phone: digits, spaces, dots, dashes, an optional leading +');
const ZLanguage = z.string().regex(/^[a-z]{2,3}$/, 'language: ISO 639 code (fr, en, nl…)');
const personName = text(100).pipe(z.string().min(1));
const words = (max: number) => z.array(text(60).pipe(z.string().min(1))).max(max);

const personFields = {
  email: ZEmail.nullable().optional(),
  phone: ZPhone.nullable().optional(),
  skills: words(30).optional(),
  languages: z.array(ZLanguage).max(10).optional(),
  offers: z.array(ZOfferKind).max(offerKinds.length).optional(),
  seeks: z.array(ZOfferKind).max(offerKinds.length).optional(),
  /** Why Totem holds this person's data (RGPD purpose), e.g. "suivi de l'accompagnement". */
  purpose: text(300).nullable().optional(),
  consentPublicProfile: z.boolean().optional(),
  consentContact: z.boolean().optional(),
  /** Shown in the public directory: only with `consentPublicProfile`. */
  publicProfile: z.boolean().optional(),
  externalId: text(200).pipe(z.string().min(1)).nullable().optional(),
};

export const ZCreatePersonRequest = z.strictObject({
  firstName: personName,
  lastName: personName,
  legalBasis: ZLegalBasis,
  ...personFields,
});
export type TCreatePersonRequest = z.infer<typeof ZCreatePersonRequest>;
export const ZUpdatePersonRequest = z.strictObject({
  firstName: personName.optional(),
  lastName: personName.optional(),
  legalBasis: ZLegalBasis.optional(),
  ...personFields,
});
export type TUpdatePersonRequest = z.infer<typeof ZUpdatePersonRequest>;

export const ZPerson = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    skills: z.array(z.string()),
    languages: z.array(z.string()),
    offers: z.array(ZOfferKind),
    seeks: z.array(ZOfferKind),
    legalBasis: ZLegalBasis,
    purpose: z.string().nullable(),
    consentPublicProfile: z.boolean(),
    consentContact: z.boolean(),
    consentAt: z.iso.datetime().nullable(),
    publicProfile: z.boolean(),
    externalId: z.string().nullable(),
    erasedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Person' });
export type TPerson = z.infer<typeof ZPerson>;

export const ZPersonDetail = ZPerson.extend({ affiliations: z.array(ZAffiliationView), affiliationCount: z.number().int() }).meta({
  id: 'PersonDetail',
});
export type TPersonDetail = z.infer<typeof ZPersonDetail>;

/** A public profile: no contact details, affiliations to public organisations only. */
export const ZPublicPerson = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    skills: z.array(z.string()),
    languages: z.array(z.string()),
    offers: z.array(ZOfferKind),
    seeks: z.array(ZOfferKind),
    affiliations: z.array(z.object({ organization: ZOrganizationRef, title: z.string().nullable() })),
  })
  .meta({ id: 'PublicPerson' });
export type TPublicPerson = z.infer<typeof ZPublicPerson>;

export const ZPeopleQuery = z.strictObject({
  q: text(200).optional(),
  offers: ZOfferKind.optional(),
  seeks: ZOfferKind.optional(),
  organizationId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TPeopleQuery = z.infer<typeof ZPeopleQuery>;
export const ZPublicPeopleQuery = ZPeopleQuery.omit({ organizationId: true });

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const ZPersonPage = pageOf(ZPerson);
export const ZPublicPersonPage = pageOf(ZPublicPerson);

export const ZPersonParams = z.strictObject({ slug: ZTerritorySlug, personId: z.uuid() });
export const ZAffiliationParams = z.strictObject({ slug: ZTerritorySlug, affiliationId: z.uuid() });

const datesInOrder = (v: { startedOn?: string | null | undefined; endedOn?: string | null | undefined }) =>
  !v.startedOn || !v.endedOn || v.endedOn >= v.startedOn;
const datesMessage = { message: 'the end date must not precede the start date', path: ['endedOn'] };
export const ZCreateAffiliationRequest = z
  .strictObject({
    organizationId: z.uuid(),
    title: text(120).nullable().optional(),
    startedOn: ZIsoDate.nullable().optional(),
    endedOn: ZIsoDate.nullable().optional(),
  })
  .refine(datesInOrder, datesMessage);
export type TCreateAffiliationRequest = z.infer<typeof ZCreateAffiliationRequest>;
export const ZUpdateAffiliationRequest = z
  .strictObject({
    title: text(120).nullable().optional(),
    startedOn: ZIsoDate.nullable().optional(),
    endedOn: ZIsoDate.nullable().optional(),
  })
  .refine(datesInOrder, datesMessage);
export type TUpdateAffiliationRequest = z.infer<typeof ZUpdateAffiliationRequest>;

/** Everything Totem holds on a person (RGPD right of access), as one JSON document. */
export const ZPersonExport = z
  .object({
    exportedAt: z.iso.datetime(),
    territory: z.object({ slug: z.string(), name: z.string() }),
    person: ZPerson,
    affiliations: z.array(ZAffiliationView),
    auditTrail: z.array(
      z.object({
        at: z.iso.datetime(),
        actorLabel: z.string(),
        action: z.string(),
        entity: z.string(),
        before: z.unknown(),
        after: z.unknown(),
      }),
    ),
  })
  .meta({ id: 'PersonExport' });
export type TPersonExport = z.infer<typeof ZPersonExport>;
