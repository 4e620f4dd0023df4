import { asc, count, desc, eq } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { actorId } from '../../platform/policy/actor.ts';
import { toDate, toZoned } from '../../platform/time/index.ts';
import { users } from '../identity/index.ts';
import { qualifications, userQualifications } from './places.tables.ts';
import { inTerritory, record, type Scoped } from './scope.ts';
import type {
  TCreateQualificationRequest,
  THeldQualification,
  THolder,
  TQualification,
  TUpdateQualificationRequest,
} from './trainings.contract.ts';

type QualificationRow = typeof qualifications.$inferSelect;
type HeldRow = typeof userQualifications.$inferSelect;

/**
 * When a qualification granted at `grantedAt` expires: the same wall-clock time `months` later in
 * the territory's zone (so a grant at 18:00 in winter expires at 18:00 in summer), clamped to the
 * month's last day (31 January + 1 month = 28 or 29 February). Null when it does not expire.
 */
export function expiryOf(grantedAt: Date, months: number | null, zone: string): Date | null {
  return months ? toDate(toZoned(grantedAt, zone).add({ months })) : null;
}

/** Whether a held qualification lets its holder book now: not revoked, not expired. */
export const isValidAt = (row: Pick<HeldRow, 'revokedAt' | 'expiresAt'>, now: Date) =>
  !row.revokedAt && (!row.expiresAt || row.expiresAt > now);

export const toQualification = (q: QualificationRow): TQualification => ({ id: q.id, name: q.name, validityMonths: q.validityMonths });

function toHeld(row: HeldRow, q: { id: string; name: string }, now: Date): THeldQualification {
  return {
    id: row.id,
    qualification: q,
    grantedAt: row.grantedAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
    trainingId: row.sessionId,
    valid: isValidAt(row, now),
  };
}

export async function requireQualification(s: Scoped, id: string): Promise<QualificationRow> {
  const [row] = await s.tx.select().from(qualifications).where(eq(qualifications.id, id)).limit(1);
  if (!row) throw new AppError('qualification_not_found', `no qualification ${id}`);
  return row;
}

const person = { id: users.id, name: users.displayName, email: users.email };

/** Qualifications (habilitations): their definitions, who holds them, revocation, and one's own. */
export function createQualificationsService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    /** The territory's qualifications, for anyone (a machine's page names the one it requires). */
    list(ctx: Ctx, slug: string) {
      return inTerritory(database, ctx, slug, 'places.read_public', async (s) => {
        const rows = await s.tx.select().from(qualifications).orderBy(asc(qualifications.name), asc(qualifications.id));
        return { items: rows.map(toQualification) };
      });
    },

    create(ctx: Ctx, slug: string, input: TCreateQualificationRequest) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        const [row] = await s.tx
          .insert(qualifications)
          .values({ territoryId: s.territory.id, name: input.name, validityMonths: input.validityMonths ?? null })
          .returning();
        if (!row) throw new AppError('internal');
        await record(s, 'qualification.create', 'qualification', row.id, { after: row });
        return toQualification(row);
      });
    },

    /** Renames it or changes its validity; qualifications already granted keep their expiry. */
    update(ctx: Ctx, slug: string, id: string, input: TUpdateQualificationRequest) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        const before = await requireQualification(s, id);
        if (input.name === undefined && input.validityMonths === undefined) return toQualification(before);
        const [after] = await s.tx.update(qualifications).set(input).where(eq(qualifications.id, id)).returning();
        if (!after) throw new AppError('internal');
        await record(s, 'qualification.update', 'qualification', id, { before, after });
        return toQualification(after);
      });
    },

    /** Everyone who holds or held a qualification, latest grants first, for place managers. */
    holders(ctx: Ctx, slug: string, id: string, page: { page: number; pageSize: number }) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        const q = await requireQualification(s, id);
        const where = eq(userQualifications.qualificationId, id);
        const rows = await s.tx
          .select({ h: userQualifications, u: person })
          .from(userQualifications)
          .innerJoin(users, eq(users.id, userQualifications.userId))
          .where(where)
          .orderBy(desc(userQualifications.grantedAt), asc(userQualifications.id))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize);
        const [total] = await s.tx.select({ n: count() }).from(userQualifications).where(where);
        const now = clock.now();
        const items: THolder[] = rows.map((r) => ({ ...toHeld(r.h, { id: q.id, name: q.name }, now), user: r.u }));
        return { items, total: Number(total?.n ?? 0), page: page.page, pageSize: page.pageSize };
      });
    },

    /** Withdraws a held qualification at once, with a reason; the machines it opens refuse the holder. */
    revoke(ctx: Ctx, slug: string, id: string, reason: string) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        const [before] = await s.tx.select().from(userQualifications).where(eq(userQualifications.id, id)).for('update').limit(1);
        if (!before) throw new AppError('user_qualification_not_found', `no held qualification ${id}`);
        if (before.revokedAt) throw new AppError('qualification_already_revoked', `revoked at ${before.revokedAt.toISOString()}`);
        const now = clock.now();
        const [after] = await s.tx
          .update(userQualifications)
          .set({ revokedAt: now, revokedReason: reason })
          .where(eq(userQualifications.id, id))
          .returning();
        if (!after) throw new AppError('internal');
        await record(s, 'qualification.revoke', 'user_qualification', id, { before, after });
        const q = await requireQualification(s, after.qualificationId);
        const [u] = await s.tx.select(person).from(users).where(eq(users.id, after.userId)).limit(1);
        if (!u) throw new AppError('internal');
        return { ...toHeld(after, { id: q.id, name: q.name }, now), user: u } satisfies THolder;
      });
    },

    /** The signed-in person's qualifications in the territory, with whether each is valid now. */
    mine(ctx: Ctx, slug: string) {
      return inTerritory(database, ctx, slug, 'places.read_own', async (s) => {
        const userId = actorId(ctx.actor);
        if (!userId) return { items: [] };
        const rows = await s.tx
          .select({ h: userQualifications, q: { id: qualifications.id, name: qualifications.name } })
          .from(userQualifications)
          .innerJoin(qualifications, eq(qualifications.id, userQualifications.qualificationId))
          .where(eq(userQualifications.userId, userId))
          .orderBy(asc(qualifications.name), desc(userQualifications.grantedAt));
        const now = clock.now();
        return { items: rows.map((r) => toHeld(r.h, r.q, now)) };
      });
    },
  };
}
export type QualificationsService = ReturnType<typeof createQualificationsService>;
