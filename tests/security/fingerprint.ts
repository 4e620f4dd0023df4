import { sql } from 'drizzle-orm';
import type { TestApp } from '../helpers/app.ts';

/**
 * Tables that change without a write: failed sign-ins are recorded on purpose (rate limiting) and
 * sessions get their last-seen time refreshed.
 */
const ignored = new Set(['login_attempts', 'sessions']);
/**
 * Tables whose rows change in the background: the outbox is marked sent after delivery and a token's
 * last use is refreshed when it authenticates. Their row counts still count.
 */
const countOnly = new Set(['mail_outbox', 'api_tokens']);

export type Fingerprint = Record<string, string>;

const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

/**
 * The state of the database as far as writes go: the row count of every table (the audit log
 * included) and a digest of the content of those that only a write may change. Tables are found
 * in the catalogue, so that a module's new tables are covered without editing this file.
 */
export async function createFingerprinter(t: TestApp): Promise<() => Promise<Fingerprint>> {
  const tables = rowsOf(
    await t.deps.database.transaction({ system: true }, (tx) =>
      tx.execute(sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`),
    ),
  )
    .map((r) => String(r.tablename))
    .filter((name) => !ignored.has(name) && /^[a-z_][a-z0-9_]*$/.test(name));
  if (!tables.includes('audit_log')) throw new Error('the audit log table is missing');
  const query = tables
    .map((name) =>
      countOnly.has(name)
        ? `SELECT '${name}' AS t, count(*)::text AS n, '' AS h FROM "${name}"`
        : `SELECT '${name}' AS t, count(*)::text AS n, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS h FROM "${name}" r`,
    )
    .join(' UNION ALL ');
  return async () => {
    const rows = rowsOf(await t.deps.database.transaction({ system: true }, (tx) => tx.execute(sql.raw(query))));
    return Object.fromEntries(rows.map((r) => [String(r.t), `${r.n} rows ${r.h}`.trim()]));
  };
}

/** The tables whose fingerprint changed, with before → after. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after })
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k}: ${before[k]} → ${after[k]}`);
}
