import { StrictMode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '../i18n/i18n.tsx';
import {
  ApplicationPage,
  ApplyPage,
  CallEditorPage,
  CallPage,
  CallsPage,
  MyApplicationsPage,
  PipelinePage,
  ReviewPage,
  ReviewQueuePage,
  StaffApplicationPage,
  StaffCallsPage,
} from '../modules/calls/index.ts';
import {
  DirectoryPage,
  ImportPage,
  NetworkPage,
  OrganizationFormPage,
  OrganizationPage,
  PeoplePage,
  PersonFormPage,
  StaffOrganizationsPage,
} from '../modules/directory/index.ts';
import { ForgotPasswordPage, MagicLinkPage, ResetPasswordPage, SessionProvider, SignInPage } from '../modules/identity/index.ts';
import {
  CheckInPage,
  MyBookingsPage,
  OccupancyPage,
  PlacePage,
  PlacesManagerPage,
  PlacesPage,
  PlannerPage,
  RosterPage,
  TrainingsManagerPage,
  TrainingsPage,
  VisitorBookingPage,
} from '../modules/places/index.ts';
import {
  EnrolmentPage,
  KpiFormPage,
  ProgrammeEditorPage,
  ProgrammesBoardPage,
  PublicProgrammePage,
  ReportPage,
} from '../modules/programmes/index.ts';
import { AuditPage, HomePage, MembersPage, TerritoryPage } from '../modules/territories/index.ts';
import { AccessibilityPage } from './accessibility-page.tsx';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/** The routes of the web app. Links sent by e-mail (`/sign-in/magic`, `/reset-password`) must stay stable. */
function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="t/:slug" element={<TerritoryPage />} />
        <Route path="t/:slug/annuaire" element={<DirectoryPage />} />
        <Route path="t/:slug/annuaire/:organizationId" element={<OrganizationPage />} />
        <Route path="t/:slug/reseau" element={<NetworkPage />} />
        <Route path="t/:slug/gestion/annuaire" element={<StaffOrganizationsPage />} />
        <Route path="t/:slug/gestion/annuaire/nouvelle" element={<OrganizationFormPage />} />
        <Route path="t/:slug/gestion/annuaire/import" element={<ImportPage />} />
        <Route path="t/:slug/gestion/annuaire/personnes" element={<PeoplePage />} />
        <Route path="t/:slug/gestion/annuaire/personnes/nouvelle" element={<PersonFormPage />} />
        <Route path="t/:slug/gestion/annuaire/personnes/:personId" element={<PersonFormPage />} />
        <Route path="t/:slug/gestion/annuaire/:organizationId" element={<OrganizationFormPage />} />
        <Route path="t/:slug/lieux" element={<PlacesPage />} />
        <Route path="t/:slug/lieux/:placeId" element={<PlacePage />} />
        <Route path="t/:slug/mes-reservations" element={<MyBookingsPage />} />
        <Route path="t/:slug/reservation/:token" element={<VisitorBookingPage />} />
        <Route path="t/:slug/gestion/lieux" element={<PlacesManagerPage />} />
        <Route path="t/:slug/gestion/lieux/planning" element={<PlannerPage />} />
        <Route path="t/:slug/gestion/lieux/occupation" element={<OccupancyPage />} />
        <Route path="t/:slug/formations" element={<TrainingsPage />} />
        <Route path="t/:slug/gestion/lieux/formations" element={<TrainingsManagerPage />} />
        <Route path="t/:slug/gestion/lieux/formations/:trainingId" element={<RosterPage />} />
        <Route path="check-in/:token" element={<CheckInPage />} />
        <Route path="t/:slug/appels" element={<CallsPage />} />
        <Route path="t/:slug/appels/:call" element={<CallPage />} />
        <Route path="t/:slug/appels/:call/candidater" element={<ApplyPage />} />
        <Route path="t/:slug/candidatures" element={<MyApplicationsPage />} />
        <Route path="t/:slug/candidatures/:applicationId" element={<ApplicationPage />} />
        <Route path="t/:slug/evaluations" element={<ReviewQueuePage />} />
        <Route path="t/:slug/evaluations/:reviewId" element={<ReviewPage />} />
        <Route path="t/:slug/gestion/appels" element={<StaffCallsPage />} />
        <Route path="t/:slug/gestion/appels/nouveau" element={<CallEditorPage />} />
        <Route path="t/:slug/gestion/appels/:call" element={<CallEditorPage />} />
        <Route path="t/:slug/gestion/appels/:call/candidatures" element={<PipelinePage />} />
        <Route path="t/:slug/gestion/appels/:call/candidatures/:applicationId" element={<StaffApplicationPage />} />
        <Route path="t/:slug/programmes/:programmeSlug" element={<PublicProgrammePage />} />
        <Route path="t/:slug/indicateurs/:token" element={<KpiFormPage />} />
        <Route path="t/:slug/gestion/programmes" element={<ProgrammesBoardPage />} />
        <Route path="t/:slug/gestion/programmes/nouveau" element={<ProgrammeEditorPage />} />
        <Route path="t/:slug/gestion/programmes/:programmeId/modifier" element={<ProgrammeEditorPage />} />
        <Route path="t/:slug/gestion/programmes/accompagnements/:enrolmentId" element={<EnrolmentPage />} />
        <Route path="t/:slug/gestion/programmes/:programmeId/rapport" element={<ReportPage />} />
        <Route path="t/:slug/members" element={<MembersPage />} />
        <Route path="t/:slug/audit" element={<AuditPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="sign-in/magic" element={<MagicLinkPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="accessibilite" element={<AccessibilityPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** The whole web app: language, session and router around the routes. */
export function App() {
  return (
    <StrictMode>
      <I18nProvider>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </I18nProvider>
    </StrictMode>
  );
}
