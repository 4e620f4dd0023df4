import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organizations } from '../directory/index.ts';
import { territoryThemes } from '../territories/index.ts';
import type { TCohort, TProgramme } from './programmes.contract.ts';
import { programmeCohorts, programmeEnrolments, type programmes, programmeThemes } from './programmes.tables.ts';

type ProgrammeRow = typeof programmes.$inferSelect;

async function themesOf(tx: Db, programmeIds: string[]) {
  if (!programmeIds.length) return [];
  return tx
    .select({
      programmeId: programmeThemes.programmeId,
      slug: territoryThemes.slug,
      labelFr: territoryThemes.labelFr,
      labelEn: territoryThemes.labelEn,
    })
    .from(programmeThemes)
    .innerJoin(territoryThemes, eq(territoryThemes.id, programmeThemes.themeId))
    .where(inArray(programmeThemes.programmeId, programmeIds))
    .orderBy(asc(territoryThemes.slug));
}

async function cohortsOf(tx: Db, programmeIds: string[]): Promise<(TCohort & { programmeId: string })[]> {
  if (!programmeIds.length) return [];
  const rows = await tx
    .select()
    .from(programmeCohorts)
    .where(inArray(programmeCohorts.programmeId, programmeIds))
    .orderBy(asc(programmeCohorts.startsOn), asc(programmeCohorts.name));
  const active = await tx
    .select({ cohortId: programmeEnrolments.cohortId, n: count() })
    .from(programmeEnrolments)
    .where(and(inArray(programmeEnrolments.programmeId, programmeIds), eq(programmeEnrolments.status, 'active')))
    .groupBy(programmeEnrolments.cohortId);
  const byCohort = new Map(active.map((a) => [a.cohortId, Number(a.n)]));
  return rows.map((c) => ({
    programmeId: c.programmeId,
    id: c.id,
    name: c.name,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    cap: c.cap,
    active: byCohort.get(c.id) ?? 0,
  }));
}

/** Programmes as the staff see them: themes, cohorts with their active counts, and the counts by status. */
export async function programmeDtos(tx: Db, rows: ProgrammeRow[]): Promise<TProgramme[]> {
  const ids = rows.map((r) => r.id);
  // One after the other: the transaction's one connection runs one query at a time.
  const themes = await themesOf(tx, ids);
  const cohorts = await cohortsOf(tx, ids);
  const counts = ids.length
    ? await tx
        .select({ programmeId: programmeEnrolments.programmeId, status: programmeEnrolments.status, n: count() })
        .from(programmeEnrolments)
        .where(inArray(programmeEnrolments.programmeId, ids))
        .groupBy(programmeEnrolments.programmeId, programmeEnrolments.status)
    : [];

  const countOf = (id: string, status: string) => Number(counts.find((c) => c.programmeId === id && c.status === status)?.n ?? 0);
  return rows.map((p) => ({
    id: p.id,
    slug: p.slug,
    nameFr: p.nameFr,
    nameEn: p.nameEn,
    descriptionFr: p.descriptionFr,
    descriptionEn: p.descriptionEn,
    kind: p.kind as TProgramme['kind'],
    entry: p.entry as TProgramme['entry'],
    defaultDurationMonths: p.defaultDurationMonths,
    cap: p.cap,
    isPublished: p.isPublished,
    themes: themes.filter((t) => t.programmeId === p.id).map(({ programmeId: _, ...t }) => t),
    cohorts: cohorts.filter((c) => c.programmeId === p.id).map(({ programmeId: _, ...c }) => c),
    counts: { active: countOf(p.id, 'active'), waitlisted: countOf(p.id, 'waitlisted'), alumni: countOf(p.id, 'exited') },
  }));
}

/** The public page: published fields, cohorts, and alumni whose organisation is public in the directory. */
export async function publicProgramme(tx: Db, p: ProgrammeRow) {
  const [dto] = await programmeDtos(tx, [p]);
  const alumni = await tx
    .select({ id: organizations.id, name: organizations.name, exitedOn: programmeEnrolments.exitedOn })
    .from(programmeEnrolments)
    .innerJoin(organizations, eq(organizations.id, programmeEnrolments.organizationId))
    .where(and(eq(programmeEnrolments.programmeId, p.id), eq(programmeEnrolments.status, 'exited'), eq(organizations.isPublic, true)))
    .orderBy(asc(organizations.name));
  return {
    slug: p.slug,
    nameFr: p.nameFr,
    nameEn: p.nameEn,
    descriptionFr: p.descriptionFr,
    descriptionEn: p.descriptionEn,
    kind: p.kind as TProgramme['kind'],
    entry: p.entry as TProgramme['entry'],
    defaultDurationMonths: p.defaultDurationMonths,
    cap: p.cap,
    themes: dto?.themes ?? [],
    cohorts: (dto?.cohorts ?? []).map((c) => ({ name: c.name, startsOn: c.startsOn, endsOn: c.endsOn })),
    alumni: alumni.map((a) => ({ id: a.id, name: a.name, exitedOn: a.exitedOn ?? '' })),
  };
}
