import { and, asc, count, eq, gt, inArray } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { inSeries } from '../../platform/db/in-series.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { programmes } from '../programmes/index.ts';
import { territoryThemes } from '../territories/index.ts';
import { type CallRow, toCall, toPublicCall, windowOf } from './call-dto.ts';
import { isUuid, type TCreateCallRequest, type TUpdateCallRequest } from './calls.contract.ts';
import { managesCalls } from './calls.policy.ts';
import { applications, callStages, calls } from './calls.tables.ts';
import type { TCallStatus } from './calls.values.ts';
import { ZFormDefinition } from './forms.ts';
import { inTerritory, record, type Scoped } from './scope.ts';
import { defaultStages } from './stage-defaults.ts';

/** Allowed moves of a call's status. */
const transitions: Record<TCallStatus, readonly TCallStatus[]> = {
  draft: ['published'],
  published: ['closed'],
  closed: ['published', 'archived'],
  archived: [],
};

/**
 * A call by id or slug; a draft or archived call does not exist for those who do not manage calls.
 * `lock` holds its row until the transaction ends.
 */
export async function requireCall(s: Scoped, ref: string, lock = false): Promise<CallRow> {
  const q = s.tx
    .select()
    .from(calls)
    .where(isUuid(ref) ? eq(calls.id, ref) : eq(calls.slug, ref))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  const visible = row && (managesCalls(s.ctx.actor, s.territory.id) || row.status === 'published' || row.status === 'closed');
  if (!row || !visible) throw new AppError('call_not_found', `no call ${ref}`);
  return row;
}

async function checkThemes(s: Scoped, themes: readonly string[] | undefined) {
  if (!themes?.length) return;
  const rows = await s.tx
    .select({ slug: territoryThemes.slug })
    .from(territoryThemes)
    .where(inArray(territoryThemes.slug, [...themes]));
  const unknown = themes.filter((t) => !rows.some((r) => r.slug === t));
  if (unknown.length) throw new AppError('unknown_theme', `unknown themes: ${unknown.join(', ')}`);
}

/** Calls: public reading of published calls, management by the territory's admins and staff. */
/** The programme a call leads to must be one of the territory's (its selected applicants enter it). */
async function checkProgramme(s: Scoped, programmeId: string | null | undefined): Promise<void> {
  if (!programmeId) return;
  const [found] = await s.tx
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.id, programmeId), eq(programmes.territoryId, s.territory.id)));
  if (found) return;
  const message = s.ctx.locale === 'fr' ? 'programme inconnu dans ce territoire' : 'no such programme in this territory';
  throw new AppError('validation_failed', message, { errors: [{ path: 'body.programmeId', code: 'not_found', message }] });
}

export function createCallsService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    list(ctx: Ctx, slug: string, { page, pageSize }: { page: number; pageSize: number }) {
      return inTerritory(database, ctx, slug, 'calls.read_public', async (s) => {
        const where = managesCalls(ctx.actor, s.territory.id) ? undefined : eq(calls.status, 'published');
        const rows = await s.tx
          .select()
          .from(calls)
          .where(where)
          .orderBy(asc(calls.titleFr))
          .limit(pageSize)
          .offset((page - 1) * pageSize);
        const [total] = await s.tx.select({ n: count() }).from(calls).where(where);
        const now = clock.now();
        return { items: await inSeries(rows, (r) => toPublicCall(s, r, now)), total: total?.n ?? 0, page, pageSize };
      });
    },

    get(ctx: Ctx, slug: string, ref: string) {
      return inTerritory(database, ctx, slug, 'calls.read_public', async (s) => toPublicCall(s, await requireCall(s, ref), clock.now()));
    },

    getForStaff(ctx: Ctx, slug: string, ref: string) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => toCall(s, await requireCall(s, ref), clock.now()));
    },

    create(ctx: Ctx, slug: string, input: TCreateCallRequest) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const { opensLocal, closesLocal, intake, ...rest } = input;
        const window = windowOf(intake, opensLocal, closesLocal, s.territory.timeZone);
        await checkThemes(s, input.themes);
        await checkProgramme(s, input.programmeId);
        const [row] = await s.tx
          .insert(calls)
          .values({ ...rest, form: ZFormDefinition.parse(rest.form), ...window, intake, territoryId: s.territory.id })
          .returning();
        if (!row) throw new AppError('internal');
        await s.tx
          .insert(callStages)
          .values(defaultStages.map((d, i) => ({ ...d, position: i + 1, callId: row.id, territoryId: s.territory.id })));
        await record(s, 'call.create', 'call', row.id, { after: row });
        return toCall(s, row, clock.now());
      });
    },

    update(ctx: Ctx, slug: string, ref: string, input: TUpdateCallRequest) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const before = await requireCall(s, ref);
        await checkThemes(s, input.themes);
        await checkProgramme(s, input.programmeId);
        const { opensLocal, closesLocal, intake, ...rest } = input;
        const window = windowOf(
          intake ?? before.intake,
          opensLocal === undefined ? before.opensLocal : opensLocal,
          closesLocal === undefined ? before.closesLocal : closesLocal,
          s.territory.timeZone,
        );
        if (input.form) await refuseIfSubmitted(s, before.id);
        const [after] = await s.tx
          .update(calls)
          .set({
            ...rest,
            ...(rest.form ? { form: ZFormDefinition.parse(rest.form) } : {}),
            ...window,
            ...(intake ? { intake } : {}),
            updatedAt: clock.now(),
          })
          .where(eq(calls.id, before.id))
          .returning();
        if (!after) throw new AppError('internal');
        await record(s, 'call.update', 'call', after.id, { before, after });
        return toCall(s, after, clock.now());
      });
    },

    setStatus(ctx: Ctx, slug: string, ref: string, status: TCallStatus) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const before = await requireCall(s, ref);
        if (!transitions[before.status as TCallStatus].includes(status))
          throw new AppError('call_transition', `a ${before.status} call cannot become ${status}`);
        const [after] = await s.tx.update(calls).set({ status, updatedAt: clock.now() }).where(eq(calls.id, before.id)).returning();
        if (!after) throw new AppError('internal');
        await record(s, 'call.status', 'call', after.id, { before: { status: before.status }, after: { status } });
        return toCall(s, after, clock.now());
      });
    },

    /** Shows the selected applications as laureates on the call's public page. */
    publishLaureates(ctx: Ctx, slug: string, ref: string) {
      return inTerritory(database, ctx, slug, 'calls.manage', async (s) => {
        const before = await requireCall(s, ref);
        const [after] = await s.tx.update(calls).set({ laureatesPublishedAt: clock.now() }).where(eq(calls.id, before.id)).returning();
        if (!after) throw new AppError('internal');
        await record(s, 'call.publish_laureates', 'call', after.id, { after: { laureatesPublishedAt: after.laureatesPublishedAt } });
        return toPublicCall(s, after, clock.now());
      });
    },
  };
}
export type CallsService = ReturnType<typeof createCallsService>;

/**
 * The form is frozen once an application has been submitted: answers and revisions refer to its
 * question ids, and reviewers compare revisions question by question. (A trigger keeps the rule too.)
 */
async function refuseIfSubmitted(s: Scoped, callId: string) {
  const [row] = await s.tx
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.callId, callId), gt(applications.revision, 0)));
  if (row && row.n > 0) throw new AppError('form_locked', 'the form is frozen after the first submission');
}
