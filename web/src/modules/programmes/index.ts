/**
 * Programmes in the web app: the staff's board, the programme editor with its cohorts, the
 * enrolment and report pages, the company's KPI form and the public page.
 */
import './programmes.css';

export { ProgrammesBoardPage } from './board-route.tsx';
export { EnrolmentPage } from './enrolment-page.tsx';
export { KpiFormPage } from './kpi-form-page.tsx';
export { ProgrammeEditorPage } from './programme-editor-page.tsx';
export { PublicProgrammePage } from './public-programme-page.tsx';
export { ReportPage } from './report-page.tsx';
