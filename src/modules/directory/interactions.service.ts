import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { actorId } from '../../platform/policy/actor.ts';
import { authorize } from '../../platform/policy/policy.ts';
import { users } from '../identity/index.ts';
import type { TCreateInteractionRequest, TInteraction, TUpdateInteractionRequest } from './crm.contract.ts';
import type { TPage } from './directory.contract.ts';
import { directoryPolicy } from './directory.policy.ts';
import { interactionPeople, interactions, people } from './directory.tables.ts';
import { requireOrganization } from './organization-dto.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

type Row = typeof interactions.$inferSelect;

/** The display name of a person in the CRM: first and last name (an erased person reads "Personne effacée"). */
export const personName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** The DTOs of these interactions, with their people and author, in three queries. */
async function toInteractions(tx: Db, rows: Row[]): Promise<TInteraction[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const links = await tx
    .select({ interactionId: interactionPeople.interactionId, id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(interactionPeople)
    .innerJoin(people, eq(people.id, interactionPeople.personId))
    .where(inArray(interactionPeople.interactionId, ids))
    .orderBy(asc(people.lastName), asc(people.firstName));
  const authorIds = [...new Set(rows.flatMap((r) => (r.authorId ? [r.authorId] : [])))];
  const authors = authorIds.length
    ? await tx.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, authorIds))
    : [];
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organizationId,
    kind: r.kind as TInteraction['kind'],
    occurredAt: r.occurredAt.toISOString(),
    summary: r.summary,
    body: r.body,
    people: links.filter((l) => l.interactionId === r.id).map((l) => ({ id: l.id, name: personName(l) })),
    author: authors.find((a) => a.id === r.authorId) ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

async function one(tx: Db, row: Row): Promise<TInteraction> {
  const [dto] = await toInteractions(tx, [row]);
  if (!dto) throw new AppError('internal');
  return dto;
}

/** Checks that every person named is a (not erased) person of the territory: 404 naming the first unknown one. */
async function checkPeople(s: Scoped, ids: string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return wanted;
  const found = await s.tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.territoryId, s.territory.id), inArray(people.id, wanted), isNull(people.erasedAt)));
  const known = new Set(found.map((f) => f.id));
  const missing = ids.findIndex((id) => !known.has(id));
  if (missing >= 0) {
    throw new AppError('person_not_found', `no person ${ids[missing]}`, {
      errors: [{ path: `body.personIds.${missing}`, code: 'not_found', message: 'no such person in this territory' }],
    });
  }
  return wanted;
}

async function setPeople(s: Scoped, interactionId: string, personIds: string[]): Promise<void> {
  await s.tx.delete(interactionPeople).where(eq(interactionPeople.interactionId, interactionId));
  if (personIds.length) {
    await s.tx.insert(interactionPeople).values(personIds.map((personId) => ({ territoryId: s.territory.id, interactionId, personId })));
  }
}

/** The interaction of this territory with this id, or 404; then whether the actor may edit it (author or admin). */
async function requireEditable(s: Scoped, id: string): Promise<Row> {
  const [row] = await s.tx
    .select()
    .from(interactions)
    .where(and(eq(interactions.id, id), eq(interactions.territoryId, s.territory.id)))
    .limit(1);
  if (!row) throw new AppError('interaction_not_found', `no interaction ${id}`);
  authorize(directoryPolicy, s.ctx.actor, 'interaction.edit', { territoryId: s.territory.id, authorId: row.authorId });
  return row;
}

/** The staff's CRM timeline of each organisation: notes, meetings, calls, e-mails, events. */
export function createInteractionsService({ database }: Pick<Deps, 'database'>) {
  return {
    /** An organisation's timeline, newest first. */
    list(ctx: Ctx, slug: string, organizationId: string, page: TPage) {
      return inTerritory(database, ctx, slug, 'directory.read', async ({ tx, territory }) => {
        await requireOrganization(tx, territory.id, organizationId);
        const where = eq(interactions.organizationId, organizationId);
        const rows = await tx
          .select()
          .from(interactions)
          .where(where)
          .orderBy(desc(interactions.occurredAt), desc(interactions.createdAt), asc(interactions.id))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize);
        const [total] = await tx.select({ n: count() }).from(interactions).where(where);
        return { items: await toInteractions(tx, rows), total: Number(total?.n ?? 0), ...page };
      });
    },

    create(ctx: Ctx, slug: string, organizationId: string, input: TCreateInteractionRequest): Promise<TInteraction> {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) => {
        await requireOrganization(s.tx, s.territory.id, organizationId);
        const personIds = await checkPeople(s, input.personIds ?? []);
        const [row] = await s.tx
          .insert(interactions)
          .values({
            territoryId: s.territory.id,
            organizationId,
            kind: input.kind,
            occurredAt: new Date(input.occurredAt),
            summary: input.summary,
            body: input.body ?? null,
            authorId: actorId(ctx.actor),
          })
          .returning();
        if (!row) throw new AppError('internal');
        await setPeople(s, row.id, personIds);
        const after = await one(s.tx, row);
        await record(s, 'create', 'interaction', row.id, { after });
        return after;
      });
    },

    update(ctx: Ctx, slug: string, id: string, input: TUpdateInteractionRequest): Promise<TInteraction> {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) => {
        const current = await requireEditable(s, id);
        const before = await one(s.tx, current);
        const personIds = input.personIds ? await checkPeople(s, input.personIds) : null;
        const [row] = await s.tx
          .update(interactions)
          .set({
            ...(input.kind ? { kind: input.kind } : {}),
            ...(input.occurredAt ? { occurredAt: new Date(input.occurredAt) } : {}),
            ...(input.summary ? { summary: input.summary } : {}),
            ...(input.body !== undefined ? { body: input.body } : {}),
            updatedAt: new Date(),
          })
          .where(eq(interactions.id, id))
          .returning();
        if (!row) throw new AppError('internal');
        if (personIds) await setPeople(s, id, personIds);
        const after = await one(s.tx, row);
        await record(s, 'update', 'interaction', id, { before, after });
        return after;
      });
    },

    remove(ctx: Ctx, slug: string, id: string): Promise<void> {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) => {
        const before = await one(s.tx, await requireEditable(s, id));
        await s.tx.delete(interactions).where(eq(interactions.id, id));
        await record(s, 'delete', 'interaction', id, { before });
      });
    },
  };
}
export type InteractionsService = ReturnType<typeof createInteractionsService>;
