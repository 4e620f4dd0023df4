import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { findCommune, territoryCommunes } from '../territories/index.ts';

/**
 * Resolves an organisation's commune: it must exist, and may lie inside or outside the territory
 * (a Paris-based group with a branch in Calais); `inTerritory` says which.
 */
export async function resolveCommune(tx: Db, territoryId: string, inseeCode: string, path = 'body.communeInsee') {
  const name = findCommune(inseeCode)?.name;
  if (!name)
    throw new AppError('unknown_commune', undefined, { errors: [{ path, code: 'unknown_commune', message: `no commune ${inseeCode}` }] });
  const [covered] = await tx
    .select({ code: territoryCommunes.inseeCode })
    .from(territoryCommunes)
    .where(and(eq(territoryCommunes.territoryId, territoryId), eq(territoryCommunes.inseeCode, inseeCode)))
    .limit(1);
  return { communeInsee: inseeCode, communeName: name, inTerritory: Boolean(covered) };
}
