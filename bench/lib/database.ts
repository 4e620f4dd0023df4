/** Throwaway databases on a PostgreSQL server for the benchmarks, and settling them after a bulk load. */
import { onServer as run, throwawayDatabase as throwawayTestDatabase } from '../../tests/helpers/database.ts';

/** A new empty database on the server at `server`: its URL, and how to drop it (the tests' own helper). */
export const throwawayDatabase = (server: string) => throwawayTestDatabase(server, 'totem_bench');

/**
 * On PostgreSQL (`url` set), after a bulk load: VACUUM (ANALYZE) the tables as their owner
 * (outside a transaction), as autovacuum soon would, then a CHECKPOINT (when the role may), so that
 * the measurements neither read the dead row versions a load leaves behind nor write the loaded
 * pages back.
 */
export async function settle(url: string | undefined, tables: string): Promise<void> {
  if (!url) return;
  await run(url, `VACUUM (ANALYZE) ${tables}`);
  await run(url, 'CHECKPOINT').catch(() => undefined);
}
