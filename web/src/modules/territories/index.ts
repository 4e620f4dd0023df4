/** Territories in the web app: the list, a territory's home, its members and audit log, the switcher. */
export { AuditPage } from './audit-page.tsx';
export { HomePage } from './home-page.tsx';
export { MembersPage } from './members-page.tsx';
export { TerritoryPage } from './territory-page.tsx';
export { TerritorySwitcher } from './territory-switcher.tsx';
