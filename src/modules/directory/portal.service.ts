import { type AnyColumn, and, asc, count, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { TOrganizationKind, TRelationshipKind } from './directory.contract.ts';
import { organizations, organizationRelationships as rel } from './directory.tables.ts';
import type { TKeyFigures, TPublicRelationshipQuery } from './portal.contract.ts';
import { inTerritory } from './scope.ts';

type Totals = { jobs: string | number | null; funds: string | number | null; as_of: string | null };
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** An organisation shown in the public portal with its relationships. */
const showsRelationships = (o: { isPublic: AnyColumn; publicFields: AnyColumn }) =>
  sql`${o.isPublic} AND 'relationships' = ANY(${o.publicFields})`;

/** What the public portal shows besides the directory: the ecosystem's key figures and its map of relationships. */
export function createPortalService({ database }: Pick<Deps, 'database'>) {
  return {
    /**
     * Counts of public organisations by kind, and the sums of the latest headcounts and funds raised
     * of the public organisations that show their figures (the `metrics` public field).
     */
    figures(ctx: Ctx, slug: string): Promise<TKeyFigures> {
      return inTerritory(database, ctx, slug, 'directory.read_public', async ({ tx, territory }) => {
        const byKind = await tx
          .select({ kind: organizations.kind, count: count() })
          .from(organizations)
          .where(and(eq(organizations.territoryId, territory.id), eq(organizations.isPublic, true)))
          .groupBy(organizations.kind)
          .orderBy(sql`2 DESC`, asc(organizations.kind));
        const [totals] = rowsOf<Totals>(
          await tx.execute(sql`
            WITH latest AS (
              SELECT DISTINCT ON (m.organization_id, m.metric) m.metric, m.value, m.as_of
              FROM organization_metrics m JOIN organizations o ON o.id = m.organization_id
              WHERE o.territory_id = ${territory.id} AND o.is_public AND 'metrics' = ANY(o.public_fields)
                AND m.metric IN ('headcount', 'funds_raised')
              ORDER BY m.organization_id, m.metric, m.as_of DESC, m.created_at DESC)
            SELECT sum(value) FILTER (WHERE metric = 'headcount') AS jobs,
                   sum(value) FILTER (WHERE metric = 'funds_raised') AS funds,
                   max(as_of)::text AS as_of
            FROM latest`),
        );
        const kinds = byKind.map((k) => ({ kind: k.kind as TOrganizationKind, count: Number(k.count) }));
        return {
          organizations: { total: kinds.reduce((n, k) => n + k.count, 0), byKind: kinds },
          jobs: Number(totals?.jobs ?? 0),
          fundsRaisedCents: Number(totals?.funds ?? 0),
          asOf: totals?.as_of ?? null,
        };
      });
    },

    /** Relationships between public organisations that both show their relationships (notes stay private). */
    relationships(ctx: Ctx, slug: string, query: TPublicRelationshipQuery) {
      return inTerritory(database, ctx, slug, 'directory.read_public', async ({ tx, territory }) => {
        const source = alias(organizations, 'source');
        const target = alias(organizations, 'target');
        const where = and(
          eq(rel.territoryId, territory.id),
          showsRelationships(source),
          showsRelationships(target),
          query.kind ? eq(rel.kind, query.kind) : undefined,
        );
        const from = () =>
          tx.select({ n: count() }).from(rel).innerJoin(source, eq(source.id, rel.sourceId)).innerJoin(target, eq(target.id, rel.targetId));
        const rows = await tx
          .select({
            r: rel,
            source: { id: source.id, name: source.name, kind: source.kind },
            target: { id: target.id, name: target.name, kind: target.kind },
          })
          .from(rel)
          .innerJoin(source, eq(source.id, rel.sourceId))
          .innerJoin(target, eq(target.id, rel.targetId))
          .where(where)
          .orderBy(asc(rel.kind), asc(source.name), asc(target.name), asc(rel.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize);
        const [total] = await from().where(where);
        const ref = (o: { id: string; name: string; kind: string }) => ({ ...o, kind: o.kind as TOrganizationKind });
        return {
          items: rows.map(({ r, source: s, target: t }) => ({
            id: r.id,
            kind: r.kind as TRelationshipKind,
            source: ref(s),
            target: ref(t),
            startedOn: r.startedOn,
            endedOn: r.endedOn,
          })),
          total: Number(total?.n ?? 0),
          page: query.page,
          pageSize: query.pageSize,
        };
      });
    },
  };
}
export type PortalService = ReturnType<typeof createPortalService>;
