import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { affiliationsWhere, ofPerson } from './affiliations.service.ts';
import { affiliations, people } from './directory.tables.ts';
import type { TPersonExport } from './people.contract.ts';
import { requirePerson, toPerson } from './people.service.ts';
import { inTerritory, record } from './scope.ts';

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
     * Erases a person: anonymises the row, removes their affiliations and blanks the payloads of the
     * audit entries about them, in one transaction; the erasure itself is audited without personal data.
     */
    erasePerson(ctx: Ctx, slug: string, personId: string): Promise<{ erasedAt: string; auditEntriesScrubbed: number }> {
      return inTerritory(database, ctx, slug, 'person.erase', async (s) => {
        await requirePerson(s.tx, s.territory.id, personId);
        const now = clock.now();
        const removed = await s.tx.delete(affiliations).where(eq(affiliations.personId, personId)).returning({ id: affiliations.id });
        await s.tx.update(people).set(anonymous(now)).where(eq(people.id, personId));
        const scrubbed = await scrubAuditTrail(s.tx, s.territory.id, personId);
        await record(s, 'erase', 'person', personId, { after: { erasedAt: now.toISOString(), affiliationsRemoved: removed.length } });
        return { erasedAt: now.toISOString(), auditEntriesScrubbed: scrubbed };
      });
    },
  };
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;
