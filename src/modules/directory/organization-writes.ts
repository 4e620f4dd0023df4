import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error.ts';
import { territoryThemes } from '../territories/index.ts';
import { resolveCommune } from './communes.ts';
import {
  defaultPublicFields,
  type TCreateOrganizationRequest,
  type TOrganization,
  type TUpdateOrganizationRequest,
} from './directory.contract.ts';
import { organizations, organizationThemes } from './directory.tables.ts';
import { loadExtras, type OrganizationRow, refreshSearchFields, toOrganization } from './organization-dto.ts';
import { record, type Scoped } from './scope.ts';

type Values = Partial<typeof organizations.$inferInsert>;
type Input = TUpdateOrganizationRequest;

const fieldError = (code: 'validation_failed' | 'unknown_theme', path: string, message: string) =>
  new AppError(code, message, { errors: [{ path, code, message }] });

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** Plain fields copied as they are when present in the request (null clears them). */
const plainKeys = [
  'kind',
  'name',
  'legalName',
  'rna',
  'website',
  'descriptionFr',
  'descriptionEn',
  'logoUrl',
  'foundingYear',
  'sector',
  'membershipStatus',
  'isPublic',
  'externalId',
] as const;

/** SIRET implies the SIREN (its first 9 digits); both given must agree. */
function identifiers(input: Input, before: OrganizationRow | null, path: string): Values {
  const siret = input.siret !== undefined ? input.siret : (before?.siret ?? null);
  let siren = input.siren !== undefined ? input.siren : (before?.siren ?? null);
  if (siret && !siren) siren = siret.slice(0, 9);
  if (siret && siren && !siret.startsWith(siren))
    throw fieldError('validation_failed', `${path}siret`, 'the SIRET must begin with the SIREN');
  return { siren, siret };
}

type CommuneOf = (inseeCode: string, path: string) => Promise<Values> | Values;

/**
 * The column values a create or an update writes; checks what needs the database (commune). An
 * import resolves communes from its own preloaded list (`communeOf`) instead of a query per row.
 */
export async function valuesOf(
  s: Scoped,
  input: Input,
  before: OrganizationRow | null,
  path: string,
  communeOf: CommuneOf = (code, at) => resolveCommune(s.tx, s.territory.id, code, at),
): Promise<Values> {
  const values: Values = {};
  for (const key of plainKeys) if (input[key] !== undefined) Object.assign(values, { [key]: input[key] });
  Object.assign(values, identifiers(input, before, path));
  if (input.address !== undefined) {
    values.street = input.address?.street ?? null;
    values.postalCode = input.address?.postalCode ?? null;
    values.city = input.address?.city ?? null;
  }
  if (input.communeInsee === null) Object.assign(values, { communeInsee: null, communeName: null, inTerritory: false });
  else if (input.communeInsee) Object.assign(values, await communeOf(input.communeInsee, `${path}communeInsee`));
  if (input.tags) values.tags = unique(input.tags);
  if (input.publicFields) values.publicFields = unique(input.publicFields);
  return values;
}

/** Refuses (409) a SIRET or external id that another organisation of the territory already has. */
async function assertUnique(s: Scoped, values: Values, selfId: string | null): Promise<void> {
  const clash: SQL[] = [];
  if (values.siret) clash.push(eq(organizations.siret, values.siret));
  if (values.externalId) clash.push(eq(organizations.externalId, values.externalId));
  if (!clash.length) return;
  const [other] = await s.tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.territoryId, s.territory.id), or(...clash), selfId ? ne(organizations.id, selfId) : undefined))
    .limit(1);
  if (other) throw new AppError('organization_exists', `"${other.name}" has the same SIRET or external identifier`);
}

/** Replaces an organisation's themes; each must be one of the territory's themes (422 otherwise). */
export async function setThemes(s: Scoped, organizationId: string, themeIds: string[], path = 'body.'): Promise<void> {
  const wanted = unique(themeIds);
  if (wanted.length) {
    const known = await s.tx
      .select({ id: territoryThemes.id })
      .from(territoryThemes)
      .where(and(eq(territoryThemes.territoryId, s.territory.id), inArray(territoryThemes.id, wanted)));
    const knownIds = new Set(known.map((k) => k.id));
    const missing = wanted.findIndex((id) => !knownIds.has(id));
    if (missing >= 0)
      throw fieldError('unknown_theme', `${path}themeIds.${themeIds.indexOf(wanted[missing] ?? '')}`, 'no such theme in this territory');
  }
  await s.tx.delete(organizationThemes).where(eq(organizationThemes.organizationId, organizationId));
  if (wanted.length) {
    await s.tx.insert(organizationThemes).values(wanted.map((themeId) => ({ territoryId: s.territory.id, organizationId, themeId })));
  }
}

/** The full DTO of one organisation, as stored now. */
export async function organizationDto(s: Scoped, row: OrganizationRow): Promise<TOrganization> {
  return toOrganization(row, await loadExtras(s.tx, [row.id]));
}

async function reload(s: Scoped, id: string): Promise<TOrganization> {
  await refreshSearchFields(s.tx, [id]);
  const [row] = await s.tx.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw new AppError('organization_not_found');
  return organizationDto(s, row);
}

/** Creates an organisation in the caller's transaction, audited. `path` prefixes field errors (an import names its row). */
export async function createOrganization(s: Scoped, input: TCreateOrganizationRequest, path = 'body.'): Promise<TOrganization> {
  const values = await valuesOf(s, input, null, path);
  await assertUnique(s, values, null);
  const [row] = await s.tx
    .insert(organizations)
    .values({
      ...values,
      kind: input.kind,
      name: input.name,
      territoryId: s.territory.id,
      publicFields: values.publicFields ?? defaultPublicFields,
    })
    .returning();
  if (!row) throw new AppError('internal');
  if (input.themeIds) await setThemes(s, row.id, input.themeIds, path);
  const after = await reload(s, row.id);
  await record(s, 'create', 'organization', row.id, { after });
  return after;
}

/** Applies a partial update in the caller's transaction, audited with before and after. */
export async function updateOrganization(s: Scoped, before: OrganizationRow, input: Input, path = 'body.'): Promise<TOrganization> {
  const previous = await organizationDto(s, before);
  const values = await valuesOf(s, input, before, path);
  await assertUnique(s, values, before.id);
  await s.tx
    .update(organizations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organizations.id, before.id));
  if (input.themeIds) await setThemes(s, before.id, input.themeIds, path);
  const after = await reload(s, before.id);
  await record(s, 'update', 'organization', before.id, { before: previous, after });
  return after;
}

/** Deletes an organisation (its themes, figures, relationships and affiliations go with it), audited. */
export async function deleteOrganization(s: Scoped, before: OrganizationRow): Promise<void> {
  const previous = await organizationDto(s, before);
  await s.tx.delete(organizations).where(eq(organizations.id, before.id));
  await record(s, 'delete', 'organization', before.id, { before: previous });
}
