import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type Epci = { siren: string; name: string; communes: { inseeCode: string; name: string; population: number | null }[] };

type RawEpci = { code: string; nom: string; membres: { code: string; nom: string; populationMunicipale?: number }[] };

/** Version of the administrative dataset, stored with each territory. */
export const geoVintage = `@etalab/decoupage-administratif@${(require('@etalab/decoupage-administratif/package.json') as { version: string }).version}`;

let cache: Map<string, RawEpci> | null = null;

/** Looks up an EPCI by SIREN in @etalab/decoupage-administratif (loaded on first use only). */
export function findEpci(siren: string): Epci | null {
  cache ??= new Map((require('@etalab/decoupage-administratif/data/epci.json') as RawEpci[]).map((e) => [e.code, e]));
  const raw = cache.get(siren);
  if (!raw) return null;
  return {
    siren: raw.code,
    name: raw.nom,
    communes: raw.membres.map((m) => ({ inseeCode: m.code, name: m.nom, population: m.populationMunicipale ?? null })),
  };
}

type RawCommune = { code: string; nom: string; type: string; population?: number };
let communes: Map<string, RawCommune> | null = null;

/** Current communes (not former or delegated ones) by INSEE code, loaded on first use only. */
export function findCommune(inseeCode: string): Epci['communes'][number] | null {
  communes ??= new Map(
    (require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[])
      .filter((c) => c.type === 'commune-actuelle')
      .map((c) => [c.code, c]),
  );
  const c = communes.get(inseeCode);
  return c ? { inseeCode: c.code, name: c.nom, population: c.population ?? null } : null;
}
