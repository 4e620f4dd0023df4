import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import type { Database, Db } from './client.ts';

/**
 * Logical backups: JSON lines, one header then one line per row, tables in foreign-key order.
 * Engine-neutral, so a dump taken on PGlite restores on PostgreSQL and the reverse.
 */
export const backupFormat = 'totem-backup/1';

type Header = { format: string; createdAt: string; engine: string; migrations: number; tables: string[] };

const rowsOf = <T>(r: unknown): T[] => (r as { rows: T[] }).rows;

async function tablesInOrder(tx: Db): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(
    await tx.execute(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`),
  ).map((r) => r.name);
  const edges = rowsOf<{ child: string; parent: string }>(
    await tx.execute(sql`
      SELECT c.relname AS child, p.relname AS parent
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'`),
  );
  // Parents before children (Kahn's algorithm); ties keep alphabetical order for stable dumps.
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size) {
    const ready = [...pending].filter((t) => !edges.some((e) => e.child === t && e.parent !== t && pending.has(e.parent)));
    if (!ready.length) throw new Error('foreign-key cycle between tables');
    for (const t of ready) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

/**
 * Tables whose rows the database derives from others by triggers (their comment begins with
 * "derived"): left out of backups, since restoring their sources rebuilds them.
 */
async function derivedTables(tx: Db): Promise<Set<string>> {
  const rows = rowsOf<{ name: string }>(
    await tx.execute(sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND obj_description(c.oid, 'pg_class') LIKE 'derived%'`),
  );
  return new Set(rows.map((r) => r.name));
}

async function migrationCount(tx: Db): Promise<number> {
  return Number(rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`))[0]?.n ?? 0);
}

export async function backup(
  database: Database,
  file: string,
  onTable?: (table: string, rows: number) => void,
): Promise<{ tables: number; rows: number }> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  let total = 0;
  // One repeatable-read transaction: the dump is a consistent snapshot.
  const tables = await database.transaction({ system: true }, async (tx) => {
    await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
    const derived = await derivedTables(tx);
    const tables = (await tablesInOrder(tx)).filter((t) => !derived.has(t));
    const header: Header = {
      format: backupFormat,
      createdAt: new Date().toISOString(),
      engine: database.engine,
      migrations: await migrationCount(tx),
      tables,
    };
    await write(JSON.stringify(header));
    for (const table of tables) {
      const rows = rowsOf<{ r: unknown }>(await tx.execute(sql`SELECT row_to_json(t) AS r FROM ${sql.identifier(table)} t`));
      for (const { r } of rows) await write(JSON.stringify({ t: table, r }));
      total += rows.length;
      onTable?.(table, rows.length);
    }
    return tables;
  });
  out.end();
  await once(out, 'finish');
  return { tables: tables.length, rows: total };
}

/** Restores into a database whose schema is at the same migration; refuses a non-empty one unless `replace`. */
export async function restore(database: Database, file: string, opts: { replace?: boolean } = {}): Promise<{ rows: number }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
  let header: Header | null = null;
  const byTable = new Map<string, unknown[]>();
  for await (const line of lines) {
    if (!line.trim()) continue;
    const parsed = JSON.parse(line) as Header | { t: string; r: unknown };
    if (!header) {
      if ((parsed as Header).format !== backupFormat) throw new Error(`not a Totem backup (expected ${backupFormat})`);
      header = parsed as Header;
      continue;
    }
    const { t, r } = parsed as { t: string; r: unknown };
    if (!byTable.has(t)) byTable.set(t, []);
    byTable.get(t)?.push(r);
  }
  if (!header) throw new Error('empty backup file');
  const h = header;
  let total = 0;
  await database.transaction({ system: true }, async (tx) => {
    const have = await migrationCount(tx);
    if (have !== h.migrations) throw new Error(`backup is at migration ${h.migrations}, this database at ${have}: upgrade first`);
    const tables = await tablesInOrder(tx);
    const unknown = h.tables.filter((t) => !tables.includes(t));
    if (unknown.length) throw new Error(`backup has tables this schema lacks: ${unknown.join(', ')}`);
    for (const table of [...tables].reverse()) {
      const n = Number(rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]?.n ?? 0);
      if (n > 0 && !opts.replace) throw new Error(`table ${table} is not empty: restore into an empty database, or pass --replace`);
      if (n > 0) await tx.execute(sql`DELETE FROM ${sql.identifier(table)}`);
    }
    const derived = await derivedTables(tx);
    for (const table of tables) {
      if (derived.has(table)) continue;
      const rows = byTable.get(table) ?? [];
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = JSON.stringify(rows.slice(i, i + 1000));
        await tx.execute(
          sql`INSERT INTO ${sql.identifier(table)} SELECT * FROM json_populate_recordset(NULL::${sql.identifier(table)}, ${chunk}::json)`,
        );
      }
      total += rows.length;
      // Serial columns continue after the restored ids.
      const serials = rowsOf<{ col: string; seq: string }>(
        await tx.execute(sql`
          SELECT a.attname AS col, pg_get_serial_sequence(${table}, a.attname) AS seq
          FROM pg_attribute a WHERE a.attrelid = ${table}::regclass AND a.attnum > 0 AND NOT a.attisdropped
            AND pg_get_serial_sequence(${table}, a.attname) IS NOT NULL`),
      );
      for (const s of serials) {
        await tx.execute(
          sql`SELECT setval(${s.seq}, coalesce((SELECT max(${sql.identifier(s.col)}) FROM ${sql.identifier(table)}), 0) + 1, false)`,
        );
      }
    }
  });
  return { rows: total };
}
