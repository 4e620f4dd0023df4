import { getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';

/**
 * Bulk statements for imports. The rows of a statement travel as one JSON parameter, read back with
 * the table's own row type (`json_populate_recordset`), so that a thousand rows cost one parameter
 * to bind rather than thousands, and the same SQL serves PGlite and PostgreSQL.
 */
type Row = Record<string, unknown>;

/** Rows as a set of the table's row type, from one JSON parameter. */
export const jsonRows = (table: PgTable, rows: Row[]) => {
  const columns = getTableColumns(table);
  const named = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [columns[k]?.name ?? k, v])));
  return sql`json_populate_recordset(NULL::${sql.identifier(getTableName(table))}, ${JSON.stringify(named)}::json)`;
};

/** Groups rows by a key, keeping their order within each group. */
function groupBy<T>(rows: T[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()];
}

/**
 * Columns an insert computes in SQL from its rows (the CTE `o`, which `join` may read again), and
 * what it joins to compute them; `with`, a data-modifying statement run as a CTE of the last insert,
 * when every row is written (its foreign keys to the rows are checked at the end of that statement,
 * and the table's statement triggers see what it wrote).
 */
export type Computed = { columns: string[]; values: SQL; join: SQL; with?: SQL };

/**
 * Inserts rows given by their Drizzle keys, as `insert().values()` would: a key a row leaves out
 * takes the column's default (a JSON null would not), so rows are grouped by the SQL defaults they
 * need and a column's plain default is filled in. `computed` adds columns computed from each row.
 */
export async function insertMany(tx: Db, table: PgTable, rows: Row[], computed?: Computed): Promise<void> {
  if (!rows.length) return;
  const columns = getTableColumns(table);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const filled = rows.map((r) => {
    const out: Row = { ...r };
    for (const k of keys) {
      const d = columns[k]?.default;
      if (out[k] === undefined && d !== undefined && !is(d, SQL)) out[k] = d;
    }
    return out;
  });
  const missing = (r: Row) => keys.filter((k) => r[k] === undefined && columns[k]?.hasDefault).join(',');
  const groups = groupBy(filled, missing);
  for (const [i, group] of groups.entries()) {
    const omitted = new Set(missing(group[0] ?? {}).split(','));
    const names = keys.filter((k) => !omitted.has(k)).map((k) => sql.identifier(columns[k]?.name ?? k));
    const list = sql.join(names, sql`, `);
    if (!computed) {
      await tx.execute(sql`INSERT INTO ${table} (${list}) SELECT ${list} FROM ${jsonRows(table, group)}`);
      continue;
    }
    const more = sql.join(
      computed.columns.map((c) => sql.identifier(c)),
      sql`, `,
    );
    const own = sql.join(
      names.map((n) => sql`o.${n}`),
      sql`, `,
    );
    const written = computed.with && i === groups.length - 1 ? sql`, written AS (${computed.with})` : sql``;
    await tx.execute(
      sql`WITH o AS MATERIALIZED (SELECT * FROM ${jsonRows(table, group)})${written}
        INSERT INTO ${table} (${list}, ${more}) SELECT ${own}, ${computed.values} FROM o ${computed.join}`,
    );
  }
}

/**
 * Updates many rows by `id`, each with its own values: one statement per set of keys changed
 * (rows sharing their keys share a statement).
 */
export async function updateMany(tx: Db, table: PgTable, rows: (Row & { id: string })[]): Promise<void> {
  const columns = getTableColumns(table);
  for (const group of groupBy(rows, (r) => Object.keys(r).sort().join(','))) {
    const keys = Object.keys(group[0] ?? {}).filter((k) => k !== 'id');
    if (!keys.length) continue;
    const set = sql.join(
      keys.map((k) => {
        const name = sql.identifier(columns[k]?.name ?? k);
        return sql`${name} = v.${name}`;
      }),
      sql`, `,
    );
    await tx.execute(sql`UPDATE ${table} AS t SET ${set} FROM ${jsonRows(table, group)} AS v WHERE t.id = v.id`);
  }
}
