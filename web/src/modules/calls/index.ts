/** Calls for projects in the web app: the portal (calls, applying, my applications) and the staff's back office. */
import './calls.css';

export { ApplicationPage } from './application-page.tsx';
export { ApplyPage } from './apply-page.tsx';
export { CallEditorPage } from './call-editor-page.tsx';
export { CallPage } from './call-page.tsx';
export { CallsPage } from './calls-page.tsx';
export { CallsPanel } from './calls-panel.tsx';
export { MyApplicationsPage } from './my-applications-page.tsx';
export { PipelinePage } from './pipeline-page.tsx';
export { ReviewPage } from './review-page.tsx';
export { ReviewQueuePage } from './review-queue-page.tsx';
export { StaffApplicationPage } from './staff-application-page.tsx';
export { StaffCallsPage } from './staff-calls-page.tsx';
