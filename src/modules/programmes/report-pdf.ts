import PDFDocument from 'pdfkit';
import type { Locale } from '../../platform/i18n/locale.ts';
import { reportColumns, statusLabel } from './report-csv.ts';
import type { TReport, TReportRow } from './reports.contract.ts';

const margin = 36;
/** Column widths in points on a landscape A4 page (842 − 2 × 36 = 770). */
const widths = [160, 56, 56, 56, 50, 50, 66, 66, 50, 50, 50, 60];
const rowHeight = 14;

const money = (cents: number | null, locale: Locale) =>
  cents === null
    ? '—'
    : new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 0 })
        .format(Math.round(cents / 100))
        .replace(/\s/g, ' ');
const hoursOf = (minutes: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(minutes / 60);

function cells(r: TReportRow, locale: Locale): string[] {
  return [
    r.organization.name,
    statusLabel[locale][r.status],
    r.enteredOn,
    r.exitedOn ?? '—',
    r.jobsAtEntry === null ? '—' : String(r.jobsAtEntry),
    r.jobsNow === null ? '—' : String(r.jobsNow),
    money(r.fundsAtEntryCents, locale),
    money(r.fundsNowCents, locale),
    String(r.milestonesMet),
    String(r.milestonesDue),
    String(r.sessions),
    hoursOf(r.mentoringMinutes, locale),
  ];
}

function drawRow(doc: PDFKit.PDFDocument, values: string[], y: number, bold: boolean): void {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
  let x = margin;
  values.forEach((v, i) => {
    const width = widths[i] ?? 50;
    doc.text(v, x + 2, y + 3, { width: width - 4, height: rowHeight, ellipsis: true, lineBreak: false, align: i < 4 ? 'left' : 'right' });
    x += width;
  });
}

function drawHeader(doc: PDFKit.PDFDocument, locale: Locale, y: number): number {
  const height = 26;
  doc.rect(margin, y, 770, height).fill('#e8eef5').fillColor('#000');
  doc.font('Helvetica-Bold').fontSize(7.5);
  let x = margin;
  reportColumns[locale].forEach((title, i) => {
    const width = widths[i] ?? 50;
    doc.text(title, x + 2, y + 3, { width: width - 4, height: height - 4, align: i < 4 ? 'left' : 'right' });
    x += width;
  });
  return y + height;
}

function drawSummary(doc: PDFKit.PDFDocument, r: TReport, locale: Locale): void {
  const fr = locale === 'fr';
  const t = r.totals;
  const name = fr ? r.programme.nameFr : r.programme.nameEn;
  doc
    .font('Helvetica-Bold')
    .fontSize(15)
    .text(`${fr ? 'Rapport d’accompagnement' : 'Accompaniment report'} — ${name}`);
  doc.font('Helvetica').fontSize(10);
  doc.text(`${r.territory}${r.cohort ? ` — ${fr ? 'Promotion' : 'Cohort'} ${r.cohort.name}` : ''}`);
  doc.text(fr ? `Période : du ${r.from} au ${r.to}` : `Period: ${r.from} to ${r.to}`);
  doc.moveDown(0.5);
  const lines = fr
    ? [
        `Entreprises accompagnées : ${t.accompanied} (${t.active} en cours, ${t.alumni} alumni)`,
        `Emplois : ${t.jobsAtEntry} à l’entrée, ${t.jobsNow} aujourd’hui`,
        `Fonds levés : ${money(t.fundsAtEntryCents, locale)} € à l’entrée, ${money(t.fundsNowCents, locale)} € aujourd’hui`,
        `Jalons atteints : ${t.milestonesMet} sur ${t.milestonesDue} dus`,
        `Mentorat : ${t.sessions} séances, ${hoursOf(t.mentoringMinutes, locale)} heures`,
      ]
    : [
        `Companies accompanied: ${t.accompanied} (${t.active} active, ${t.alumni} alumni)`,
        `Jobs: ${t.jobsAtEntry} at entry, ${t.jobsNow} now`,
        `Funds raised: €${money(t.fundsAtEntryCents, locale)} at entry, €${money(t.fundsNowCents, locale)} now`,
        `Milestones met: ${t.milestonesMet} of ${t.milestonesDue} due`,
        `Mentoring: ${t.sessions} sessions, ${hoursOf(t.mentoringMinutes, locale)} hours`,
      ];
  for (const l of lines) doc.text(l);
  doc.moveDown(0.8);
}

/** The report as a landscape A4 PDF: territory, period, key totals, then the table (header repeated per page). */
export function reportPdf(r: TReport, locale: Locale): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin, info: { Title: r.programme.nameFr, Author: r.territory } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  drawSummary(doc, r, locale);
  let y = drawHeader(doc, locale, doc.y);
  const bottom = doc.page.height - margin;
  const total = ['Total', `${r.totals.active} / ${r.totals.alumni}`, '', ''].concat(
    cells({ ...r.totals, organization: { id: '', name: '' }, status: 'active', enteredOn: '', exitedOn: null }, locale).slice(4),
  );
  for (const [i, values] of [...r.rows.map((row) => cells(row, locale)), total].entries()) {
    if (y + rowHeight > bottom) {
      doc.addPage();
      y = drawHeader(doc, locale, margin);
    }
    if (i % 2 === 1) doc.rect(margin, y, 770, rowHeight).fill('#f6f6f6').fillColor('#000');
    drawRow(doc, values, y, i === r.rows.length);
    y += rowHeight;
  }
  doc.end();
  return done;
}
