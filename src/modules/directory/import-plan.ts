import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { AppError, type FieldError } from '../../platform/errors/app-error.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { findCommune, territoryThemes } from '../territories/index.ts';
import type { ParsedCsv } from './csv.ts';
import { type TCreateOrganizationRequest, type TUpdateOrganizationRequest, ZCreateOrganizationRequest } from './directory.contract.ts';
import { organizations, organizationThemes } from './directory.tables.ts';
import { compactIdentifier } from './identifiers.ts';
import type { TImportRow } from './import.contract.ts';
import { booleanOf, type ColumnMap, columnKey, kindOf, listOf, mapColumns, sameValue, statusOf } from './import-columns.ts';
import { type ImportTextKey, importError, importText, issueErrors, parseRow } from './import-messages.ts';
import { type OrganizationRow, rowColumns } from './organization-dto.ts';
import type { Scoped } from './scope.ts';

export type PlannedRow = TImportRow & {
  input?: TCreateOrganizationRequest;
  patch?: TUpdateOrganizationRequest;
  existing?: OrganizationRow;
};
export type Progress = (done: number, total: number) => void;
type Existing = { row: OrganizationRow; themeIds: Set<string> };
type Context = {
  map: ColumnMap;
  locale: Locale;
  themes: Map<string, string>;
  bySiret: Map<string, Existing>;
  byExternal: Map<string, Existing>;
  byId: Map<string, Existing>;
  /** Ids by normalised name: read once, and only when a row has neither SIRET nor external id. */
  idsByName?: Map<string, string[]>;
  /** Keys (SIRET, external id or name) and organisations already claimed by a line of the file. */
  seen: Map<string, number>;
  claimed: Map<string, number>;
};
type Parsed = { line: number; name: string; input: TCreateOrganizationRequest | null; errors: FieldError[] };

/** Rows read and matched per round trip: one query finds the organisations a whole chunk names. */
export const planChunk = 1000;

/** The header of the column a field (or a request key) came from, to name it in errors. */
function headerOf(map: ColumnMap, key: string): string {
  const fields: string[] = key === 'address' ? ['street', 'postalCode', 'city'] : key === 'themeIds' ? ['themes'] : [key];
  for (const [i, f] of map.fields) if (fields.includes(f)) return map.headers[i] ?? key;
  return key;
}

async function loadContext(s: Scoped, map: ColumnMap): Promise<Context> {
  const themes = new Map<string, string>();
  const themeRows = await s.tx.select().from(territoryThemes).where(eq(territoryThemes.territoryId, s.territory.id));
  for (const t of themeRows) for (const k of [t.slug, t.labelFr, t.labelEn, t.id]) themes.set(columnKey(k), t.id);
  const none = () => new Map();
  return { map, locale: s.ctx.locale, themes, bySiret: none(), byExternal: none(), byId: none(), seen: none(), claimed: none() };
}

/** A row's cells as a create request, before validation; cells left empty are absent (an update leaves them as they are). */
function rawInput(ctx: Context, cells: string[], line: number, errors: FieldError[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const address: Record<string, string> = {};
  for (const [i, field] of ctx.map.fields) {
    // A leading apostrophe before = + - @ is how Totem's exports neutralise formulas: read the value back.
    const v = (cells[i]?.trim() ?? '').replace(/^'(?=[=+\-@])/, '');
    if (!v) continue;
    if (field === 'street' || field === 'postalCode' || field === 'city') address[field] = v;
    else if (field === 'kind') raw.kind = kindOf(v);
    else if (field === 'membershipStatus') raw.membershipStatus = statusOf(v);
    else if (field === 'isPublic') raw.isPublic = booleanOf(v);
    else if (field === 'foundingYear') raw.foundingYear = /^\d{1,4}$/.test(v) ? Number(v) : v;
    else if (field === 'siren' || field === 'siret' || field === 'rna') raw[field] = compactIdentifier(v);
    else if (field === 'tags') raw.tags = listOf(v);
    else if (field === 'themes') {
      raw.themeIds = listOf(v).map((name) => {
        const id = ctx.themes.get(columnKey(name));
        if (!id) errors.push(importError(ctx.locale, `line.${line}.${ctx.map.headers[i]}`, 'unknown_theme', 'unknown_theme', { name }));
        return id;
      });
    } else raw[field] = v;
  }
  if (Object.keys(address).length) raw.address = address;
  const insee = raw.communeInsee;
  if (typeof insee === 'string' && /^(\d{5}|2[AB]\d{3})$/.test(insee) && !findCommune(insee)) {
    const path = `line.${line}.${headerOf(ctx.map, 'communeInsee')}`;
    errors.push(importError(ctx.locale, path, 'unknown_commune', 'unknown_commune', { code: insee }));
  }
  return raw;
}

function parse(ctx: Context, { line, cells }: ParsedCsv['rows'][number]): Parsed {
  const errors: FieldError[] = [];
  const parsed = parseRow(ZCreateOrganizationRequest, rawInput(ctx, cells, line, errors), ctx.locale);
  if (!parsed.success) {
    // An unknown theme is already named: the contract's complaint about its missing id would only repeat it.
    const themes = errors.some((e) => e.code === 'unknown_theme') ? `line.${line}.${headerOf(ctx.map, 'themeIds')}` : null;
    const issues = issueErrors(parsed.error, line, ctx.locale, (key) => headerOf(ctx.map, key));
    errors.push(...issues.filter((e) => e.path !== themes));
  }
  const input = parsed.success && !errors.length ? parsed.data : null;
  const name = input?.name ?? cells[[...ctx.map.fields].find(([, f]) => f === 'name')?.[0] ?? 0] ?? '';
  return { line, name, input, errors };
}

async function namesOf(s: Scoped): Promise<Map<string, string[]>> {
  const rows = await s.tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.territoryId, s.territory.id));
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(columnKey(r.name), [...(out.get(columnKey(r.name)) ?? []), r.id]);
  return out;
}

/** Reads, in one query (and one for their themes), the organisations that a chunk's rows may designate. */
async function loadMatches(s: Scoped, ctx: Context, inputs: TCreateOrganizationRequest[]): Promise<void> {
  const sirets = new Set<string>();
  const externals = new Set<string>();
  const ids = new Set<string>();
  for (const i of inputs) {
    if (i.siret && !ctx.bySiret.has(i.siret)) sirets.add(i.siret);
    if (i.externalId && !ctx.byExternal.has(i.externalId)) externals.add(i.externalId);
    if (i.siret || i.externalId) continue;
    ctx.idsByName ??= await namesOf(s);
    const named = ctx.idsByName.get(columnKey(i.name)) ?? [];
    if (named.length === 1 && named[0] && !ctx.byId.has(named[0])) ids.add(named[0]);
  }
  const any: SQL[] = [];
  if (sirets.size) any.push(inArray(organizations.siret, [...sirets]));
  if (externals.size) any.push(inArray(organizations.externalId, [...externals]));
  if (ids.size) any.push(inArray(organizations.id, [...ids]));
  if (!any.length) return;
  const rows = (await s.tx
    .select(rowColumns)
    .from(organizations)
    .where(and(eq(organizations.territoryId, s.territory.id), or(...any)))) as OrganizationRow[];
  if (!rows.length) return;
  const links = await s.tx
    .select({ organizationId: organizationThemes.organizationId, themeId: organizationThemes.themeId })
    .from(organizationThemes)
    .where(
      inArray(
        organizationThemes.organizationId,
        rows.map((r) => r.id),
      ),
    );
  for (const row of rows) ctx.byId.set(row.id, { row, themeIds: new Set() });
  for (const l of links) ctx.byId.get(l.organizationId)?.themeIds.add(l.themeId);
  for (const row of rows) {
    const e = ctx.byId.get(row.id) as Existing;
    if (row.siret) ctx.bySiret.set(row.siret, e);
    if (row.externalId) ctx.byExternal.set(row.externalId, e);
  }
}

type Match = { found?: Existing; reason: ImportTextKey; params?: Record<string, string>; conflict?: boolean };

/** Finds the organisation a row describes: by SIRET, else by external id, else by a name that only one organisation bears. */
function match(ctx: Context, input: TCreateOrganizationRequest): Match {
  const bySiret = input.siret ? ctx.bySiret.get(input.siret) : undefined;
  const byExternal = input.externalId ? ctx.byExternal.get(input.externalId) : undefined;
  if (bySiret && byExternal && bySiret !== byExternal) return { reason: 'new_identifier', conflict: true };
  if (bySiret) return { found: bySiret, reason: 'matched_siret', params: { siret: input.siret ?? '' } };
  if (byExternal) return { found: byExternal, reason: 'matched_external_id', params: { id: input.externalId ?? '' } };
  if (input.siret || input.externalId) return { reason: 'new_identifier' };
  const named = ctx.idsByName?.get(columnKey(input.name)) ?? [];
  const found = named.length === 1 && named[0] ? ctx.byId.get(named[0]) : undefined;
  if (found) return { found, reason: 'matched_name' };
  return { reason: named.length ? 'name_ambiguous' : 'name_unknown' };
}

/** The fields of the row that differ from the organisation on record, as an update request. */
function diff(e: Existing, input: TCreateOrganizationRequest): { patch: TUpdateOrganizationRequest; changes: string[] } {
  const patch: Record<string, unknown> = {};
  const current: Record<string, unknown> = { ...e.row, themeIds: [...e.themeIds] };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'address' || key === 'publicFields' || value === undefined) continue;
    if (!sameValue(value, current[key])) patch[key] = value;
  }
  if (input.address) {
    const next = { street: e.row.street, postalCode: e.row.postalCode, city: e.row.city, ...input.address };
    if (next.street !== e.row.street || next.postalCode !== e.row.postalCode || next.city !== e.row.city) patch.address = next;
  }
  return { patch, changes: Object.keys(patch) };
}

/** A SIRET must begin with the SIREN, the one on record when the row gives none (as a write checks it). */
function sirenMismatch(change: TUpdateOrganizationRequest, before: OrganizationRow | null): boolean {
  const siret = change.siret !== undefined ? change.siret : (before?.siret ?? null);
  const siren = change.siren !== undefined ? change.siren : (before?.siren ?? null);
  return Boolean(siret && siren && !siret.startsWith(siren));
}

/** What one validated row does, given the organisations read for its chunk. */
function decide(ctx: Context, { line, name, input, errors }: Parsed): PlannedRow {
  const base = { line, name, organizationId: null, reasons: [], reasonCodes: [], changes: [], errors };
  if (!input) return { ...base, action: 'error' };
  const fail = (code: string, key: ImportTextKey, params: Record<string, string | number> = {}, path = `line.${line}`): PlannedRow => ({
    ...base,
    action: 'error',
    errors: [importError(ctx.locale, path, code, key, params)],
  });
  // Two establishments may share a name: the name identifies a row only when it has no SIRET nor external id.
  const ids = [input.siret && `siret:${input.siret}`, input.externalId && `external:${input.externalId}`].filter((k): k is string => !!k);
  const keys = ids.length ? ids : [`name:${columnKey(input.name)}`];
  const twin = keys.map((k) => ctx.seen.get(k)).find((l) => l !== undefined);
  if (twin !== undefined) return fail('duplicate_row', 'duplicate_organization', { line: twin });
  for (const k of keys) ctx.seen.set(k, line);
  const m = match(ctx, input);
  if (m.conflict) return fail('conflict', 'conflicting_organization');
  const reason = { reasons: [importText(ctx.locale, m.reason, m.params)], reasonCodes: [m.reason] };
  const mismatch = () => fail('siret_siren_mismatch', 'siret_siren_mismatch', {}, `line.${line}.${headerOf(ctx.map, 'siret')}`);
  if (!m.found) return sirenMismatch(input, null) ? mismatch() : { ...base, ...reason, action: 'create', input };
  // Each organisation is written once per file: a second line reaching it another way is a twin.
  const claimedBy = ctx.claimed.get(m.found.row.id);
  if (claimedBy !== undefined) return fail('duplicate_row', 'duplicate_organization', { line: claimedBy });
  ctx.claimed.set(m.found.row.id, line);
  const { patch, changes } = diff(m.found, input);
  const found = { ...base, ...reason, organizationId: m.found.row.id, existing: m.found.row };
  if (!changes.length) {
    const unchanged = { reasons: [...reason.reasons, importText(ctx.locale, 'unchanged')], reasonCodes: [m.reason, 'unchanged'] };
    return { ...found, ...unchanged, action: 'skip' };
  }
  if (sirenMismatch(patch, m.found.row)) return mismatch();
  return { ...found, action: 'update', changes, patch };
}

/** Decides, row by row, what an import would do; reads only, a chunk of rows per query. */
export async function planImport(s: Scoped, csv: ParsedCsv, onProgress?: Progress): Promise<PlannedRow[]> {
  const { map, errors: headerErrors } = mapColumns(csv.header, s.ctx.locale);
  if (headerErrors.length) throw new AppError('invalid_csv', headerErrors[0]?.message, { errors: headerErrors });
  const ctx = await loadContext(s, map);
  const out: PlannedRow[] = [];
  for (let i = 0; i < csv.rows.length; i += planChunk) {
    const parsed = csv.rows.slice(i, i + planChunk).map((r) => parse(ctx, r));
    await loadMatches(
      s,
      ctx,
      parsed.flatMap((p) => (p.input ? [p.input] : [])),
    );
    for (const p of parsed) out.push(decide(ctx, p));
    onProgress?.(out.length, csv.rows.length);
  }
  return out;
}
