import { and, eq, or, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error.ts';
import {
  affiliations,
  organizationMetrics,
  organizations,
  organizationThemes,
  organizationRelationships as rel,
} from './directory.tables.ts';
import { type OrganizationRow, refreshSearchFields, requireOrganization } from './organization-dto.ts';
import { organizationDto } from './organization-writes.ts';
import { record, type Scoped } from './scope.ts';

/** Columns the kept organisation takes from the duplicate when it has no value of its own. */
const fillable = [
  'legalName',
  'siren',
  'siret',
  'rna',
  'street',
  'postalCode',
  'city',
  'communeInsee',
  'communeName',
  'website',
  'descriptionFr',
  'descriptionEn',
  'logoUrl',
  'foundingYear',
  'sector',
  'externalId',
] as const;

function filled(kept: OrganizationRow, dup: OrganizationRow): Partial<OrganizationRow> {
  const out: Record<string, unknown> = {};
  for (const key of fillable) if (kept[key] === null && dup[key] !== null) out[key] = dup[key];
  if (out.communeInsee) out.inTerritory = dup.inTerritory;
  // A SIRET taken from the duplicate must agree with the kept SIREN (the table checks it).
  if (out.siret && kept.siren && !String(out.siret).startsWith(kept.siren)) delete out.siret;
  if (out.siren && kept.siret && !kept.siret.startsWith(String(out.siren))) delete out.siren;
  out.tags = [...new Set([...kept.tags, ...dup.tags])];
  return out as Partial<OrganizationRow>;
}

/** Moves the duplicate's relationships to the kept organisation, dropping those that would repeat or loop. */
async function moveRelationships(s: Scoped, keptId: string, dupId: string) {
  const { tx } = s;
  await tx
    .delete(rel)
    .where(or(and(eq(rel.sourceId, dupId), eq(rel.targetId, keptId)), and(eq(rel.sourceId, keptId), eq(rel.targetId, dupId))));
  await tx.execute(sql`DELETE FROM ${rel} r WHERE r.source_id = ${dupId} AND EXISTS
    (SELECT 1 FROM ${rel} k WHERE k.source_id = ${keptId} AND k.target_id = r.target_id AND k.kind = r.kind)`);
  await tx.execute(sql`DELETE FROM ${rel} r WHERE r.target_id = ${dupId} AND EXISTS
    (SELECT 1 FROM ${rel} k WHERE k.target_id = ${keptId} AND k.source_id = r.source_id AND k.kind = r.kind)`);
  await tx.update(rel).set({ sourceId: keptId }).where(eq(rel.sourceId, dupId));
  await tx.update(rel).set({ targetId: keptId }).where(eq(rel.targetId, dupId));
}

/**
 * Folds a duplicate into the kept organisation, in the caller's transaction: the kept one takes the
 * values it lacks, the union of tags and themes, the duplicate's figures, relationships and people;
 * then the duplicate is deleted. Both sides are audited.
 */
export async function mergeOrganizations(s: Scoped, keptId: string, dupId: string) {
  if (keptId === dupId) {
    throw new AppError('validation_failed', undefined, {
      errors: [{ path: 'body.duplicateId', code: 'invalid', message: 'an organisation cannot be merged into itself' }],
    });
  }
  const kept = await requireOrganization(s.tx, s.territory.id, keptId);
  const dup = await requireOrganization(s.tx, s.territory.id, dupId);
  const keptBefore = await organizationDto(s, kept);
  const dupBefore = await organizationDto(s, dup);
  // Free the duplicate's unique identifiers before the kept organisation takes them.
  await s.tx.update(organizations).set({ siret: null, externalId: null }).where(eq(organizations.id, dupId));
  await s.tx
    .update(organizations)
    .set({ ...filled(kept, dup), updatedAt: new Date() })
    .where(eq(organizations.id, keptId));
  await s.tx.execute(sql`INSERT INTO ${organizationThemes} (territory_id, organization_id, theme_id)
    SELECT territory_id, ${keptId}, theme_id FROM ${organizationThemes} WHERE organization_id = ${dupId} ON CONFLICT DO NOTHING`);
  await s.tx.update(organizationMetrics).set({ organizationId: keptId }).where(eq(organizationMetrics.organizationId, dupId));
  await s.tx.update(affiliations).set({ organizationId: keptId }).where(eq(affiliations.organizationId, dupId));
  await moveRelationships(s, keptId, dupId);
  await s.tx.delete(organizations).where(eq(organizations.id, dupId));
  await refreshSearchFields(s.tx, [keptId]);
  const after = await organizationDto(s, await requireOrganization(s.tx, s.territory.id, keptId));
  await record(s, 'merge', 'organization', keptId, { before: { kept: keptBefore, duplicate: dupBefore }, after });
  await record(s, 'merged_into', 'organization', dupId, { before: dupBefore, after: { mergedInto: keptId } });
  return after;
}
