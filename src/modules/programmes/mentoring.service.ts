import { and, asc, desc, eq } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { todayIn } from '../../platform/time/index.ts';
import { people } from '../directory/index.ts';
import { memberships, users } from '../identity/index.ts';
import { oneEnrolment, requireEnrolment } from './enrolments.service.ts';
import type {
  TCreateMilestoneRequest,
  TEnrolmentDetail,
  TLogSessionRequest,
  TMilestone,
  TSupporter,
  TUpdateMilestoneRequest,
} from './mentoring.contract.ts';
import type { TAddSupporterRequest } from './programmes.contract.ts';
import { kpiRequests, programmeMilestones, programmeSessions, programmeSupporters } from './programmes.tables.ts';
import { fieldError, found, inTerritory, record, type Scoped, sqlState } from './scope.ts';

type MilestoneRow = typeof programmeMilestones.$inferSelect;

/** A milestone's shown status: still planned after its due date (in the territory's zone) is late. */
export const milestoneStatus = (m: Pick<MilestoneRow, 'status' | 'dueOn'>, today: string): TMilestone['status'] =>
  m.status === 'planned' && m.dueOn < today ? 'late' : (m.status as TMilestone['status']);

const toMilestone = (m: MilestoneRow, today: string): TMilestone => ({
  id: m.id,
  title: m.title,
  dueOn: m.dueOn,
  status: milestoneStatus(m, today),
  doneOn: m.doneOn,
});

async function supportersOf(s: Scoped, enrolmentId: string): Promise<TSupporter[]> {
  const rows = await s.tx
    .select({
      sup: programmeSupporters,
      userName: users.displayName,
      userEmail: users.email,
      first: people.firstName,
      last: people.lastName,
      personEmail: people.email,
    })
    .from(programmeSupporters)
    .leftJoin(users, eq(users.id, programmeSupporters.userId))
    .leftJoin(people, eq(people.id, programmeSupporters.personId))
    .where(eq(programmeSupporters.enrolmentId, enrolmentId))
    .orderBy(asc(programmeSupporters.role), asc(programmeSupporters.createdAt));
  return rows.map(({ sup, userName, userEmail, first, last, personEmail }) => ({
    id: sup.id,
    role: sup.role as TSupporter['role'],
    kind: sup.userId ? 'account' : 'person',
    refId: (sup.userId ?? sup.personId) as string,
    name: sup.userId ? (userName ?? '') : `${first ?? ''} ${last ?? ''}`.trim(),
    email: sup.userId ? (userEmail ?? null) : (personEmail ?? null),
  }));
}

async function detail(s: Scoped, enrolmentId: string, now: Date): Promise<TEnrolmentDetail> {
  const enrolment = await oneEnrolment(s.tx, enrolmentId);
  const supporters = await supportersOf(s, enrolmentId);
  const sessions = await s.tx
    .select()
    .from(programmeSessions)
    .where(eq(programmeSessions.enrolmentId, enrolmentId))
    .orderBy(desc(programmeSessions.heldOn), desc(programmeSessions.createdAt));
  const milestones = await s.tx
    .select()
    .from(programmeMilestones)
    .where(eq(programmeMilestones.enrolmentId, enrolmentId))
    .orderBy(asc(programmeMilestones.dueOn), asc(programmeMilestones.title));
  const kpis = await s.tx.select().from(kpiRequests).where(eq(kpiRequests.enrolmentId, enrolmentId)).orderBy(desc(kpiRequests.period));
  const today = todayIn(s.territory.timeZone, now);
  return {
    enrolment,
    supporters,
    sessions: sessions.map((x) => {
      const who = supporters.find((p) => p.id === x.supporterId);
      return {
        id: x.id,
        heldOn: x.heldOn,
        durationMinutes: x.durationMinutes,
        topic: x.topic,
        notes: x.notes,
        supporter: who ? { id: who.id, name: who.name } : null,
      };
    }),
    mentoringMinutes: sessions.reduce((n, x) => n + x.durationMinutes, 0),
    milestones: milestones.map((m) => toMilestone(m, today)),
    kpis: kpis.map((k) => ({
      period: k.period,
      answeredAt: k.answeredAt?.toISOString() ?? null,
      remindersSent: k.remindersSent,
      headcount: k.headcount,
      fundsRaisedCents: k.fundsRaisedCents,
      revenueBand: k.revenueBand,
      keyFacts: k.keyFacts,
    })),
  };
}

/** Only a current (active) enrolment takes new mentors, sessions and milestones; alumni stay as they were. */
async function requireActive(s: Scoped, enrolmentId: string) {
  const e = await requireEnrolment(s, enrolmentId);
  if (e.status !== 'active') throw new AppError('enrolment_not_current', 'this enrolment is not active');
  return e;
}

/** Mentors and experts of an enrolment, the sessions they hold, and its milestones. */
export function createMentoringService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  const manage = <T>(ctx: Ctx, slug: string, fn: (s: Scoped) => Promise<T>) => inTerritory(database, ctx, slug, 'programmes.manage', fn);
  return {
    detail: (ctx: Ctx, slug: string, enrolmentId: string) => manage(ctx, slug, (s) => detail(s, enrolmentId, clock.now())),

    addSupporter(ctx: Ctx, slug: string, enrolmentId: string, input: TAddSupporterRequest) {
      return manage(ctx, slug, async (s) => {
        await requireActive(s, enrolmentId);
        if (input.userId) {
          // Only an account holding a role in this territory (memberships are tenant rows).
          const [u] = await s.tx.select({ id: memberships.userId }).from(memberships).where(eq(memberships.userId, input.userId)).limit(1);
          if (!u) throw fieldError(ctx, 'userId', 'unknown', 'compte inconnu sur ce territoire', 'unknown account in this territory');
        } else if (input.personId) {
          const [p] = await s.tx.select({ id: people.id }).from(people).where(eq(people.id, input.personId));
          if (!p) throw fieldError(ctx, 'personId', 'unknown', 'personne inconnue dans l’annuaire', 'unknown person in the directory');
        }
        const values = {
          territoryId: s.territory.id,
          enrolmentId,
          role: input.role,
          userId: input.userId ?? null,
          personId: input.personId ?? null,
        };
        const [row] = await s.tx
          .insert(programmeSupporters)
          .values(values)
          .returning()
          .catch((err) => Promise.reject(sqlState(err) === '23505' ? new AppError('conflict', 'already assigned with this role') : err));
        if (!row) throw new AppError('internal');
        await record(s, 'programme_supporter.add', 'programme_supporter', row.id, { after: row });
        return detail(s, enrolmentId, clock.now());
      });
    },

    removeSupporter(ctx: Ctx, slug: string, supporterId: string) {
      return manage(ctx, slug, async (s) => {
        const [row] = await s.tx.delete(programmeSupporters).where(eq(programmeSupporters.id, supporterId)).returning();
        const before = found(row, 'supporter_not_found', `supporter ${supporterId}`);
        await record(s, 'programme_supporter.remove', 'programme_supporter', supporterId, { before });
      });
    },

    logSession(ctx: Ctx, slug: string, enrolmentId: string, input: TLogSessionRequest) {
      return manage(ctx, slug, async (s) => {
        const e = await requireActive(s, enrolmentId);
        if (input.supporterId) {
          const [sup] = await s.tx
            .select({ id: programmeSupporters.id })
            .from(programmeSupporters)
            .where(and(eq(programmeSupporters.id, input.supporterId), eq(programmeSupporters.enrolmentId, enrolmentId)));
          if (!sup)
            throw fieldError(ctx, 'supporterId', 'unknown', 'pas un mentor de cet accompagnement', 'not a supporter of this enrolment');
        }
        if (input.heldOn > todayIn(s.territory.timeZone, clock.now()))
          throw fieldError(ctx, 'heldOn', 'future', 'séance dans le futur', 'session in the future');
        if (e.enteredOn && input.heldOn < e.enteredOn)
          throw fieldError(ctx, 'heldOn', 'too_small', 'avant l’entrée dans le programme', 'before the programme was entered');
        const [row] = await s.tx
          .insert(programmeSessions)
          .values({
            ...input,
            notes: input.notes ?? null,
            supporterId: input.supporterId ?? null,
            territoryId: s.territory.id,
            enrolmentId,
          })
          .returning();
        if (!row) throw new AppError('internal');
        await record(s, 'programme_session.log', 'programme_session', row.id, { after: row });
        return detail(s, enrolmentId, clock.now());
      });
    },

    addMilestone(ctx: Ctx, slug: string, enrolmentId: string, input: TCreateMilestoneRequest) {
      return manage(ctx, slug, async (s) => {
        await requireActive(s, enrolmentId);
        const [row] = await s.tx
          .insert(programmeMilestones)
          .values({ ...input, territoryId: s.territory.id, enrolmentId })
          .returning();
        if (!row) throw new AppError('internal');
        await record(s, 'programme_milestone.create', 'programme_milestone', row.id, { after: row });
        return toMilestone(row, todayIn(s.territory.timeZone, clock.now()));
      });
    },

    updateMilestone(ctx: Ctx, slug: string, milestoneId: string, input: TUpdateMilestoneRequest) {
      return manage(ctx, slug, async (s) => {
        const [found_] = await s.tx.select().from(programmeMilestones).where(eq(programmeMilestones.id, milestoneId));
        const before = found(found_, 'milestone_not_found', `milestone ${milestoneId}`);
        const today = todayIn(s.territory.timeZone, clock.now());
        const status = input.status ?? before.status;
        if (input.doneOn && status !== 'done')
          throw fieldError(
            ctx,
            'doneOn',
            'not_done',
            'une date de réalisation suppose le statut « fait »',
            'a done date needs the status done',
          );
        const doneOn = status === 'done' ? (input.doneOn ?? before.doneOn ?? today) : null;
        if (doneOn && doneOn > today) throw fieldError(ctx, 'doneOn', 'future', 'date dans le futur', 'date in the future');
        const [after] = await s.tx
          .update(programmeMilestones)
          .set({ title: input.title ?? before.title, dueOn: input.dueOn ?? before.dueOn, status, doneOn, updatedAt: new Date() })
          .where(eq(programmeMilestones.id, milestoneId))
          .returning();
        if (!after) throw new AppError('internal');
        await record(s, 'programme_milestone.update', 'programme_milestone', milestoneId, { before, after });
        return toMilestone(after, today);
      });
    },
  };
}

export type MentoringService = ReturnType<typeof createMentoringService>;
