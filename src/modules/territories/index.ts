/** Territories: the tenants, their communes (from @etalab/decoupage-administratif) and their themes. */
export { findCommune, findEpci, geoVintage } from './geo.ts';
export type { TTerritory, TTerritoryDetail } from './territories.contract.ts';
export { territoriesRoutes } from './territories.routes.ts';
export { createTerritoriesService, requireTerritory, type TerritoriesService } from './territories.service.ts';
export { territories, territoryCommunes, territoryThemes } from './territories.tables.ts';
export { inTerritoryScope, recordIn, type ScopedTerritory, type TerritoryScope, territoryRunner } from './territory-scope.ts';
