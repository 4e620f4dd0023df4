/** Training sessions and their rosters as the API shows them, and the queries that read them. */
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error.ts';
import { users } from '../identity/index.ts';
import { managesPlaces } from './places.policy.ts';
import { places, qualifications, trainingEnrolments, trainingSessions, userQualifications } from './places.tables.ts';
import type { Scoped } from './scope.ts';
import type { TEnrolmentStatus, TRosterEntry, TTraining } from './trainings.contract.ts';

const seatsTaken = sql<number>`(SELECT count(*)::int FROM training_enrolments e WHERE e.session_id = ${trainingSessions.id} AND e.status <> 'cancelled')`;

/** Sessions with their qualification, place and seats taken, as the API shows them. */
export async function trainingsWhere(s: Scoped, where: SQL | undefined, order: SQL[], page?: { page: number; pageSize: number }) {
  const me = s.ctx.actor.kind === 'user' && s.ctx.actor.via !== 'system' ? s.ctx.actor.userId : null;
  const mine = me
    ? sql<boolean>`EXISTS (SELECT 1 FROM training_enrolments e WHERE e.session_id = ${trainingSessions.id} AND e.user_id = ${me} AND e.status <> 'cancelled')`
    : sql<boolean>`false`;
  const query = s.tx
    .select({
      t: trainingSessions,
      q: { id: qualifications.id, name: qualifications.name },
      p: { id: places.id, name: places.name, isPublic: places.isPublic },
      taken: seatsTaken,
      mine,
    })
    .from(trainingSessions)
    .innerJoin(qualifications, eq(qualifications.id, trainingSessions.qualificationId))
    .leftJoin(places, eq(places.id, trainingSessions.placeId))
    .where(where)
    .orderBy(...order);
  const rows = page ? await query.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : await query;
  // A private place does not exist for those who do not manage places (as in requirePlace).
  const manager = managesPlaces(s.ctx.actor, s.territory.id);
  return rows.map(
    ({ t, q, p, taken, mine }): TTraining => ({
      id: t.id,
      qualification: q,
      place: p && (p.isPublic || manager) ? { id: p.id, name: p.name } : null,
      start: t.startsAt.toISOString(),
      end: t.endsAt.toISOString(),
      seats: t.seats,
      seatsLeft: Math.max(0, t.seats - Number(taken)),
      trainer: t.trainer,
      enrolledByMe: Boolean(mine),
    }),
  );
}

export async function oneTraining(s: Scoped, id: string): Promise<TTraining> {
  const [t] = await trainingsWhere(s, eq(trainingSessions.id, id), []);
  if (!t) throw new AppError('training_not_found', `no training session ${id}`);
  return t;
}

/** The people enrolled in a session (every status), with the qualification each earned there. */
export async function rosterOf(s: Scoped, sessionId: string, userId?: string): Promise<TRosterEntry[]> {
  const rows = await s.tx
    .select({
      e: trainingEnrolments,
      u: { id: users.id, name: users.displayName, email: users.email },
      g: {
        id: userQualifications.id,
        grantedAt: userQualifications.grantedAt,
        expiresAt: userQualifications.expiresAt,
        revokedAt: userQualifications.revokedAt,
      },
    })
    .from(trainingEnrolments)
    .innerJoin(users, eq(users.id, trainingEnrolments.userId))
    .leftJoin(
      userQualifications,
      and(eq(userQualifications.sessionId, sessionId), eq(userQualifications.userId, trainingEnrolments.userId)),
    )
    .where(and(eq(trainingEnrolments.sessionId, sessionId), userId ? eq(trainingEnrolments.userId, userId) : undefined))
    .orderBy(asc(users.displayName), asc(users.id));
  return rows.map(({ e, u, g }) => ({
    user: u,
    status: e.status as TEnrolmentStatus,
    enrolledAt: e.createdAt.toISOString(),
    grant: g
      ? {
          id: g.id,
          grantedAt: g.grantedAt.toISOString(),
          expiresAt: g.expiresAt?.toISOString() ?? null,
          revokedAt: g.revokedAt?.toISOString() ?? null,
        }
      : null,
  }));
}
