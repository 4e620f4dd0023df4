import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { inSeries } from '../../platform/db/in-series.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { organizations } from '../directory/index.ts';
import { users } from '../identity/index.ts';
import { solveAssignment } from './assignment/solver.ts';
import { infeasibilityMessage } from './assignment-messages.ts';
import { applications, calls, conflictDeclarations, pairRulesTable, reviewerProfiles, reviews, stagePanel } from './calls.tables.ts';
import { detectedConflicts } from './reviewer-access.ts';
import { inTerritory, record, type Scoped } from './scope.ts';
import { applicationThemes } from './screening.ts';
import { requireStage, type StageRow } from './stages.service.ts';

/** Everything the solver needs about a stage, indexed the way it wants. */
async function loadProblemData(s: Scoped, stage: StageRow, now: Date) {
  const [call] = await s.tx.select().from(calls).where(eq(calls.id, stage.callId));
  const apps = await s.tx
    .select({ a: applications, name: organizations.name })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.stageId, stage.id), eq(applications.status, 'submitted')))
    .orderBy(asc(applications.id));
  const panel = await s.tx
    .select({ id: users.id, name: users.displayName, themes: reviewerProfiles.themes })
    .from(stagePanel)
    .innerJoin(users, eq(users.id, stagePanel.userId))
    .leftJoin(reviewerProfiles, eq(reviewerProfiles.userId, users.id))
    .where(eq(stagePanel.stageId, stage.id))
    .orderBy(asc(users.id));
  const themes = await inSeries(apps, ({ a }) => (call ? applicationThemes(s, call, a) : []));
  const appIds = apps.map(({ a }) => a.id);
  const panelIds = panel.map((p) => p.id);
  const detected = await detectedConflicts(s, panelIds, [...new Set(apps.map(({ a }) => a.organizationId))], now);
  const declared = appIds.length
    ? await s.tx
        .select({ a: conflictDeclarations.applicationId, r: conflictDeclarations.reviewerId })
        .from(conflictDeclarations)
        .where(and(inArray(conflictDeclarations.applicationId, appIds), isNotNull(conflictDeclarations.kind)))
    : [];
  const rules = await s.tx.select().from(pairRulesTable).where(eq(pairRulesTable.stageId, stage.id));
  const existing = await s.tx.select().from(reviews).where(eq(reviews.stageId, stage.id));
  return { apps, panel, themes, detected, declared, rules, existing };
}

type Data = Awaited<ReturnType<typeof loadProblemData>>;

function buildProblem(stage: StageRow, d: Data) {
  const appIndex = new Map(d.apps.map(({ a }, i) => [a.id, i]));
  const reviewerIndex = new Map(d.panel.map((p, i) => [p.id, i]));
  const pair = (a: string, r: string) =>
    appIndex.has(a) && reviewerIndex.has(r) ? ([appIndex.get(a), reviewerIndex.get(r)] as [number, number]) : null;
  const excluded: Array<[number, number]> = [];
  d.apps.forEach(({ a }, i) => {
    d.panel.forEach((p, j) => {
      if (d.detected.has(`${p.id}:${a.organizationId}`)) excluded.push([i, j]);
    });
  });
  for (const x of d.declared) excluded.push(...[pair(x.a, x.r)].filter((p) => !!p));
  for (const x of d.rules.filter((r) => r.rule === 'forbid')) excluded.push(...[pair(x.applicationId, x.reviewerId)].filter((p) => !!p));
  const started = d.existing.filter((r) => r.status !== 'assigned').map((r) => pair(r.applicationId, r.reviewerId));
  const pins = d.rules.filter((r) => r.rule === 'pin').map((r) => pair(r.applicationId, r.reviewerId));
  const pinned = [...new Map([...started, ...pins].filter((p) => !!p).map((p) => [`${p[0]}:${p[1]}`, p])).values()];
  const affinity = (a: number, r: number) => {
    const mine = new Set(d.panel[r]?.themes ?? []);
    return Math.min(100, (d.themes[a] ?? []).filter((t) => mine.has(t)).length);
  };
  return {
    problem: {
      reviewsWanted: d.apps.map(() => stage.reviewsWanted),
      minLoad: d.panel.map(() => stage.minLoad),
      maxLoad: d.panel.map(() => stage.maxLoad),
      excluded,
      pinned,
      affinity,
    },
    affinity,
  };
}

/** Automatic assignment of a stage's applications to its panel, with staff's pins and forbidden pairs. */
export function createAssignmentService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    /**
     * Solves the stage's assignment and replaces the unstarted assignments with the result; started
     * and submitted reviews are kept as pins. An impossible setup changes nothing and says why.
     */
    run(ctx: Ctx, slug: string, stageId: string) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const stage = await requireStage(s, stageId, true);
        const d = await loadProblemData(s, stage, clock.now());
        const { problem } = buildProblem(stage, d);
        const result = solveAssignment(problem);
        if (!result.feasible) {
          const names = { applications: d.apps.map((x) => x.name), reviewers: d.panel.map((p) => p.name) };
          const message = infeasibilityMessage(result.reason, names);
          throw new AppError('assignment_infeasible', message[ctx.locale], {
            errors: [{ path: 'assignment', code: result.reason.code, message: message[ctx.locale] }],
          });
        }
        await s.tx.delete(reviews).where(and(eq(reviews.stageId, stageId), eq(reviews.status, 'assigned')));
        const kept = new Set(d.existing.filter((r) => r.status !== 'assigned').map((r) => `${r.applicationId}:${r.reviewerId}`));
        const rows = result.pairs
          .map(([a, r]) => ({ applicationId: d.apps[a]?.a.id as string, reviewerId: d.panel[r]?.id as string }))
          .filter((p) => !kept.has(`${p.applicationId}:${p.reviewerId}`))
          .map((p) => ({ ...p, territoryId: s.territory.id, stageId }));
        if (rows.length) await s.tx.insert(reviews).values(rows);
        await record(s, 'assignment.run', 'call_stage', stageId, {
          before: { assigned: d.existing.filter((r) => r.status === 'assigned').length },
          after: { pairs: result.pairs.length, objective: result.objective, created: rows.length },
        });
        return listAssignments(s, stageId);
      });
    },

    list(ctx: Ctx, slug: string, stageId: string) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        await requireStage(s, stageId);
        return listAssignments(s, stageId);
      });
    },

    /** The pins and forbidden pairs staff set for the stage's next assignment. */
    rules(ctx: Ctx, slug: string, stageId: string) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        await requireStage(s, stageId);
        return rulesOf(s, stageId);
      });
    },

    setRule(ctx: Ctx, slug: string, stageId: string, input: { applicationId: string; reviewerId: string; rule: 'pin' | 'forbid' }) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        await requireStage(s, stageId);
        const values = { ...input, stageId, territoryId: s.territory.id };
        await s.tx
          .insert(pairRulesTable)
          .values(values)
          .onConflictDoUpdate({
            target: [pairRulesTable.stageId, pairRulesTable.applicationId, pairRulesTable.reviewerId],
            set: { rule: input.rule },
          });
        await record(s, `assignment.${input.rule}`, 'call_stage', stageId, { after: input });
        return rulesOf(s, stageId);
      });
    },

    removeRule(ctx: Ctx, slug: string, stageId: string, applicationId: string, reviewerId: string) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const [gone] = await s.tx
          .delete(pairRulesTable)
          .where(
            and(
              eq(pairRulesTable.stageId, stageId),
              eq(pairRulesTable.applicationId, applicationId),
              eq(pairRulesTable.reviewerId, reviewerId),
            ),
          )
          .returning();
        if (!gone) throw new AppError('not_found', 'no such pair rule');
        await record(s, 'assignment.rule_remove', 'call_stage', stageId, { before: gone });
        return rulesOf(s, stageId);
      });
    },
  };
}
export type AssignmentService = ReturnType<typeof createAssignmentService>;

/** The stage's pinned and forbidden pairs, named (organisation, reviewer), in that order. */
async function rulesOf(s: Scoped, stageId: string) {
  const rows = await s.tx
    .select({ r: pairRulesTable, org: organizations.name, reviewer: users.displayName })
    .from(pairRulesTable)
    .innerJoin(applications, eq(applications.id, pairRulesTable.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(users, eq(users.id, pairRulesTable.reviewerId))
    .where(eq(pairRulesTable.stageId, stageId))
    .orderBy(asc(organizations.name), asc(users.displayName));
  return {
    items: rows.map(({ r, org, reviewer }) => ({
      applicationId: r.applicationId,
      reviewerId: r.reviewerId,
      rule: r.rule as 'pin' | 'forbid',
      organizationName: org,
      reviewerName: reviewer,
    })),
  };
}

async function listAssignments(s: Scoped, stageId: string) {
  const rows = await s.tx
    .select({ r: reviews, org: organizations.name, reviewer: users.displayName, a: applications })
    .from(reviews)
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(users, eq(users.id, reviews.reviewerId))
    .where(eq(reviews.stageId, stageId))
    .orderBy(asc(organizations.name), asc(users.displayName));
  const [call] = rows.length
    ? await s.tx
        .select()
        .from(calls)
        .where(eq(calls.id, rows[0]?.a.callId as string))
    : [];
  const profiles = await s.tx.select().from(reviewerProfiles);
  const items = await inSeries(rows, async ({ r, org, reviewer, a }) => {
    const themes = call ? await applicationThemes(s, call, a) : [];
    const expertise = new Set(profiles.find((p) => p.userId === r.reviewerId)?.themes ?? []);
    const affinity = themes.filter((t) => expertise.has(t)).length;
    return {
      reviewId: r.id,
      applicationId: a.id,
      organizationName: org,
      reviewerId: r.reviewerId,
      reviewerName: reviewer,
      status: r.status as 'assigned',
      affinity,
    };
  });
  return { items, objective: items.reduce((sum, i) => sum + i.affinity, 0) };
}
