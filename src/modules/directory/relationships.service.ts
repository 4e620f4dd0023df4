import { and, asc, count, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { TOrganizationKind, TPage, TRelationshipView } from './directory.contract.ts';
import { organizationRelationships, organizations } from './directory.tables.ts';
import type { TCreateRelationshipRequest, TRelationship, TUpdateRelationshipRequest } from './links.contract.ts';
import { requireOrganization } from './organization-dto.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

type Row = typeof organizationRelationships.$inferSelect;
const rel = organizationRelationships;
const ref = (o: { id: string; name: string; kind: string }) => ({ id: o.id, name: o.name, kind: o.kind as TOrganizationKind });

/**
 * An organisation's relationships seen from its side, both ways: those it is the subject of
 * (outgoing) and those it is the object of (incoming). `publicOnly` keeps links between public
 * organisations that both show their relationships.
 */
export async function relationshipsOf(tx: Db, organizationId: string, page: TPage, publicOnly = false) {
  const other = alias(organizations, 'other');
  const otherId = sql`CASE WHEN ${rel.sourceId} = ${organizationId} THEN ${rel.targetId} ELSE ${rel.sourceId} END`;
  const where = and(
    or(eq(rel.sourceId, organizationId), eq(rel.targetId, organizationId)),
    publicOnly ? sql`${other.isPublic} AND 'relationships' = ANY(${other.publicFields})` : undefined,
  );
  const rows = await tx
    .select({ r: rel, other: { id: other.id, name: other.name, kind: other.kind } })
    .from(rel)
    .innerJoin(other, eq(other.id, otherId))
    .where(where)
    .orderBy(asc(rel.kind), asc(other.name), asc(rel.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await tx.select({ n: count() }).from(rel).innerJoin(other, eq(other.id, otherId)).where(where);
  const items: TRelationshipView[] = rows.map(({ r, other: o }) => ({
    id: r.id,
    kind: r.kind as TRelationshipView['kind'],
    direction: r.sourceId === organizationId ? 'outgoing' : 'incoming',
    other: ref(o),
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    note: publicOnly ? null : r.note,
  }));
  return { items, total: Number(total?.n ?? 0), ...page };
}

async function toRelationship(s: Scoped, r: Row): Promise<TRelationship> {
  const source = await requireOrganization(s.tx, s.territory.id, r.sourceId);
  const target = await requireOrganization(s.tx, s.territory.id, r.targetId);
  return {
    id: r.id,
    kind: r.kind as TRelationship['kind'],
    source: ref(source),
    target: ref(target),
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    note: r.note,
  };
}

async function requireRelationship(s: Scoped, id: string): Promise<Row> {
  const [r] = await s.tx
    .select()
    .from(rel)
    .where(and(eq(rel.id, id), eq(rel.territoryId, s.territory.id)))
    .limit(1);
  if (!r) throw new AppError('relationship_not_found', `no relationship ${id}`);
  return r;
}

/** Creates a relationship in the caller's transaction (409 if the same one exists), audited. */
export async function createRelationship(s: Scoped, input: TCreateRelationshipRequest): Promise<TRelationship> {
  await requireOrganization(s.tx, s.territory.id, input.sourceId);
  await requireOrganization(s.tx, s.territory.id, input.targetId);
  const [dup] = await s.tx
    .select({ id: rel.id })
    .from(rel)
    .where(and(eq(rel.sourceId, input.sourceId), eq(rel.targetId, input.targetId), eq(rel.kind, input.kind)));
  if (dup) throw new AppError('conflict', 'this relationship exists already');
  const [row] = await s.tx
    .insert(rel)
    .values({
      territoryId: s.territory.id,
      sourceId: input.sourceId,
      targetId: input.targetId,
      kind: input.kind,
      startedOn: input.startedOn ?? null,
      endedOn: input.endedOn ?? null,
      note: input.note ?? null,
    })
    .returning();
  if (!row) throw new AppError('internal');
  const after = await toRelationship(s, row);
  await record(s, 'create', 'relationship', row.id, { after });
  return after;
}

export function createRelationshipsService({ database }: Pick<Deps, 'database'>) {
  return {
    /** One organisation's relationships, both ways (staff view). */
    list(ctx: Ctx, slug: string, organizationId: string, page: TPage) {
      return inTerritory(database, ctx, slug, 'directory.read', async ({ tx, territory }) => {
        await requireOrganization(tx, territory.id, organizationId);
        return relationshipsOf(tx, organizationId, page);
      });
    },

    create(ctx: Ctx, slug: string, input: TCreateRelationshipRequest) {
      return inTerritory(database, ctx, slug, 'directory.write', (s) => createRelationship(s, input));
    },

    update(ctx: Ctx, slug: string, id: string, input: TUpdateRelationshipRequest) {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) => {
        const current = await requireRelationship(s, id);
        const before = await toRelationship(s, current);
        const next = { ...current, ...input, updatedAt: new Date() };
        if (next.startedOn && next.endedOn && next.endedOn < next.startedOn) {
          throw new AppError('validation_failed', undefined, {
            errors: [{ path: 'body.endedOn', code: 'invalid', message: 'the end date must not precede the start date' }],
          });
        }
        const [row] = await s.tx
          .update(rel)
          .set({ startedOn: next.startedOn, endedOn: next.endedOn, note: next.note, updatedAt: next.updatedAt })
          .where(eq(rel.id, id))
          .returning();
        if (!row) throw new AppError('internal');
        const after = await toRelationship(s, row);
        await record(s, 'update', 'relationship', id, { before, after });
        return after;
      });
    },

    remove(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) => {
        const before = await toRelationship(s, await requireRelationship(s, id));
        await s.tx.delete(rel).where(eq(rel.id, id));
        await record(s, 'delete', 'relationship', id, { before });
      });
    },
  };
}
export type RelationshipsService = ReturnType<typeof createRelationshipsService>;
