import { and, asc, count, eq, isNull, type SQL } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { TAffiliationView, TOrganizationKind, TPage } from './directory.contract.ts';
import { affiliations, organizations, people } from './directory.tables.ts';
import { requireOrganization } from './organization-dto.ts';
import type { TCreateAffiliationRequest, TUpdateAffiliationRequest } from './people.contract.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

type Row = typeof affiliations.$inferSelect;

/** Affiliations matching `where` (one person's or one organisation's), with both ends named. */
export async function affiliationsWhere(tx: Db, where: SQL | undefined, page: TPage) {
  const rows = await tx
    .select({
      a: affiliations,
      person: { id: people.id, firstName: people.firstName, lastName: people.lastName },
      organization: { id: organizations.id, name: organizations.name, kind: organizations.kind },
    })
    .from(affiliations)
    .innerJoin(people, eq(people.id, affiliations.personId))
    .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
    .where(where)
    .orderBy(asc(people.lastName), asc(organizations.name), asc(affiliations.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await tx
    .select({ n: count() })
    .from(affiliations)
    .innerJoin(people, eq(people.id, affiliations.personId))
    .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
    .where(where);
  const items: TAffiliationView[] = rows.map(({ a, person, organization }) => ({
    id: a.id,
    person,
    organization: { ...organization, kind: organization.kind as TOrganizationKind },
    title: a.title,
    startedOn: a.startedOn,
    endedOn: a.endedOn,
  }));
  return { items, total: Number(total?.n ?? 0) };
}

export const ofPerson = (personId: string) => eq(affiliations.personId, personId);
/** An organisation's people, erased people excepted. */
export const ofOrganization = (organizationId: string) => and(eq(affiliations.organizationId, organizationId), isNull(people.erasedAt));

async function view(s: Scoped, id: string): Promise<TAffiliationView> {
  const { items } = await affiliationsWhere(s.tx, eq(affiliations.id, id), { page: 1, pageSize: 1 });
  const [item] = items;
  if (!item) throw new AppError('not_found', 'no such affiliation');
  return item;
}

async function requireAffiliation(s: Scoped, id: string): Promise<Row> {
  const [row] = await s.tx
    .select()
    .from(affiliations)
    .where(and(eq(affiliations.id, id), eq(affiliations.territoryId, s.territory.id)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'no such affiliation');
  return row;
}

/** Links a person to an organisation, in the caller's transaction, audited (the payload names the person for erasure). */
export async function addAffiliation(s: Scoped, personId: string, input: TCreateAffiliationRequest): Promise<TAffiliationView> {
  const [person] = await s.tx
    .select({ id: people.id, erasedAt: people.erasedAt })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.territoryId, s.territory.id)));
  if (!person || person.erasedAt) throw new AppError('person_not_found', `no person ${personId}`);
  await requireOrganization(s.tx, s.territory.id, input.organizationId);
  const [row] = await s.tx
    .insert(affiliations)
    .values({
      territoryId: s.territory.id,
      personId,
      organizationId: input.organizationId,
      title: input.title ?? null,
      startedOn: input.startedOn ?? null,
      endedOn: input.endedOn ?? null,
    })
    .returning();
  if (!row) throw new AppError('internal');
  await record(s, 'create', 'affiliation', row.id, { after: row });
  return view(s, row.id);
}

export function createAffiliationsService({ database }: Pick<Deps, 'database'>) {
  return {
    add(ctx: Ctx, slug: string, personId: string, input: TCreateAffiliationRequest) {
      return inTerritory(database, ctx, slug, 'directory.write', (s) => addAffiliation(s, personId, input));
    },

    update(ctx: Ctx, slug: string, id: string, input: TUpdateAffiliationRequest) {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) => {
        const before = await requireAffiliation(s, id);
        const next = { ...before, ...input };
        if (next.startedOn && next.endedOn && next.endedOn < next.startedOn) {
          throw new AppError('validation_failed', undefined, {
            errors: [{ path: 'body.endedOn', code: 'invalid', message: 'the end date must not precede the start date' }],
          });
        }
        const [after] = await s.tx
          .update(affiliations)
          .set({ title: next.title, startedOn: next.startedOn, endedOn: next.endedOn })
          .where(eq(affiliations.id, id))
          .returning();
        await record(s, 'update', 'affiliation', id, { before, after });
        return view(s, id);
      });
    },

    remove(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) => {
        const before = await requireAffiliation(s, id);
        await s.tx.delete(affiliations).where(eq(affiliations.id, id));
        await record(s, 'delete', 'affiliation', id, { before });
      });
    },
  };
}
export type AffiliationsService = ReturnType<typeof createAffiliationsService>;
