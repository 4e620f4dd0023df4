import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { affiliationsWhere, ofOrganization } from './affiliations.service.ts';
import type { TCreateOrganizationRequest, TOrganization, TOrganizationDetail, TUpdateOrganizationRequest } from './directory.contract.ts';
import { organizations } from './directory.tables.ts';
import type { TBulkTagRequest } from './merge.contract.ts';
import { mergeOrganizations } from './merge.ts';
import { refreshSearchFields, requireOrganization } from './organization-dto.ts';
import { createOrganization, deleteOrganization, organizationDto, updateOrganization } from './organization-writes.ts';
import { relationshipsOf } from './relationships.service.ts';
import { inTerritory, record } from './scope.ts';

const firstPage = { page: 1, pageSize: 50 };

/** Organisations for the staff: full records, creation, editing, deletion, merging duplicates, tagging in bulk. */
export function createOrganizationsService({ database }: Pick<Deps, 'database'>) {
  return {
    /** One organisation with its latest figures, its relationships both ways and its people (first 50 of each). */
    get(ctx: Ctx, slug: string, id: string): Promise<TOrganizationDetail> {
      return inTerritory(database, ctx, slug, 'directory.read', async (s) => {
        const row = await requireOrganization(s.tx, s.territory.id, id);
        const dto = await organizationDto(s, row);
        const links = await relationshipsOf(s.tx, id, firstPage);
        const people = await affiliationsWhere(s.tx, ofOrganization(id), firstPage);
        return {
          ...dto,
          relationships: links.items,
          relationshipCount: links.total,
          affiliations: people.items,
          affiliationCount: people.total,
        };
      });
    },

    create(ctx: Ctx, slug: string, input: TCreateOrganizationRequest): Promise<TOrganization> {
      return inTerritory(database, ctx, slug, 'directory.write', (s) => createOrganization(s, input));
    },

    update(ctx: Ctx, slug: string, id: string, input: TUpdateOrganizationRequest): Promise<TOrganization> {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) =>
        updateOrganization(s, await requireOrganization(s.tx, s.territory.id, id), input),
      );
    },

    remove(ctx: Ctx, slug: string, id: string): Promise<void> {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) =>
        deleteOrganization(s, await requireOrganization(s.tx, s.territory.id, id)),
      );
    },

    /** Folds a duplicate into the organisation kept: see `mergeOrganizations`. */
    merge(ctx: Ctx, slug: string, keptId: string, duplicateId: string): Promise<TOrganization> {
      return inTerritory(database, ctx, slug, 'directory.write', (s) => mergeOrganizations(s, keptId, duplicateId));
    },

    /** Adds and removes tags on many organisations at once; each change is audited. */
    bulkTag(ctx: Ctx, slug: string, input: TBulkTagRequest): Promise<{ updated: number }> {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) => {
        const ids = [...new Set(input.organizationIds)];
        const rows = await s.tx
          .select()
          .from(organizations)
          .where(and(eq(organizations.territoryId, s.territory.id), inArray(organizations.id, ids)));
        const missing = ids.find((id) => !rows.some((r) => r.id === id));
        if (missing) {
          throw new AppError('organization_not_found', undefined, {
            errors: [
              {
                path: `body.organizationIds.${input.organizationIds.indexOf(missing)}`,
                code: 'not_found',
                message: `no organisation ${missing}`,
              },
            ],
          });
        }
        const remove = new Set(input.remove ?? []);
        let updated = 0;
        for (const row of rows) {
          const tags = [...new Set([...row.tags.filter((t) => !remove.has(t)), ...(input.add ?? [])])];
          if (tags.length === row.tags.length && tags.every((t) => row.tags.includes(t))) continue;
          await s.tx.update(organizations).set({ tags, updatedAt: new Date() }).where(eq(organizations.id, row.id));
          await record(s, 'update', 'organization', row.id, { before: { tags: row.tags }, after: { tags } });
          updated += 1;
        }
        await refreshSearchFields(s.tx, ids);
        return { updated };
      });
    },
  };
}
export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
