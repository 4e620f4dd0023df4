import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { territoryThemes } from '../territories/index.ts';
import { mapEnrolmentError } from './admission.ts';
import { programmeDtos, publicProgramme } from './programme-dto.ts';
import type {
  TCreateCohortRequest,
  TCreateProgrammeRequest,
  TProgramme,
  TUpdateCohortRequest,
  TUpdateProgrammeRequest,
} from './programmes.contract.ts';
import { managesProgrammes } from './programmes.policy.ts';
import { programmeCohorts, programmes, programmeThemes } from './programmes.tables.ts';
import { fieldError, found, inTerritory, record, type Scoped, sqlState } from './scope.ts';

async function requireProgramme(s: Scoped, id: string) {
  const [row] = await s.tx.select().from(programmes).where(eq(programmes.id, id));
  return found(row, 'programme_not_found', `programme ${id}`);
}

async function one(s: Scoped, id: string): Promise<TProgramme> {
  const [dto] = await programmeDtos(s.tx, [await requireProgramme(s, id)]);
  if (!dto) throw new AppError('internal');
  return dto;
}

/** Replaces a programme's themes by the territory's themes named by slug (422 on an unknown one). */
async function setThemes(s: Scoped, programmeId: string, slugs: string[] | undefined): Promise<void> {
  if (slugs === undefined) return;
  const wanted = [...new Set(slugs)];
  const rows = wanted.length
    ? await s.tx
        .select({ id: territoryThemes.id, slug: territoryThemes.slug })
        .from(territoryThemes)
        .where(inArray(territoryThemes.slug, wanted))
    : [];
  const unknown = wanted.find((w) => !rows.some((r) => r.slug === w));
  if (unknown) throw new AppError('unknown_theme', `unknown theme ${unknown}`, { details: { theme: unknown } });
  await s.tx.delete(programmeThemes).where(eq(programmeThemes.programmeId, programmeId));
  if (rows.length)
    await s.tx.insert(programmeThemes).values(rows.map((r) => ({ territoryId: s.territory.id, programmeId, themeId: r.id })));
}

/** A write that may break the slug key (409) or lower a cap under the companies already active (409). */
async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (sqlState(err) === '23505') throw new AppError('programme_slug_taken', 'a programme already uses this slug');
    throw mapEnrolmentError(err);
  }
}

function checkCohortDates(ctx: Ctx, startsOn: string, endsOn: string) {
  if (endsOn < startsOn) throw fieldError(ctx, 'endsOn', 'too_small', 'fin avant le début', 'ends before it starts');
}

/** Programmes and their cohorts: staff define them; published ones have a public page with their alumni. */
export function createProgrammesService({ database }: Pick<Deps, 'database'>) {
  return {
    create(ctx: Ctx, slug: string, input: TCreateProgrammeRequest) {
      return inTerritory(database, ctx, slug, 'programmes.manage', async (s) => {
        const { themes, ...fields } = input;
        const [row] = await guarded(() =>
          s.tx
            .insert(programmes)
            .values({ ...fields, territoryId: s.territory.id })
            .returning(),
        );
        if (!row) throw new AppError('internal');
        await setThemes(s, row.id, themes);
        const after = await one(s, row.id);
        await record(s, 'programme.create', 'programme', row.id, { after });
        return after;
      });
    },

    update(ctx: Ctx, slug: string, id: string, input: TUpdateProgrammeRequest) {
      return inTerritory(database, ctx, slug, 'programmes.manage', async (s) => {
        const before = await one(s, id);
        const { themes, ...fields } = input;
        if (Object.keys(fields).length)
          await guarded(() =>
            s.tx
              .update(programmes)
              .set({ ...fields, updatedAt: new Date() })
              .where(eq(programmes.id, id)),
          );
        await setThemes(s, id, themes);
        const after = await one(s, id);
        await record(s, 'programme.update', 'programme', id, { before, after });
        return after;
      });
    },

    get(ctx: Ctx, slug: string, id: string) {
      return inTerritory(database, ctx, slug, 'programmes.manage', (s) => one(s, id));
    },

    /** Every programme for the staff; published ones only for everyone else. */
    list(ctx: Ctx, slug: string) {
      return inTerritory(database, ctx, slug, 'programmes.read_public', async (s) => {
        const all = managesProgrammes(ctx.actor, s.territory.id);
        const rows = await s.tx
          .select()
          .from(programmes)
          .where(all ? undefined : eq(programmes.isPublished, true))
          .orderBy(asc(programmes.nameFr));
        return { items: await programmeDtos(s.tx, rows) };
      });
    },

    publicPage(ctx: Ctx, slug: string, programmeSlug: string) {
      return inTerritory(database, ctx, slug, 'programmes.read_public', async (s) => {
        const [row] = await s.tx
          .select()
          .from(programmes)
          .where(and(eq(programmes.slug, programmeSlug), eq(programmes.isPublished, true)));
        return publicProgramme(s.tx, found(row, 'programme_not_found', `programme ${programmeSlug}`));
      });
    },

    addCohort(ctx: Ctx, slug: string, programmeId: string, input: TCreateCohortRequest) {
      return inTerritory(database, ctx, slug, 'programmes.manage', async (s) => {
        const programme = await requireProgramme(s, programmeId);
        if (programme.entry !== 'cohorts')
          throw fieldError(
            ctx,
            'name',
            'continuous',
            'ce programme est à entrée continue, sans promotion',
            'this programme is continuous, without cohorts',
          );
        checkCohortDates(ctx, input.startsOn, input.endsOn);
        const [row] = await s.tx
          .insert(programmeCohorts)
          .values({ ...input, territoryId: s.territory.id, programmeId })
          .returning();
        if (!row) throw new AppError('internal');
        await record(s, 'programme_cohort.create', 'programme_cohort', row.id, { after: row });
        return one(s, programmeId);
      });
    },

    updateCohort(ctx: Ctx, slug: string, cohortId: string, input: TUpdateCohortRequest) {
      return inTerritory(database, ctx, slug, 'programmes.manage', async (s) => {
        const [before] = await s.tx.select().from(programmeCohorts).where(eq(programmeCohorts.id, cohortId));
        const cohort = found(before, 'cohort_not_found', `cohort ${cohortId}`);
        checkCohortDates(ctx, input.startsOn ?? cohort.startsOn, input.endsOn ?? cohort.endsOn);
        if (!Object.keys(input).length) return one(s, cohort.programmeId);
        const [after] = await guarded(() => s.tx.update(programmeCohorts).set(input).where(eq(programmeCohorts.id, cohortId)).returning());
        await record(s, 'programme_cohort.update', 'programme_cohort', cohortId, { before: cohort, after });
        return one(s, cohort.programmeId);
      });
    },
  };
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>;
