import { and, asc, count, desc, eq, gt, isNull, lte, ne } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { sqlState } from '../../platform/db/sql-state.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { actorId } from '../../platform/policy/actor.ts';
import { places, qualifications, trainingEnrolments, trainingSessions, userQualifications } from './places.tables.ts';
import { expiryOf, requireQualification } from './qualifications.service.ts';
import { inTerritory, record, type Scoped } from './scope.ts';
import { oneTraining, rosterOf, trainingsWhere } from './training-dto.ts';
import type { TAttendanceRequest, TCreateTrainingRequest, TEnrolment, TRosterEntry, TTrainingListQuery } from './trainings.contract.ts';

type SessionRow = typeof trainingSessions.$inferSelect;
type EnrolmentRow = typeof trainingEnrolments.$inferSelect;

/** Takes a seat: the seats trigger refuses a full session (23P01), the unique key a second seat (23505). */
async function takeSeat<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const state = sqlState(err);
    if (state === '23P01') throw new AppError('training_full', 'no seat left in this training session');
    if (state === '23505') throw new AppError('already_enrolled', 'already enrolled in this session');
    throw err;
  }
}

function fieldError(path: string, code: string, message: string): AppError {
  return new AppError('validation_failed', message, { errors: [{ path: `body.${path}`, code, message }] });
}

async function requireTraining(s: Scoped, id: string): Promise<SessionRow> {
  const [row] = await s.tx.select().from(trainingSessions).where(eq(trainingSessions.id, id)).limit(1);
  if (!row) throw new AppError('training_not_found', `no training session ${id}`);
  return row;
}

/** Grants the session's qualification to an attendee once: at the session's end, for its validity. */
async function grantOnce(s: Scoped, session: SessionRow, userId: string): Promise<void> {
  const [held] = await s.tx
    .select({ id: userQualifications.id })
    .from(userQualifications)
    .where(and(eq(userQualifications.sessionId, session.id), eq(userQualifications.userId, userId)))
    .limit(1);
  if (held) return;
  const q = await requireQualification(s, session.qualificationId);
  const [row] = await s.tx
    .insert(userQualifications)
    .values({
      territoryId: s.territory.id,
      qualificationId: q.id,
      userId,
      grantedAt: session.endsAt,
      expiresAt: expiryOf(session.endsAt, q.validityMonths, s.territory.timeZone),
      sessionId: session.id,
    })
    .returning();
  if (!row) throw new AppError('internal');
  await record(s, 'qualification.grant', 'user_qualification', row.id, { after: row });
}

/** Training sessions: planning them, enrolling in their seats, and marking attendance, which qualifies. */
export function createTrainingsService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  /** The signed-in person's own account; the system actor has none to enrol. */
  const self = (ctx: Ctx) => {
    const id = actorId(ctx.actor);
    if (!id) throw new AppError('forbidden', 'only a person enrols in a training');
    return id;
  };

  return {
    create(ctx: Ctx, slug: string, input: TCreateTrainingRequest) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => {
        // Checked once the policy has passed: refused callers learn nothing of their input.
        const start = new Date(input.start);
        const end = new Date(input.end);
        const fr = ctx.locale === 'fr';
        if (!(end > start)) throw fieldError('end', 'too_small', fr ? 'fin avant le début' : 'ends before it starts');
        const [q] = await s.tx.select({ id: qualifications.id }).from(qualifications).where(eq(qualifications.id, input.qualificationId));
        if (!q) throw fieldError('qualificationId', 'unknown', fr ? 'habilitation inconnue' : 'unknown qualification');
        if (input.placeId) {
          const [p] = await s.tx.select({ id: places.id }).from(places).where(eq(places.id, input.placeId));
          if (!p) throw fieldError('placeId', 'unknown', fr ? 'lieu inconnu' : 'unknown place');
        }
        const [row] = await s.tx
          .insert(trainingSessions)
          .values({
            territoryId: s.territory.id,
            qualificationId: input.qualificationId,
            placeId: input.placeId ?? null,
            startsAt: start,
            endsAt: end,
            seats: input.seats,
            trainer: input.trainer ?? null,
          })
          .returning();
        if (!row) throw new AppError('internal');
        await record(s, 'training.create', 'training_session', row.id, { after: row });
        return oneTraining(s, row.id);
      });
    },

    /** Upcoming sessions (not started, soonest first) or past ones (latest first), for anyone. */
    list(ctx: Ctx, slug: string, q: TTrainingListQuery) {
      return inTerritory(database, ctx, slug, 'places.read_public', async (s) => {
        const now = clock.now();
        const upcoming = q.upcoming === 'true';
        const where = upcoming ? gt(trainingSessions.startsAt, now) : lte(trainingSessions.startsAt, now);
        const order = upcoming ? asc(trainingSessions.startsAt) : desc(trainingSessions.startsAt);
        const items = await trainingsWhere(s, where, [order, asc(trainingSessions.id)], q);
        const [total] = await s.tx.select({ n: count() }).from(trainingSessions).where(where);
        return { items, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
      });
    },

    roster(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s) => ({
        training: await oneTraining(s, id),
        items: await rosterOf(s, id),
      }));
    },

    /** Takes a seat for the signed-in person, until the session starts; 409 when it is full. */
    enrol(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'places.read_own', async (s): Promise<TEnrolment> => {
        const userId = self(ctx);
        const session = await requireTraining(s, id);
        const now = clock.now();
        if (session.startsAt <= now) throw new AppError('training_started', 'the session has started');
        const mine = and(eq(trainingEnrolments.sessionId, id), eq(trainingEnrolments.userId, userId));
        const [before] = await s.tx.select().from(trainingEnrolments).where(mine).limit(1);
        if (before && before.status !== 'cancelled') throw new AppError('already_enrolled', 'already enrolled in this session');
        // A cancelled seat is taken again (one row per person and session); the trigger counts it anew.
        const [row] = await takeSeat(() =>
          before
            ? s.tx
                .update(trainingEnrolments)
                .set({ status: 'enrolled', createdAt: now })
                .where(eq(trainingEnrolments.id, before.id))
                .returning()
            : s.tx.insert(trainingEnrolments).values({ territoryId: s.territory.id, sessionId: id, userId, createdAt: now }).returning(),
        );
        if (!row) throw new AppError('internal');
        await record(s, 'training.enrol', 'training_enrolment', row.id, { before, after: row });
        return { training: await oneTraining(s, id), status: 'enrolled', enrolledAt: row.createdAt.toISOString() };
      });
    },

    /** Gives the signed-in person's seat back, before the session starts. */
    cancelEnrolment(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'places.read_own', async (s) => {
        const userId = self(ctx);
        const session = await requireTraining(s, id);
        const mine = and(eq(trainingEnrolments.sessionId, id), eq(trainingEnrolments.userId, userId));
        const [before] = await s.tx
          .select()
          .from(trainingEnrolments)
          .where(and(mine, eq(trainingEnrolments.status, 'enrolled')));
        if (!before) throw new AppError('enrolment_not_found', 'not enrolled in this session');
        if (session.startsAt <= clock.now()) throw new AppError('training_started', 'the session has started');
        const [after] = await s.tx
          .update(trainingEnrolments)
          .set({ status: 'cancelled' })
          .where(eq(trainingEnrolments.id, before.id))
          .returning();
        await record(s, 'training.cancel_enrolment', 'training_enrolment', before.id, { before, after });
      });
    },

    /**
     * Marks whether an enrolled person attended, once the session has started. Attending grants
     * the qualification once (a second call grants nothing more); marking absent afterwards
     * withdraws a grant of this session that nobody has revoked (a correction), and keeps a revoked one.
     */
    attendance(ctx: Ctx, slug: string, id: string, input: TAttendanceRequest) {
      return inTerritory(database, ctx, slug, 'places.manage', async (s): Promise<TRosterEntry> => {
        const session = await requireTraining(s, id);
        if (session.startsAt > clock.now()) throw new AppError('training_not_started', 'the session has not started');
        // Locked, so that two concurrent calls for the same person grant once.
        const [before]: EnrolmentRow[] = await s.tx
          .select()
          .from(trainingEnrolments)
          .where(
            and(
              eq(trainingEnrolments.sessionId, id),
              eq(trainingEnrolments.userId, input.userId),
              ne(trainingEnrolments.status, 'cancelled'),
            ),
          )
          .for('update');
        if (!before) {
          throw fieldError(
            'userId',
            'not_enrolled',
            ctx.locale === 'fr' ? 'non inscrit·e à cette session' : 'not enrolled in this session',
          );
        }
        const status = input.attended ? 'attended' : 'absent';
        if (before.status !== status) {
          const [after] = await s.tx.update(trainingEnrolments).set({ status }).where(eq(trainingEnrolments.id, before.id)).returning();
          await record(s, 'training.attendance', 'training_enrolment', before.id, { before, after });
        }
        if (input.attended) await grantOnce(s, session, input.userId);
        else {
          const withdrawn = await s.tx
            .delete(userQualifications)
            .where(
              and(eq(userQualifications.sessionId, id), eq(userQualifications.userId, input.userId), isNull(userQualifications.revokedAt)),
            )
            .returning();
          for (const g of withdrawn) await record(s, 'qualification.withdraw', 'user_qualification', g.id, { before: g });
        }
        const [entry] = await rosterOf(s, id, input.userId);
        if (!entry) throw new AppError('internal');
        return entry;
      });
    },
  };
}
export type TrainingsService = ReturnType<typeof createTrainingsService>;
