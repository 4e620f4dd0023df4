import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { Beside, Database, Db, TransactionOptions } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { TOrganization, TPublicOrganization } from './directory.contract.ts';
import { organizations } from './directory.tables.ts';
import { organizationJsonLd } from './json-ld.ts';
import { loadExtras, type OrganizationRow, rowColumns, toOrganization, toOrganizations, toPublicOrganization } from './organization-dto.ts';
import { relationshipsOf } from './relationships.service.ts';
import { inTerritory } from './scope.ts';
import type { TFacets, TOrganizationSearchQuery } from './search.contract.ts';
import { type Audience, filtersBut, planSearch } from './search.ts';
import { runSearch } from './search-query.ts';

type Found = { items: TOrganization[]; total: number; page: number; pageSize: number; facets: TFacets };

/** The organisations with these ids, in this order. */
async function rowsInOrder(tx: Db, ids: string[]) {
  if (!ids.length) return [];
  const rows = (await tx.select(rowColumns).from(organizations).where(inArray(organizations.id, ids))) as OrganizationRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One page of organisations matching the query, best first (or by name without text), with facet
 * counts. With `database.alongside` (PostgreSQL), the page and its organisations are read beside
 * the counts. Exported for the search benchmark, which runs it bare as the floor of the API.
 */
export async function searchOrganizations(
  tx: Db,
  territoryId: string,
  query: TOrganizationSearchQuery,
  audience: Audience,
  locale: Ctx['locale'],
  database?: Pick<Database, 'alongside'>,
): Promise<Found> {
  const plan = await planSearch(tx, territoryId, query, audience);
  const alongside = database?.alongside;
  const beside: Beside | undefined = alongside && ((fn, snapshot) => alongside({ territoryId }, fn, snapshot));
  const load = async (db: Db, ids: string[]) => toOrganizations(db, await rowsInOrder(db, ids));
  const found = await runSearch(tx, plan, query, locale, { beside, load });
  return {
    items: found.loaded ?? [],
    total: found.total,
    page: query.page,
    pageSize: query.pageSize,
    facets: found.facets,
  };
}

/**
 * A search's transaction: one snapshot throughout (it only reads, so it never fails to serialise),
 * which the page read beside the counts shares, so that the total and the facets count the rows the
 * page is taken from whatever is committed meanwhile.
 */
export const searchTransaction: TransactionOptions = { isolation: 'repeatable read' };

/** Searching the directory: the public portal (public organisations and fields only) and the staff's full view. */
export function createSearchService({ database }: Pick<Deps, 'database'>) {
  return {
    /** The public directory: only public organisations, only the fields each one made public. */
    publicSearch(ctx: Ctx, slug: string, query: TOrganizationSearchQuery) {
      return inTerritory(
        database,
        ctx,
        slug,
        'directory.read_public',
        async ({ tx, territory }) => {
          const found = await searchOrganizations(tx, territory.id, query, 'public', ctx.locale, database);
          return { ...found, items: found.items.map(toPublicOrganization) };
        },
        searchTransaction,
      );
    },

    /** The staff's search over every organisation, with full records. */
    staffSearch(ctx: Ctx, slug: string, query: TOrganizationSearchQuery) {
      return inTerritory(
        database,
        ctx,
        slug,
        'directory.read',
        ({ tx, territory }) => searchOrganizations(tx, territory.id, query, 'staff', ctx.locale, database),
        searchTransaction,
      );
    },

    /** One public organisation's page; a non-public one does not exist for the public (404). */
    publicGet(ctx: Ctx, slug: string, id: string): Promise<TPublicOrganization> {
      return inTerritory(database, ctx, slug, 'directory.read_public', async ({ tx, territory }) => {
        const [row] = await tx
          .select(rowColumns)
          .from(organizations)
          .where(and(eq(organizations.id, id), eq(organizations.territoryId, territory.id), eq(organizations.isPublic, true)))
          .limit(1);
        if (!row) throw new AppError('organization_not_found', `no public organisation ${id}`);
        const view = toPublicOrganization(toOrganization(row, await loadExtras(tx, [row.id])));
        if (!row.publicFields.includes('relationships')) return { ...view, jsonLd: organizationJsonLd(view) };
        const links = await relationshipsOf(tx, row.id, { page: 1, pageSize: 100 }, true);
        return { ...view, relationships: links.items, jsonLd: organizationJsonLd(view, links.items) };
      });
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;

/** Used by the export: every organisation matching the filters, in name order (no pagination: it is a file). */
export async function allMatching(tx: Db, territoryId: string, query: TOrganizationSearchQuery) {
  const plan = await planSearch(tx, territoryId, query, 'staff');
  const rows = await tx
    .select(rowColumns)
    .from(organizations)
    .where(inArray(organizations.id, sql`(SELECT s.organization_id FROM ${plan.source} WHERE ${filtersBut(plan)})`))
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(50_000);
  return toOrganizations(tx, rows as OrganizationRow[]);
}
