import { and, asc, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { inSeries } from '../../platform/db/in-series.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { createMembersService, memberships, users } from '../identity/index.ts';
import { territoryThemes } from '../territories/index.ts';
import { requireCall } from './calls.service.ts';
import { applications, callStages, reviewerProfiles, reviews, stagePanel } from './calls.tables.ts';
import { inTerritory, record, type Scoped } from './scope.ts';
import type { TAddPanelMemberRequest, TCreateStageRequest, TStage, TUpdateStageRequest } from './stages.contract.ts';

export type StageRow = typeof callStages.$inferSelect;

export async function requireStage(s: Scoped, id: string, lock = false): Promise<StageRow> {
  const q = s.tx.select().from(callStages).where(eq(callStages.id, id)).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('stage_not_found', `no stage ${id}`);
  return row;
}

/** The territory's reviewers (accounts holding the reviewer role), with their expertise. */
export async function reviewersWhere(s: Scoped, userIds?: readonly string[]) {
  const rows = await s.tx
    .select({ userId: users.id, email: users.email, displayName: users.displayName, themes: reviewerProfiles.themes })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(reviewerProfiles, eq(reviewerProfiles.userId, users.id))
    .where(
      and(eq(memberships.role, 'reviewer'), userIds ? inArray(users.id, [...userIds, '00000000-0000-0000-0000-000000000000']) : undefined),
    )
    .orderBy(asc(users.displayName));
  return rows.map((r) => ({ ...r, themes: r.themes ?? [] }));
}

async function toStage(s: Scoped, st: StageRow): Promise<TStage> {
  const panel = await s.tx.select({ userId: stagePanel.userId }).from(stagePanel).where(eq(stagePanel.stageId, st.id));
  const [apps] = await s.tx.select({ n: count() }).from(applications).where(eq(applications.stageId, st.id));
  const { territoryId: _t, createdAt: _c, ...rest } = st;
  return {
    ...rest,
    panel: panel.length
      ? await reviewersWhere(
          s,
          panel.map((p) => p.userId),
        )
      : [],
    applicationCount: apps?.n ?? 0,
  };
}

async function refuseIfReviewed(s: Scoped, stageId: string) {
  const [n] = await s.tx
    .select({ n: count() })
    .from(reviews)
    .where(and(eq(reviews.stageId, stageId), eq(reviews.status, 'submitted')));
  if (n && n.n > 0) throw new AppError('review_locked', 'reviews were submitted with this rubric');
}

/**
 * Moves the call's stages from `from` on by `by` places. Positions are unique per call, so the
 * rows first go out of the way (negative), then to their new place.
 */
async function renumber(s: Scoped, callId: string, from: number, by: 1 | -1) {
  const moved = and(eq(callStages.callId, callId), gte(callStages.position, from));
  await s.tx
    .update(callStages)
    .set({ position: sql`-${callStages.position}` })
    .where(moved);
  await s.tx
    .update(callStages)
    .set({ position: sql`-${callStages.position} + ${by}` })
    .where(and(eq(callStages.callId, callId), lt(callStages.position, 0)));
}

/** Stages of a call: rubric, panel, loads, and moving applications from one stage to the next. */
export function createStagesService(deps: Pick<Deps, 'database' | 'clock' | 'mailer' | 'config'>) {
  const { database, clock } = deps;
  const members = createMembersService(deps);
  return {
    list(ctx: Ctx, slug: string, callRef: string) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const call = await requireCall(s, callRef);
        const rows = await s.tx.select().from(callStages).where(eq(callStages.callId, call.id)).orderBy(asc(callStages.position));
        return { items: await inSeries(rows, (r) => toStage(s, r)) };
      });
    },

    create(ctx: Ctx, slug: string, callRef: string, input: TCreateStageRequest) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const call = await requireCall(s, callRef, true);
        const [last] = await s.tx.select({ n: count() }).from(callStages).where(eq(callStages.callId, call.id));
        const { position: wanted, ...fields } = input;
        const end = (last?.n ?? 0) + 1;
        const position = Math.min(wanted ?? end, end);
        if (position < end) await renumber(s, call.id, position, 1);
        const [row] = await s.tx
          .insert(callStages)
          .values({ ...fields, callId: call.id, position, territoryId: s.territory.id })
          .returning();
        if (!row) throw new AppError('internal');
        await record(s, 'stage.create', 'call_stage', row.id, { after: row });
        return toStage(s, row);
      });
    },

    update(ctx: Ctx, slug: string, stageId: string, input: TUpdateStageRequest) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const before = await requireStage(s, stageId, true);
        if (input.rubric) await refuseIfReviewed(s, stageId);
        const minLoad = input.minLoad ?? before.minLoad;
        const maxLoad = input.maxLoad ?? before.maxLoad;
        if (minLoad > maxLoad) throw new AppError('validation_failed', 'minLoad may not exceed maxLoad');
        const [after] = await s.tx.update(callStages).set(input).where(eq(callStages.id, stageId)).returning();
        if (!after) throw new AppError('internal');
        await record(s, 'stage.update', 'call_stage', stageId, { before, after });
        return toStage(s, after);
      });
    },

    /**
     * Deletes a stage that holds no application and no review (its panel and pair rules go with
     * it); the stages after it move up one place.
     */
    remove(ctx: Ctx, slug: string, stageId: string) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const stage = await requireStage(s, stageId);
        await requireCall(s, stage.callId, true);
        const [apps] = await s.tx.select({ n: count() }).from(applications).where(eq(applications.stageId, stageId));
        const [revs] = await s.tx.select({ n: count() }).from(reviews).where(eq(reviews.stageId, stageId));
        if ((apps?.n ?? 0) > 0 || (revs?.n ?? 0) > 0)
          throw new AppError('stage_in_use', `${apps?.n ?? 0} application(s) and ${revs?.n ?? 0} review(s) in this stage`);
        await s.tx.delete(callStages).where(eq(callStages.id, stageId));
        await renumber(s, stage.callId, stage.position + 1, -1);
        await record(s, 'stage.delete', 'call_stage', stageId, { before: stage });
      });
    },

    /** Adds a reviewer to the panel; an e-mail address is invited through identity's role grant (admins only). */
    async addPanelMember(ctx: Ctx, slug: string, stageId: string, input: TAddPanelMemberRequest) {
      let userId = 'userId' in input ? input.userId : null;
      if (!userId && 'email' in input) userId = await inviteReviewer(ctx, slug, input);
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const stage = await requireStage(s, stageId);
        const [reviewer] = await reviewersWhere(s, [userId as string]);
        if (!reviewer) throw new AppError('reviewer_not_found', 'the account does not hold the reviewer role here');
        await s.tx.insert(stagePanel).values({ territoryId: s.territory.id, stageId, userId: reviewer.userId }).onConflictDoNothing();
        await record(s, 'panel.add', 'call_stage', stageId, { after: { userId: reviewer.userId } });
        return toStage(s, stage);
      });
    },

    /** Removes a reviewer from the panel, with their unstarted assignments; started reviews stay. */
    removePanelMember(ctx: Ctx, slug: string, stageId: string, userId: string) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const stage = await requireStage(s, stageId);
        const [gone] = await s.tx
          .delete(stagePanel)
          .where(and(eq(stagePanel.stageId, stageId), eq(stagePanel.userId, userId)))
          .returning();
        if (!gone) throw new AppError('reviewer_not_found', 'not on this panel');
        await s.tx.delete(reviews).where(and(eq(reviews.stageId, stageId), eq(reviews.reviewerId, userId), eq(reviews.status, 'assigned')));
        await record(s, 'panel.remove', 'call_stage', stageId, { before: { userId } });
        return toStage(s, stage);
      });
    },

    /** Moves submitted applications into this stage, from the previous one only (all or none). */
    advance(ctx: Ctx, slug: string, stageId: string, applicationIds: string[]) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const stage = await requireStage(s, stageId);
        const [previous] = await s.tx
          .select({ id: callStages.id })
          .from(callStages)
          .where(and(eq(callStages.callId, stage.callId), eq(callStages.position, stage.position - 1)));
        const rows = await s.tx
          .select({ id: applications.id, stageId: applications.stageId, status: applications.status, callId: applications.callId })
          .from(applications)
          .where(inArray(applications.id, applicationIds))
          .for('update');
        const ok = (a: (typeof rows)[number]) =>
          a.callId === stage.callId && a.status === 'submitted' && a.stageId === (previous?.id ?? null);
        if (rows.length !== new Set(applicationIds).size) throw new AppError('application_not_found', 'unknown application');
        const wrong = rows.filter((a) => !ok(a)).map((a) => a.id);
        if (wrong.length) throw new AppError('stage_order', `not in the previous stage or not submitted: ${wrong.join(', ')}`);
        await s.tx.update(applications).set({ stageId, updatedAt: clock.now() }).where(inArray(applications.id, applicationIds));
        for (const id of new Set(applicationIds))
          await record(s, 'application.advance', 'application', id, {
            before: { stageId: rows.find((r) => r.id === id)?.stageId },
            after: { stageId },
          });
        return { moved: rows.length };
      });
    },

    reviewers(ctx: Ctx, slug: string) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => ({ items: await reviewersWhere(s) }));
    },

    /** The signed-in reviewer's own account and expertise. */
    profile(ctx: Ctx, slug: string) {
      return inTerritory(database, ctx, slug, 'calls.review', async (s) => {
        const [reviewer] = await reviewersWhere(s, [ctx.actor.kind === 'user' ? ctx.actor.userId : '']);
        if (!reviewer) throw new AppError('reviewer_not_found', 'the account does not hold the reviewer role here');
        return reviewer;
      });
    },

    /** Sets a reviewer's expertise (themes of the territory): by staff, or by the reviewer for themselves. */
    setProfile(ctx: Ctx, slug: string, userId: string | null, themes: string[]) {
      const action = userId ? 'calls.manage' : 'calls.review';
      return inTerritory(database, ctx, slug, action, async (s) => {
        const id = userId ?? (ctx.actor.kind === 'user' ? ctx.actor.userId : '');
        const [reviewer] = await reviewersWhere(s, [id]);
        if (!reviewer) throw new AppError('reviewer_not_found', 'the account does not hold the reviewer role here');
        const known = themes.length
          ? await s.tx.select({ slug: territoryThemes.slug }).from(territoryThemes).where(inArray(territoryThemes.slug, themes))
          : [];
        if (known.length !== new Set(themes).size) throw new AppError('unknown_theme', 'unknown theme');
        const values = { territoryId: s.territory.id, userId: id, themes: [...new Set(themes)], updatedAt: clock.now() };
        await s.tx
          .insert(reviewerProfiles)
          .values(values)
          .onConflictDoUpdate({ target: [reviewerProfiles.territoryId, reviewerProfiles.userId], set: values });
        await record(s, 'reviewer.profile', 'reviewer_profile', id, {
          before: { themes: reviewer.themes },
          after: { themes: values.themes },
        });
        return { ...reviewer, themes: values.themes };
      });
    },
  };

  async function inviteReviewer(ctx: Ctx, slug: string, input: { email: string; displayName?: string | undefined }) {
    const existing = await inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
      const [u] = await s.tx.select({ id: users.id }).from(users).where(eq(users.email, input.email.toLowerCase())).limit(1);
      return u ? (await reviewersWhere(s, [u.id]))[0]?.userId : undefined;
    });
    if (existing) return existing;
    const granted = await members.grant(ctx, slug, {
      email: input.email,
      role: 'reviewer',
      ...(input.displayName ? { displayName: input.displayName } : {}),
    });
    return granted.userId;
  }
}
export type StagesService = ReturnType<typeof createStagesService>;
