import { and, asc, count, eq, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { affiliationsWhere, ofPerson } from './affiliations.service.ts';
import { affiliations, organizations, people } from './directory.tables.ts';
import type { TCreatePersonRequest, TPeopleQuery, TPerson, TPersonDetail, TPublicPerson, TUpdatePersonRequest } from './people.contract.ts';
import { inTerritory, record, type Scoped } from './scope.ts';
import { wordsMatch } from './search.ts';

export type PersonRow = typeof people.$inferSelect;

export const toPerson = (p: PersonRow): TPerson => ({
  id: p.id,
  firstName: p.firstName,
  lastName: p.lastName,
  email: p.email,
  phone: p.phone,
  skills: p.skills,
  languages: p.languages,
  offers: p.offers as TPerson['offers'],
  seeks: p.seeks as TPerson['seeks'],
  legalBasis: p.legalBasis as TPerson['legalBasis'],
  purpose: p.purpose,
  consentPublicProfile: p.consentPublicProfile,
  consentContact: p.consentContact,
  consentAt: p.consentAt?.toISOString() ?? null,
  publicProfile: p.publicProfile,
  externalId: p.externalId,
  erasedAt: p.erasedAt?.toISOString() ?? null,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** The person of this territory with this id, or 404 (an erased person is kept only as an anonymous row). */
export async function requirePerson(tx: Db, territoryId: string, id: string, { erased = false } = {}): Promise<PersonRow> {
  const [row] = await tx
    .select()
    .from(people)
    .where(and(eq(people.id, id), eq(people.territoryId, territoryId), erased ? undefined : isNull(people.erasedAt)))
    .limit(1);
  if (!row) throw new AppError('person_not_found', `no person ${id}`);
  return row;
}

/** The searchable document: names, skills and languages; never contact details, so that public search reveals none. */
/** Exported for bulk loaders (benchmarks), so that they index people exactly as the service does. */
export const personSearchDoc = sql`totem_search_doc(${people.firstName} || ' ' || ${people.lastName},
  concat_ws(' ', array_to_string(${people.skills}, ' '), array_to_string(${people.languages}, ' ')))`;

async function assertUnique(
  s: Scoped,
  p: { email?: string | null | undefined; externalId?: string | null | undefined },
  selfId: string | null,
) {
  const clash: SQL[] = [];
  if (p.email) clash.push(sql`lower(${people.email}) = ${p.email.toLowerCase()}`);
  if (p.externalId) clash.push(eq(people.externalId, p.externalId));
  if (!clash.length) return;
  const [other] = await s.tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.territoryId, s.territory.id), or(...clash), selfId ? ne(people.id, selfId) : undefined))
    .limit(1);
  if (other) throw new AppError('person_exists', 'another person has this e-mail address or external identifier');
}

/** Consent rules: a public profile needs consent to it; withdrawing that consent takes the profile down. */
export function consentValues(input: TUpdatePersonRequest, before: PersonRow | null, now: Date): Partial<PersonRow> {
  const consentPublic = input.consentPublicProfile ?? before?.consentPublicProfile ?? false;
  const consentContact = input.consentContact ?? before?.consentContact ?? false;
  let publicProfile = input.publicProfile ?? before?.publicProfile ?? false;
  if (input.publicProfile && !consentPublic) {
    throw new AppError('consent_required', undefined, {
      errors: [{ path: 'body.publicProfile', code: 'consent_required', message: 'set consentPublicProfile first' }],
    });
  }
  if (!consentPublic) publicProfile = false;
  const newlyGiven = (consentPublic && !before?.consentPublicProfile) || (consentContact && !before?.consentContact);
  return {
    consentPublicProfile: consentPublic,
    consentContact,
    publicProfile,
    consentAt: newlyGiven ? now : consentPublic || consentContact ? (before?.consentAt ?? now) : null,
  };
}

const plainKeys = [
  'firstName',
  'lastName',
  'legalBasis',
  'email',
  'phone',
  'skills',
  'languages',
  'offers',
  'seeks',
  'purpose',
  'externalId',
] as const;

/** The fields copied as given (null clears them; lists lose their duplicates). */
export function plainValues(input: TUpdatePersonRequest): Partial<PersonRow> {
  const out: Record<string, unknown> = {};
  for (const key of plainKeys) {
    const v = input[key];
    if (v !== undefined) out[key] = Array.isArray(v) ? [...new Set(v)] : v;
  }
  return out as Partial<PersonRow>;
}

async function detail(tx: Db, row: PersonRow): Promise<TPersonDetail> {
  const links = await affiliationsWhere(tx, ofPerson(row.id), { page: 1, pageSize: 100 });
  return { ...toPerson(row), affiliations: links.items, affiliationCount: links.total };
}

/** Creates a person in the caller's transaction, audited. */
export async function createPerson(s: Scoped, input: TCreatePersonRequest, now: Date): Promise<TPersonDetail> {
  await assertUnique(s, input, null);
  const [row] = await s.tx
    .insert(people)
    .values({
      ...plainValues(input),
      firstName: input.firstName,
      lastName: input.lastName,
      legalBasis: input.legalBasis,
      territoryId: s.territory.id,
      ...consentValues(input, null, now),
    })
    .returning();
  if (!row) throw new AppError('internal');
  const [indexed] = await s.tx.update(people).set({ searchText: personSearchDoc }).where(eq(people.id, row.id)).returning();
  const after = await detail(s.tx, indexed ?? row);
  await record(s, 'create', 'person', row.id, { after });
  return after;
}

/** Updates a person in the caller's transaction, audited with before and after. */
export async function updatePerson(s: Scoped, before: PersonRow, input: TUpdatePersonRequest, now: Date): Promise<TPersonDetail> {
  await assertUnique(s, input, before.id);
  const previous = await detail(s.tx, before);
  await s.tx
    .update(people)
    .set({ ...plainValues(input), ...consentValues(input, before, now), updatedAt: now })
    .where(eq(people.id, before.id));
  const [row] = await s.tx.update(people).set({ searchText: personSearchDoc }).where(eq(people.id, before.id)).returning();
  if (!row) throw new AppError('internal');
  const after = await detail(s.tx, row);
  await record(s, 'update', 'person', before.id, { before: previous, after });
  return after;
}

async function searchPeople(tx: Db, territoryId: string, query: TPeopleQuery, publicOnly: boolean) {
  const { match: text } = await wordsMatch(tx, sql`${people.searchText}`, query.q);
  const email = query.q?.includes('@') && !publicOnly ? sql`lower(${people.email}) = ${query.q.trim().toLowerCase()}` : undefined;
  const where = and(
    eq(people.territoryId, territoryId),
    isNull(people.erasedAt),
    publicOnly ? eq(people.publicProfile, true) : undefined,
    email ? or(email, text) : text,
    query.offers ? sql`${query.offers} = ANY(${people.offers})` : undefined,
    query.seeks ? sql`${query.seeks} = ANY(${people.seeks})` : undefined,
    query.organizationId
      ? sql`EXISTS (SELECT 1 FROM ${affiliations} WHERE ${affiliations.personId} = ${people.id} AND ${affiliations.organizationId} = ${query.organizationId})`
      : undefined,
  );
  const rows = await tx
    .select()
    .from(people)
    .where(where)
    .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.select({ n: count() }).from(people).where(where);
  return { rows, total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

async function toPublicPerson(tx: Db, p: PersonRow): Promise<TPublicPerson> {
  const links = await affiliationsWhere(tx, and(ofPerson(p.id), eq(organizations.isPublic, true)), { page: 1, pageSize: 50 });
  const { id, firstName, lastName, skills, languages } = p;
  const { offers, seeks } = toPerson(p);
  return {
    id,
    firstName,
    lastName,
    skills,
    languages,
    offers,
    seeks,
    affiliations: links.items.map((a) => ({ organization: a.organization, title: a.title })),
  };
}

/** People of the ecosystem: staff records, and public profiles of those who consented. */
export function createPeopleService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    search(ctx: Ctx, slug: string, query: TPeopleQuery) {
      return inTerritory(database, ctx, slug, 'directory.read', async ({ tx, territory }) => {
        const found = await searchPeople(tx, territory.id, query, false);
        return { items: found.rows.map(toPerson), total: found.total, page: found.page, pageSize: found.pageSize };
      });
    },

    publicSearch(ctx: Ctx, slug: string, query: TPeopleQuery) {
      return inTerritory(database, ctx, slug, 'directory.read_public', async ({ tx, territory }) => {
        const found = await searchPeople(tx, territory.id, { ...query, organizationId: undefined }, true);
        const items: TPublicPerson[] = [];
        for (const p of found.rows) items.push(await toPublicPerson(tx, p));
        return { items, total: found.total, page: found.page, pageSize: found.pageSize };
      });
    },

    publicGet(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'directory.read_public', async ({ tx, territory }) => {
        const p = await requirePerson(tx, territory.id, id);
        if (!p.publicProfile) throw new AppError('person_not_found', `no public profile ${id}`);
        return toPublicPerson(tx, p);
      });
    },

    get(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'directory.read', async ({ tx, territory }) =>
        detail(tx, await requirePerson(tx, territory.id, id)),
      );
    },

    create(ctx: Ctx, slug: string, input: TCreatePersonRequest) {
      return inTerritory(database, ctx, slug, 'directory.write', (s) => createPerson(s, input, clock.now()));
    },

    update(ctx: Ctx, slug: string, id: string, input: TUpdatePersonRequest) {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) =>
        updatePerson(s, await requirePerson(s.tx, s.territory.id, id), input, clock.now()),
      );
    },
  };
}
export type PeopleService = ReturnType<typeof createPeopleService>;
