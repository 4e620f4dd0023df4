import { purgeOrphanFiles } from '../modules/calls/index.ts';
import { compactAllFacetCounts } from '../modules/directory/index.ts';
import { createIdentityMaintenance } from '../modules/identity/index.ts';
import type { Deps } from '../platform/context.ts';
import { purgeSentMail } from '../platform/mail/retention.ts';

/**
 * The hourly retention work of a running server: expired sessions and tokens, old sign-in
 * attempts, sent e-mails past their retention, application files no answer refers to; the
 * directory's facet counts folded (each write appends its changes); and, on the embedded database,
 * which runs no autovacuum, the tables autovacuum would vacuum or analyze (a server's autovacuum
 * does that itself).
 */
export async function hourlyMaintenance(deps: Pick<Deps, 'database' | 'clock'>) {
  const identity = await createIdentityMaintenance(deps).purgeExpired();
  const sentMails = await purgeSentMail(deps.database, deps.clock.now());
  const orphanFiles = await purgeOrphanFiles(deps.database, deps.clock.now());
  await compactAllFacetCounts(deps.database);
  const vacuum = (await deps.database.vacuum?.()) ?? { vacuumed: [], analyzed: [] };
  return { ...identity, sentMails, orphanFiles, ...vacuum };
}
