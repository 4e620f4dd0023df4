import { writeCsv } from '../../platform/csv/write.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { TReport, TReportRow } from './reports.contract.ts';

/** Column titles of the report's table, shared by the CSV and the PDF. */
export const reportColumns: Record<Locale, string[]> = {
  fr: [
    'Structure',
    'Statut',
    'Entrée',
    'Sortie',
    'Emplois à l’entrée',
    'Emplois aujourd’hui',
    'Fonds levés à l’entrée (€)',
    'Fonds levés aujourd’hui (€)',
    'Jalons atteints',
    'Jalons dus',
    'Séances',
    'Heures de mentorat',
  ],
  en: [
    'Organisation',
    'Status',
    'Entered',
    'Exited',
    'Jobs at entry',
    'Jobs now',
    'Funds raised at entry (€)',
    'Funds raised now (€)',
    'Milestones met',
    'Milestones due',
    'Sessions',
    'Mentoring hours',
  ],
};

export const statusLabel: Record<Locale, Record<TReportRow['status'], string>> = {
  fr: { active: 'Accompagnée', exited: 'Alumni' },
  en: { active: 'Active', exited: 'Alumnus' },
};

/** Euros from cents with a decimal comma (French Excel reads it as a number). */
export const euros = (cents: number | null) =>
  cents === null ? '' : `${Math.trunc(cents / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
/** Hours from minutes with a decimal comma, to the hundredth. */
export const hours = (minutes: number) => (minutes / 60).toFixed(2).replace('.', ',');

/** The report's rows and a totals line as CSV for French Excel (BOM, `;`, decimal comma). */
export function reportCsv(r: TReport, locale: Locale): string {
  const line = (row: TReportRow): string[] => [
    row.organization.name,
    statusLabel[locale][row.status],
    row.enteredOn,
    row.exitedOn ?? '',
    row.jobsAtEntry === null ? '' : String(row.jobsAtEntry),
    row.jobsNow === null ? '' : String(row.jobsNow),
    euros(row.fundsAtEntryCents),
    euros(row.fundsNowCents),
    String(row.milestonesMet),
    String(row.milestonesDue),
    String(row.sessions),
    hours(row.mentoringMinutes),
  ];
  const t = r.totals;
  const total = [
    locale === 'fr' ? 'Total' : 'Total',
    `${t.active} / ${t.alumni}`,
    '',
    '',
    String(t.jobsAtEntry),
    String(t.jobsNow),
    euros(t.fundsAtEntryCents),
    euros(t.fundsNowCents),
    String(t.milestonesMet),
    String(t.milestonesDue),
    String(t.sessions),
    hours(t.mentoringMinutes),
  ];
  return writeCsv(reportColumns[locale], [...r.rows.map(line), total], 'excel');
}
