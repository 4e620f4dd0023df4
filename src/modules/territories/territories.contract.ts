import { z } from 'zod';

export const ZSlug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and hyphens');

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ZTimeZone = z.string().max(64).refine(validTimeZone, 'unknown IANA time zone');

export const ZTerritoryParams = z.strictObject({ slug: ZSlug });

export const ZTheme = z.object({ id: z.uuid(), slug: z.string(), labelFr: z.string(), labelEn: z.string() }).meta({ id: 'Theme' });

export const ZTerritory = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    timeZone: z.string(),
    epciSiren: z.string().nullable(),
    epciName: z.string().nullable(),
    communeCount: z.number().int(),
  })
  .meta({ id: 'Territory' });
export type TTerritory = z.infer<typeof ZTerritory>;

export const ZTerritoryDetail = ZTerritory.extend({
  themes: z.array(ZTheme),
  geoVintage: z.string().nullable(),
}).meta({ id: 'TerritoryDetail' });
export type TTerritoryDetail = z.infer<typeof ZTerritoryDetail>;

export const ZTerritoryList = z.object({ items: z.array(ZTerritory) });

export const ZCreateTerritoryRequest = z.strictObject({
  slug: ZSlug,
  name: z.string().trim().min(2).max(120),
  description: z.string().max(2000).optional(),
  timeZone: ZTimeZone.default('Europe/Paris'),
  epciSiren: z
    .string()
    .regex(/^\d{9}$/, 'SIREN: 9 digits')
    .optional(),
  /** Communes covered besides (or instead of) the EPCI's, by INSEE code. */
  communes: z
    .array(z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'INSEE code: 5 characters'))
    .max(2000)
    .optional(),
});
export type TCreateTerritoryRequest = z.infer<typeof ZCreateTerritoryRequest>;

export const ZUpdateTerritoryRequest = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  description: z.string().max(2000).nullable().optional(),
  timeZone: ZTimeZone.optional(),
});
export type TUpdateTerritoryRequest = z.infer<typeof ZUpdateTerritoryRequest>;

export const ZCommune = z.object({ inseeCode: z.string(), name: z.string() });
export const ZCommuneList = z.object({ items: z.array(ZCommune), total: z.number().int() });

export const ZCreateThemeRequest = z.strictObject({
  slug: ZSlug,
  labelFr: z.string().trim().min(2).max(120),
  labelEn: z.string().trim().min(2).max(120),
});
export type TCreateThemeRequest = z.infer<typeof ZCreateThemeRequest>;

export const ZThemeParams = z.strictObject({ slug: ZSlug, themeId: z.uuid() });
export const ZThemeList = z.object({ items: z.array(ZTheme) });
