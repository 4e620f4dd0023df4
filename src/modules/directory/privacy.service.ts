import { type AnyColumn, and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { affiliationsWhere, ofPerson } from './affiliations.service.ts';
import { affiliations, interactionPeople, interactions, people, reminders } from './directory.tables.ts';
import type { TPersonExport } from './people.contract.ts';
import type { PersonRow } from './people.service.ts';
import { requirePerson, toPerson } from './people.service.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

/** Audit entries that concern a person: about the person, or about one of their affiliations. */
function traces(territoryId: string, personId: string): SQL | undefined {
  return and(
    eq(auditLog.territoryId, territoryId),
    or(
      and(eq(auditLog.entity, 'person'), eq(auditLog.entityId, personId)),
      and(
        eq(auditLog.entity, 'affiliation'),
        or(sql`${auditLog.before}->>'personId' = ${personId}`, sql`${auditLog.after}->>'personId' = ${personId}`),
      ),
      // CRM entries name the people involved (id and name) in their payloads.
      and(
        inArray(auditLog.entity, ['interaction', 'reminder']),
        or(sql`${auditLog.before}::text LIKE ${`%${personId}%`}`, sql`${auditLog.after}::text LIKE ${`%${personId}%`}`),
      ),
    ),
  );
}

/** Anonymised values of a person: the row stays (so counts and links keep their meaning), the person does not. */
const anonymous = (now: Date) => ({
  firstName: 'Personne',
  lastName: 'effacée',
  email: null,
  phone: null,
  skills: [],
  languages: [],
  offers: [],
  seeks: [],
  purpose: null,
  consentPublicProfile: false,
  consentContact: false,
  consentAt: null,
  publicProfile: false,
  externalId: null,
  searchText: '',
  erasedAt: now,
  updatedAt: now,
});

/**
 * Rewrites the payloads of the audit entries about a person. The audit log is append-only for the
 * application role, so this one statement runs as the owner (`SET LOCAL ROLE NONE`, as system
 * work does) and the transaction returns to the application role at once.
 */
async function scrubAuditTrail(tx: Db, territoryId: string, personId: string): Promise<number> {
  await tx.execute(sql`SET LOCAL ROLE NONE`);
  const erased = sql`jsonb_build_object('erased', true)`;
  const rows = await tx
    .update(auditLog)
    .set({
      before: sql`CASE WHEN ${auditLog.before} IS NULL THEN NULL ELSE ${erased} END`,
      after: sql`CASE WHEN ${auditLog.after} IS NULL THEN NULL ELSE ${erased} END`,
    })
    .where(traces(territoryId, personId))
    .returning({ id: auditLog.id });
  await tx.execute(sql`SET LOCAL ROLE totem_app`);
  return rows.length;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const erasedMention = '[personne effacée]';

/**
 * Removes a person from the CRM: their links to interactions go, and their full name (either
 * order) and e-mail address are replaced in the text of interactions and reminders. A reminder
 * about them stays, pointing to the anonymised row. Returns how many texts were rewritten.
 */
async function scrubCrmMentions(s: Scoped, person: PersonRow): Promise<number> {
  await s.tx.delete(interactionPeople).where(eq(interactionPeople.personId, person.id));
  const mentions = [`${person.firstName} ${person.lastName}`, `${person.lastName} ${person.firstName}`, person.email]
    .filter((m): m is string => Boolean(m?.trim()))
    .map((m) => escapeRegExp(m.trim()).replace(/\s+/g, '\\s+'));
  const pattern = mentions.join('|');
  const scrub = (column: AnyColumn) => sql`regexp_replace(${column}, ${pattern}, ${erasedMention}, 'gi')`;
  const touched = await s.tx
    .update(interactions)
    .set({ summary: scrub(interactions.summary), body: scrub(interactions.body) })
    .where(
      and(eq(interactions.territoryId, s.territory.id), sql`(${interactions.summary} ~* ${pattern} OR ${interactions.body} ~* ${pattern})`),
    )
    .returning({ id: interactions.id });
  const notes = await s.tx
    .update(reminders)
    .set({ note: scrub(reminders.note) })
    .where(and(eq(reminders.territoryId, s.territory.id), sql`${reminders.note} ~* ${pattern}`))
    .returning({ id: reminders.id });
  return touched.length + notes.length;
}

/** The RGPD rights of access and erasure over the people of the directory. */
export function createPrivacyService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    /** Everything held on a person, as JSON; the export itself is recorded in the audit log. */
    exportPerson(ctx: Ctx, slug: string, personId: string): Promise<TPersonExport> {
      return inTerritory(database, ctx, slug, 'person.export', async (s) => {
        const person = await requirePerson(s.tx, s.territory.id, personId, { erased: true });
        const links = await affiliationsWhere(s.tx, ofPerson(personId), { page: 1, pageSize: 10_000 });
        const trail = await s.tx
          .select()
          .from(auditLog)
          .where(traces(s.territory.id, personId))
          .orderBy(asc(auditLog.at), asc(auditLog.id));
        await record(s, 'export', 'person', personId, {});
        return {
          exportedAt: clock.now().toISOString(),
          territory: { slug: s.territory.slug, name: s.territory.name },
          person: toPerson(person),
          affiliations: links.items,
          auditTrail: trail.map((e) => ({
            at: e.at.toISOString(),
            actorLabel: e.actorLabel,
            action: e.action,
            entity: e.entity,
            before: e.before ?? null,
            after: e.after ?? null,
          })),
        };
      });
    },

    /**
     * Erases a person: anonymises the row, removes their affiliations and CRM mentions, and blanks the payloads of the
     * audit entries about them, in one transaction; the erasure itself is audited without personal data.
     */
    erasePerson(ctx: Ctx, slug: string, personId: string): Promise<{ erasedAt: string; auditEntriesScrubbed: number }> {
      return inTerritory(database, ctx, slug, 'person.erase', async (s) => {
        const person = await requirePerson(s.tx, s.territory.id, personId);
        const now = clock.now();
        const mentionsScrubbed = await scrubCrmMentions(s, person);
        const removed = await s.tx.delete(affiliations).where(eq(affiliations.personId, personId)).returning({ id: affiliations.id });
        await s.tx.update(people).set(anonymous(now)).where(eq(people.id, personId));
        const scrubbed = await scrubAuditTrail(s.tx, s.territory.id, personId);
        await record(s, 'erase', 'person', personId, {
          after: { erasedAt: now.toISOString(), affiliationsRemoved: removed.length, crmMentionsScrubbed: mentionsScrubbed },
        });
        return { erasedAt: now.toISOString(), auditEntriesScrubbed: scrubbed };
      });
    },
  };
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;
