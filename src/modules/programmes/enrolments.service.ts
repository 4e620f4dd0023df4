import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { actorId } from '../../platform/policy/actor.ts';
import { todayIn } from '../../platform/time/index.ts';
import { organizations } from '../directory/index.ts';
import { admitToProgramme, entryDates, lockProgramme, mapEnrolmentError, seatFree, waitlistOf } from './admission.ts';
import type { TEnrolment, TEnrolmentListQuery, TEnrolRequest, TExitRequest } from './programmes.contract.ts';
import { programmeCohorts, programmeEnrolments, programmes } from './programmes.tables.ts';
import { fieldError, found, inTerritory, record, type Scoped } from './scope.ts';

type EnrolmentRow = typeof programmeEnrolments.$inferSelect;

/** Enrolments with their organisation and cohort, in the board's order (waitlist by position). */
export async function enrolmentsWhere(tx: Db, where: SQL | undefined, page?: { page: number; pageSize: number }): Promise<TEnrolment[]> {
  const q = tx
    .select({ e: programmeEnrolments, orgName: organizations.name, cohortName: programmeCohorts.name })
    .from(programmeEnrolments)
    .innerJoin(organizations, eq(organizations.id, programmeEnrolments.organizationId))
    .leftJoin(programmeCohorts, eq(programmeCohorts.id, programmeEnrolments.cohortId))
    .where(where)
    .orderBy(asc(programmeEnrolments.waitlistPosition), asc(organizations.name), asc(programmeEnrolments.id));
  const rows = page ? await q.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : await q;
  return rows.map(({ e, orgName, cohortName }) => ({
    id: e.id,
    programmeId: e.programmeId,
    cohort: e.cohortId ? { id: e.cohortId, name: cohortName ?? '' } : null,
    organization: { id: e.organizationId, name: orgName },
    status: e.status as TEnrolment['status'],
    waitlistPosition: e.waitlistPosition,
    source: { kind: e.sourceKind as TEnrolment['source']['kind'], id: e.sourceId },
    enteredOn: e.enteredOn,
    expectedEndOn: e.expectedEndOn,
    exitedOn: e.exitedOn,
    exitReason: e.exitReason as TEnrolment['exitReason'],
    exitNote: e.exitNote,
    createdAt: e.createdAt.toISOString(),
  }));
}

export async function requireEnrolment(s: Scoped, id: string): Promise<EnrolmentRow> {
  const [row] = await s.tx.select().from(programmeEnrolments).where(eq(programmeEnrolments.id, id));
  return found(row, 'programme_enrolment_not_found', `enrolment ${id}`);
}

export async function oneEnrolment(tx: Db, id: string): Promise<TEnrolment> {
  const [dto] = await enrolmentsWhere(tx, eq(programmeEnrolments.id, id));
  if (!dto) throw new AppError('programme_enrolment_not_found', `no enrolment ${id}`);
  return dto;
}

/** Enrolling companies, the waitlist and its promotion, and exits (which make alumni). */
export function createEnrolmentsService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    /** Staff enrol an organisation directly: admitted while the cap allows, otherwise waitlisted. */
    enrol(ctx: Ctx, slug: string, programmeId: string, input: TEnrolRequest) {
      return inTerritory(database, ctx, slug, 'programmes.manage', (s) =>
        admitToProgramme(s.tx, {
          territoryId: s.territory.id,
          programmeId,
          cohortId: input.cohortId,
          organizationId: input.organizationId,
          source: { kind: 'staff' },
          actorId: actorId(ctx.actor),
          now: clock.now(),
        }),
      );
    },

    list(ctx: Ctx, slug: string, programmeId: string, q: TEnrolmentListQuery) {
      return inTerritory(database, ctx, slug, 'programmes.manage', async (s) => {
        const [p] = await s.tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, programmeId));
        found(p, 'programme_not_found', `programme ${programmeId}`);
        const where = and(
          eq(programmeEnrolments.programmeId, programmeId),
          q.status ? eq(programmeEnrolments.status, q.status) : undefined,
        );
        const items = await enrolmentsWhere(s.tx, where, q);
        const [total] = await s.tx.select({ n: count() }).from(programmeEnrolments).where(where);
        return { items, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
      });
    },

    /**
     * Promotes the first waitlisted organisation that fits (its cohort may be full while another's
     * is not). Staff decide when: promotion is not automatic on exit.
     */
    promote(ctx: Ctx, slug: string, programmeId: string) {
      return inTerritory(database, ctx, slug, 'programmes.manage', async (s) => {
        const programme = await lockProgramme(s.tx, s.territory.id, programmeId);
        const waitlist = await waitlistOf(s.tx, programmeId);
        if (!waitlist.length) throw new AppError('waitlist_empty', 'nobody is waitlisted');
        const cohorts = await s.tx.select().from(programmeCohorts).where(eq(programmeCohorts.programmeId, programmeId));
        for (const candidate of waitlist) {
          const cohort = cohorts.find((c) => c.id === candidate.cohortId) ?? null;
          if (!(await seatFree(s.tx, programme, cohort))) continue;
          const dates = await entryDates(s.tx, programme, cohort, clock.now());
          const [after] = await s.tx
            .update(programmeEnrolments)
            .set({ status: 'active', waitlistPosition: null, ...dates, updatedAt: new Date() })
            .where(eq(programmeEnrolments.id, candidate.id))
            .returning()
            .catch((err) => Promise.reject(mapEnrolmentError(err)));
          await record(s, 'programme_enrolment.promote', 'programme_enrolment', candidate.id, { before: candidate, after });
          return oneEnrolment(s.tx, candidate.id);
        }
        throw new AppError('programme_full', 'no seat is free for anyone waitlisted');
      });
    },

    /** An active company exits (an alumnus, kept and listed); a waitlisted one withdraws. */
    exit(ctx: Ctx, slug: string, enrolmentId: string, input: TExitRequest) {
      return inTerritory(database, ctx, slug, 'programmes.manage', async (s) => {
        const current = await requireEnrolment(s, enrolmentId);
        await lockProgramme(s.tx, s.territory.id, current.programmeId);
        const before = await requireEnrolment(s, enrolmentId);
        if (before.status !== 'active' && before.status !== 'waitlisted')
          throw new AppError('enrolment_not_current', 'this enrolment has already ended');
        const today = todayIn(s.territory.timeZone, clock.now());
        const exitedOn = input.exitedOn ?? today;
        if (exitedOn > today) throw fieldError(ctx, 'exitedOn', 'future', 'date dans le futur', 'date in the future');
        if (before.enteredOn && exitedOn < before.enteredOn)
          throw fieldError(ctx, 'exitedOn', 'too_small', 'sortie avant l’entrée', 'exit before entry');
        const [after] = await s.tx
          .update(programmeEnrolments)
          .set({
            status: before.status === 'active' ? 'exited' : 'withdrawn',
            waitlistPosition: null,
            exitedOn,
            exitReason: input.reason,
            exitNote: input.note ?? null,
            updatedAt: sql`now()`,
          })
          .where(eq(programmeEnrolments.id, enrolmentId))
          .returning();
        await record(s, 'programme_enrolment.exit', 'programme_enrolment', enrolmentId, { before, after });
        return oneEnrolment(s.tx, enrolmentId);
      });
    },
  };
}

export type EnrolmentsService = ReturnType<typeof createEnrolmentsService>;
