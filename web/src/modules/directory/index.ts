/** The directory in the web app: public portal (search, organisation pages, network) and staff back office. */

export { InteractionTimeline, RemindersPanel } from './crm.tsx';
export { DirectoryPage } from './directory-page.tsx';
export { ImportPage } from './import-page.tsx';
export { DirectoryHighlights } from './key-figures.tsx';
export { NetworkPage } from './network-page.tsx';
export { OrganizationFormPage } from './organization-form-page.tsx';
export { OrganizationPage } from './organization-page.tsx';
export { PeoplePage } from './people-page.tsx';
export { PersonFormPage } from './person-form-page.tsx';
export { StaffOrganizationsPage } from './staff-organizations-page.tsx';
