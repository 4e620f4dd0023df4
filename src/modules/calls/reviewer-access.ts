/**
 * What a reviewer may see of an application. Conflicts detected from the directory exclude the
 * pair outright; otherwise the reviewer sees the full file only once they have declared no conflict.
 */
import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { instantToZoned } from '../../platform/time/index.ts';
import { affiliations, organizationRelationships, people } from '../directory/index.ts';
import { users } from '../identity/index.ts';
import { conflictDeclarations, reviews } from './calls.tables.ts';
import type { Scoped } from './scope.ts';

/** The organisations a reviewer's account belongs to, through the directory person with its e-mail. */
async function organisationsOf(s: Scoped, reviewerIds: readonly string[], now: Date) {
  if (!reviewerIds.length) return [];
  const today = instantToZoned(now, s.territory.timeZone).date;
  return s.tx
    .select({ reviewerId: users.id, organizationId: affiliations.organizationId })
    .from(users)
    .innerJoin(people, sql`lower(${people.email}) = lower(${users.email})`)
    .innerJoin(affiliations, eq(affiliations.personId, people.id))
    .where(
      and(inArray(users.id, [...reviewerIds]), isNull(people.erasedAt), or(isNull(affiliations.endedOn), gte(affiliations.endedOn, today))),
    );
}

/**
 * Detected conflicts between reviewers and applicant organisations, as `reviewerId:organizationId`:
 * the reviewer is affiliated to the organisation, or one of the reviewer's organisations has a
 * directory relationship with it (either way round).
 */
export async function detectedConflicts(s: Scoped, reviewerIds: readonly string[], organizationIds: readonly string[], now: Date) {
  const found = new Set<string>();
  const links = await organisationsOf(s, reviewerIds, now);
  for (const l of links) found.add(`${l.reviewerId}:${l.organizationId}`);
  const own = [...new Set(links.map((l) => l.organizationId))];
  if (!own.length || !organizationIds.length) return found;
  const rels = await s.tx
    .select({ a: organizationRelationships.sourceId, b: organizationRelationships.targetId })
    .from(organizationRelationships)
    .where(
      or(
        and(inArray(organizationRelationships.sourceId, own), inArray(organizationRelationships.targetId, [...organizationIds])),
        and(inArray(organizationRelationships.targetId, own), inArray(organizationRelationships.sourceId, [...organizationIds])),
      ),
    );
  for (const r of rels)
    for (const l of links) {
      if (l.organizationId === r.a) found.add(`${l.reviewerId}:${r.b}`);
      if (l.organizationId === r.b) found.add(`${l.reviewerId}:${r.a}`);
    }
  return found;
}

export type TAccess = 'none' | 'summary' | 'full';

/**
 * A reviewer's access to an application: `none` without an assignment or with a conflict (declared
 * or detected), `summary` (organisation name and call) until they declare, `full` after declaring none.
 */
export async function reviewerAccess(s: Scoped, reviewerId: string, applicationId: string, organizationId: string, now: Date) {
  const [assigned] = await s.tx
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.applicationId, applicationId), eq(reviews.reviewerId, reviewerId)))
    .limit(1);
  if (!assigned) return 'none' as TAccess;
  if ((await detectedConflicts(s, [reviewerId], [organizationId], now)).has(`${reviewerId}:${organizationId}`)) return 'none' as TAccess;
  const [declared] = await s.tx
    .select({ kind: conflictDeclarations.kind })
    .from(conflictDeclarations)
    .where(and(eq(conflictDeclarations.applicationId, applicationId), eq(conflictDeclarations.reviewerId, reviewerId)))
    .limit(1);
  if (!declared) return 'summary' as TAccess;
  return (declared.kind === null ? 'full' : 'none') as TAccess;
}
