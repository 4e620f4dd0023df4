import { randomUUID } from 'node:crypto';
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import { type AuditEntry, auditMany } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { findCommune, territoryCommunes, territoryThemes } from '../territories/index.ts';
import { defaultPublicFields, type TOrganization } from './directory.contract.ts';
import { organizations, organizationThemes } from './directory.tables.ts';
import { insertMany, jsonRows, updateMany } from './import-bulk.ts';
import type { PlannedRow } from './import-plan.ts';
import {
  addSearchWords,
  loadExtras,
  type OrganizationRow,
  refreshSearchFields,
  rowColumns,
  searchColumns,
  searchFieldsOnInsert,
  searchValues,
  themeText,
  toOrganization,
} from './organization-dto.ts';
import { valuesOf } from './organization-writes.ts';
import type { Scoped } from './scope.ts';

type Values = Partial<typeof organizations.$inferInsert>;
type CommuneOf = (code: string) => Values;
type Links = { id: string; themeIds: string[] }[];

/** Rows written per round of statements: large enough to amortise round trips, small enough to keep each statement light. */
export const writeChunk = 1000;

type Theme = TOrganization['themes'][number];
/**
 * What every chunk of an import reads alike, read once: the territory's communes, so that each
 * row's commune is placed inside or outside it without a query, and its themes in the order an
 * organisation lists them (by French label, as `loadExtras` reads them), so that the audit entry of
 * a new organisation gets its themes without a query.
 */
export type WriteContext = { covered: Set<string>; themes: Map<string, Theme> };

export async function writeContext(s: Scoped, rows: PlannedRow[]): Promise<WriteContext> {
  const covered = new Set<string>();
  if (rows.some((r) => r.input?.communeInsee || r.patch?.communeInsee)) {
    const communes = await s.tx
      .select({ code: territoryCommunes.inseeCode })
      .from(territoryCommunes)
      .where(eq(territoryCommunes.territoryId, s.territory.id));
    for (const c of communes) covered.add(c.code);
  }
  const themes = new Map<string, Theme>();
  if (rows.some((r) => r.action === 'create' && r.input?.themeIds?.length)) {
    const ordered = await s.tx
      .select({ id: territoryThemes.id, slug: territoryThemes.slug, labelFr: territoryThemes.labelFr, labelEn: territoryThemes.labelEn })
      .from(territoryThemes)
      .where(eq(territoryThemes.territoryId, s.territory.id))
      .orderBy(asc(territoryThemes.labelFr));
    for (const t of ordered) themes.set(t.id, t);
  }
  return { covered, themes };
}

/**
 * Keeps the planner's statistics in step with a large import (`totem_analyze_directory`, migration
 * 0013): each time the territory's organisations reach twice what the statistics last knew (from
 * 2,000), so that an import into an empty territory costs a few ANALYZEs rather than reading every
 * row already written for each chunk. Returns what to call with the count created by each chunk.
 */
export async function statisticsKeeper(s: Scoped): Promise<(created: number) => Promise<void>> {
  const [row] = await s.tx.select({ n: count() }).from(organizations).where(eq(organizations.territoryId, s.territory.id));
  let total = Number(row?.n ?? 0);
  let known = Math.max(total, 1000);
  return async (created) => {
    total += created;
    if (total < 2 * known) return;
    await s.tx.execute(sql`SELECT totem_analyze_directory()`);
    known = total;
  };
}

/**
 * After an import that changed something, on the embedded database (which runs no autovacuum): a
 * vacuum pass right away (`Database.vacuumSoon`), without making the import wait for it, so that
 * the new rows are not searched through stale statistics and unflushed index entries until the
 * hourly pass (at 20,000 organisations a misspelt word took 40 ms before the pass, 15 ms after).
 */
export function vacuumAfterImport(database: Pick<Database, 'vacuumSoon'>, summary: { create: number; update: number }): void {
  if (summary.create + summary.update > 0) void database.vacuumSoon?.();
}

/** DTOs of existing organisations from their rows, with their themes and figures. */
async function dtos(s: Scoped, rows: OrganizationRow[]): Promise<Map<string, TOrganization>> {
  const extras = await loadExtras(
    s.tx,
    rows.map((r) => r.id),
  );
  return new Map(rows.map((r) => [r.id, toOrganization(r, extras)]));
}

/** The themes of new organisations, from the links just written, each list in the territory's order. */
function themesOfNew(links: { organizationId: string; themeId: string }[], themes: Map<string, Theme>): Map<string, Theme[]> {
  const rank = new Map([...themes.keys()].map((id, i) => [id, i]));
  const out = new Map<string, Theme[]>();
  for (const l of links) out.set(l.organizationId, [...(out.get(l.organizationId) ?? []), themes.get(l.themeId) as Theme]);
  for (const list of out.values()) list.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  return out;
}

/** Replaces the themes of updated organisations (their search fields are refreshed after). */
async function replaceThemes(s: Scoped, links: Links) {
  if (!links.length) return;
  const ids = links.map((l) => l.id);
  await s.tx.delete(organizationThemes).where(inArray(organizationThemes.organizationId, ids));
  const values = links.flatMap((l) =>
    [...new Set(l.themeIds)].map((themeId) => ({ territoryId: s.territory.id, organizationId: l.id, themeId })),
  );
  await insertMany(s.tx, organizationThemes, values);
}

const reread = async (s: Scoped, ids: string[]) =>
  ids.length ? ((await s.tx.select(rowColumns).from(organizations).where(inArray(organizations.id, ids))) as OrganizationRow[]) : [];

/**
 * Inserts the chunk's new organisations and their themes in one statement: the themes as a CTE, so
 * that the organisations' trigger copies them into the search tables with the rest, and the text of
 * each row's themes joined to compute its search fields. Each new row is written once, where
 * inserting the themes afterwards rewrote its search rows twice more (the themes, then the words
 * their labels add), which doubled the time of an import with a themes column.
 */
async function insertAll(s: Scoped, rows: PlannedRow[], communeOf: CommuneOf) {
  const created = new Map<number, string>();
  const inserts: Values[] = [];
  const links: { territoryId: string; organizationId: string; themeId: string }[] = [];
  for (const r of rows) {
    if (r.action !== 'create' || !r.input) continue;
    const values = await valuesOf(s, r.input, null, `line.${r.line}.`, communeOf);
    const id = randomUUID();
    created.set(r.line, id);
    const publicFields = values.publicFields ?? defaultPublicFields;
    inserts.push({ ...values, id, kind: r.input.kind, name: r.input.name, territoryId: s.territory.id, publicFields });
    for (const themeId of new Set(r.input.themeIds ?? [])) links.push({ territoryId: s.territory.id, organizationId: id, themeId });
  }
  const themes = links.length ? jsonRows(organizationThemes, links) : undefined;
  await insertMany(s.tx, organizations, inserts, {
    columns: searchColumns,
    values: searchValues(),
    join: themes
      ? searchFieldsOnInsert(
          sql`LEFT JOIN (SELECT l.organization_id AS id, string_agg(${themeText}, ' ') AS text FROM ${themes} AS l
            JOIN territory_themes t ON t.id = l.theme_id GROUP BY l.organization_id) th ON th.id = o.id`,
          sql`th.text`,
        )
      : searchFieldsOnInsert(),
    ...(themes
      ? {
          with: sql`INSERT INTO organization_themes (territory_id, organization_id, theme_id) SELECT territory_id, organization_id, theme_id FROM ${themes}`,
        }
      : {}),
  });
  return { created, links };
}

/** Applies the chunk's updates: one statement per set of changed columns, then their themes. */
async function updateAll(s: Scoped, rows: PlannedRow[], communeOf: CommuneOf, now: Date): Promise<string[]> {
  const changed: (Values & { id: string })[] = [];
  const links: Links = [];
  for (const r of rows) {
    if (r.action !== 'update' || !r.existing || !r.patch) continue;
    const values = await valuesOf(s, r.patch, r.existing, `line.${r.line}.`, communeOf);
    changed.push({ ...values, updatedAt: now, id: r.existing.id });
    if (r.patch.themeIds) links.push({ id: r.existing.id, themeIds: r.patch.themeIds });
  }
  await updateMany(s.tx, organizations, changed);
  await replaceThemes(s, links);
  return changed.map((c) => c.id);
}

/**
 * Writes one chunk of planned rows with a few statements whatever its size: one insert for the
 * new organisations with their search fields, one update per set of changed columns, their
 * themes, the search fields of the rows updated or given themes (by the services' own
 * `refreshSearchFields`), and one audit entry per organisation with its state
 * before and after, in the caller's transaction. Returns the id given to each created line.
 */
export async function writeOrganizations(s: Scoped, rows: PlannedRow[], { covered, themes }: WriteContext): Promise<Map<number, string>> {
  const communeOf = (code: string) => ({
    communeInsee: code,
    communeName: findCommune(code)?.name ?? null,
    inTerritory: covered.has(code),
  });
  const before = await dtos(
    s,
    rows.flatMap((r) => (r.action === 'update' && r.existing ? [r.existing] : [])),
  );
  const { created, links } = await insertAll(s, rows, communeOf);
  const updated = await updateAll(s, rows, communeOf, new Date());
  const ids = [...created.values(), ...updated];
  await refreshSearchFields(s.tx, updated);
  await addSearchWords(s.tx, [...created.values()]);
  const fresh = await reread(s, ids);
  // A new organisation has no figures yet, and its themes are those just linked: nothing to read.
  const isNew = new Set(created.values());
  const extras = { themes: themesOfNew(links, themes), metrics: new Map() };
  const after = new Map([
    ...fresh.filter((r) => isNew.has(r.id)).map((r) => [r.id, toOrganization(r, extras)] as const),
    ...(await dtos(
      s,
      fresh.filter((r) => !isNew.has(r.id)),
    )),
  ]);
  const entries: AuditEntry[] = [];
  for (const r of rows) {
    const id = created.get(r.line) ?? (r.action === 'update' ? r.existing?.id : undefined);
    if (!id) continue;
    const change = r.action === 'create' ? { action: 'create' } : { action: 'update', before: before.get(id) };
    entries.push({ territoryId: s.territory.id, entity: 'organization', entityId: id, ...change, after: after.get(id) });
  }
  await auditMany(s.tx, s.ctx.actor, entries, s.ctx.requestId);
  return created;
}
