import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { type AuditEntry, auditMany } from '../../platform/audit/audit.ts';
import type { TAffiliationView, TOrganizationKind } from './directory.contract.ts';
import { affiliations, organizations, people } from './directory.tables.ts';
import { insertMany, updateMany } from './import-bulk.ts';
import type { TPersonDetail } from './people.contract.ts';
import { consentValues, type PersonRow, personSearchDoc, plainValues, toPerson } from './people.service.ts';
import type { PlannedPerson } from './people-import-plan.ts';
import type { Scoped } from './scope.ts';

type Views = Map<string, Omit<TAffiliationView, 'person'>[]>;

/** The affiliations of these people as a person's detail lists them (by organisation name, at most 100). */
async function affiliationsOf(s: Scoped, ids: string[]): Promise<Views> {
  const out: Views = new Map();
  if (!ids.length) return out;
  const rows = await s.tx
    .select({ a: affiliations, organization: { id: organizations.id, name: organizations.name, kind: organizations.kind } })
    .from(affiliations)
    .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
    .where(inArray(affiliations.personId, ids))
    .orderBy(asc(organizations.name), asc(affiliations.id));
  for (const { a, organization } of rows) {
    const view = { id: a.id, organization: { ...organization, kind: organization.kind as TOrganizationKind }, title: a.title };
    out.set(a.personId, [...(out.get(a.personId) ?? []), { ...view, startedOn: a.startedOn, endedOn: a.endedOn }]);
  }
  return out;
}

/** A person's detail, as the people service returns it, from a row and the affiliations read for the chunk. */
function detail(row: PersonRow, views: Views): TPersonDetail {
  const all = views.get(row.id) ?? [];
  const person = { id: row.id, firstName: row.firstName, lastName: row.lastName };
  return { ...toPerson(row), affiliations: all.slice(0, 100).map((v) => ({ ...v, person })), affiliationCount: all.length };
}

async function insertPeople(s: Scoped, rows: PlannedPerson[], now: Date): Promise<Map<number, string>> {
  const created = new Map<number, string>();
  const values = rows.flatMap((r) => {
    if (r.action !== 'create' || !r.input) return [];
    const id = randomUUID();
    created.set(r.line, id);
    const { input } = r;
    const names = { firstName: input.firstName, lastName: input.lastName, legalBasis: input.legalBasis };
    return [{ ...plainValues(input), ...names, territoryId: s.territory.id, ...consentValues(input, null, now), id }];
  });
  await insertMany(s.tx, people, values);
  return created;
}

async function insertAffiliations(s: Scoped, rows: PlannedPerson[], created: Map<number, string>) {
  const byLine = new Map<number, string>();
  const values = rows.flatMap((r) => {
    const personId = created.get(r.line) ?? r.personId;
    if (!personId || !r.affiliation || r.action === 'skip') return [];
    const id = randomUUID();
    byLine.set(r.line, id);
    return [{ id, territoryId: s.territory.id, personId, organizationId: r.affiliation.organizationId, title: r.affiliation.title }];
  });
  await insertMany(s.tx, affiliations, values);
  const inserted = values.length
    ? await s.tx
        .select()
        .from(affiliations)
        .where(inArray(affiliations.id, [...byLine.values()]))
    : [];
  const byId = new Map(inserted.map((a) => [a.id, a]));
  return new Map([...byLine].map(([line, id]) => [line, byId.get(id)]));
}

/**
 * Writes one chunk of planned people with a few statements: one insert for the new people, one
 * update per set of changed columns, their search documents, the new affiliations, and the audit
 * entries (each person with its detail before and after, then its affiliation), in the caller's
 * transaction. Returns the id given to each created line.
 */
export async function writePeople(s: Scoped, rows: PlannedPerson[], now: Date): Promise<Map<number, string>> {
  const updates = rows.filter((r) => r.action === 'update' && r.existing && r.patch && Object.keys(r.patch).length);
  const updated = new Set(updates);
  const views = await affiliationsOf(
    s,
    updates.map((r) => r.existing?.id ?? ''),
  );
  const created = await insertPeople(s, rows, now);
  const changed = updates.map((r) => {
    const before = r.existing as PersonRow;
    const patch = r.patch ?? {};
    return { ...plainValues(patch), ...consentValues(patch, before, now), updatedAt: now, id: before.id };
  });
  await updateMany(s.tx, people, changed);
  const ids = [...created.values(), ...changed.map((c) => c.id)];
  const after = ids.length
    ? new Map(
        (await s.tx.update(people).set({ searchText: personSearchDoc }).where(inArray(people.id, ids)).returning()).map((p) => [p.id, p]),
      )
    : new Map<string, PersonRow>();
  const links = await insertAffiliations(s, rows, created);
  const entries: AuditEntry[] = [];
  const entry = (e: Omit<AuditEntry, 'territoryId'>) => entries.push({ territoryId: s.territory.id, ...e });
  for (const r of rows) {
    const id = created.get(r.line) ?? (updated.has(r) ? r.existing?.id : undefined);
    const row = id ? after.get(id) : undefined;
    if (id && row && created.has(r.line)) entry({ action: 'create', entity: 'person', entityId: id, after: detail(row, new Map()) });
    else if (id && row && r.existing)
      entry({ action: 'update', entity: 'person', entityId: id, before: detail(r.existing, views), after: detail(row, views) });
    const link = links.get(r.line);
    if (link) entry({ action: 'create', entity: 'affiliation', entityId: link.id, after: link });
  }
  await auditMany(s.tx, s.ctx.actor, entries, s.ctx.requestId);
  return created;
}
