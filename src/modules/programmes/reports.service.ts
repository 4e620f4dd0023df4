import { and, eq, min } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { todayIn } from '../../platform/time/index.ts';
import { programmeCohorts, programmeEnrolments, programmes } from './programmes.tables.ts';
import { reportCsv } from './report-csv.ts';
import { reportPdf } from './report-pdf.ts';
import { reportRowsSql } from './report-sql.ts';
import type { TReport, TReportQuery, TReportRow } from './reports.contract.ts';
import { found, inTerritory, type Scoped } from './scope.ts';

type Raw = {
  organization_id: string;
  name: string;
  status: 'active' | 'exited';
  entered_on: string;
  exited_on: string | null;
  jobs_entry: string | number | null;
  jobs_now: string | number | null;
  funds_entry: string | number | null;
  funds_now: string | number | null;
  milestones_met: string | number;
  milestones_due: string | number;
  sessions: string | number;
  minutes: string | number;
};

const num = (v: string | number | null) => (v === null ? null : Number(v));

const toRow = (r: Raw): TReportRow => ({
  organization: { id: r.organization_id, name: r.name },
  status: r.status,
  enteredOn: r.entered_on,
  exitedOn: r.exited_on,
  jobsAtEntry: num(r.jobs_entry),
  jobsNow: num(r.jobs_now),
  fundsAtEntryCents: num(r.funds_entry),
  fundsNowCents: num(r.funds_now),
  milestonesMet: Number(r.milestones_met),
  milestonesDue: Number(r.milestones_due),
  sessions: Number(r.sessions),
  mentoringMinutes: Number(r.minutes),
});

function totalsOf(rows: TReportRow[]): TReport['totals'] {
  const sum = (f: (r: TReportRow) => number | null) => rows.reduce((n, r) => n + (f(r) ?? 0), 0);
  return {
    accompanied: rows.length,
    active: rows.filter((r) => r.status === 'active').length,
    alumni: rows.filter((r) => r.status === 'exited').length,
    jobsAtEntry: sum((r) => r.jobsAtEntry),
    jobsNow: sum((r) => r.jobsNow),
    fundsAtEntryCents: sum((r) => r.fundsAtEntryCents),
    fundsNowCents: sum((r) => r.fundsNowCents),
    milestonesMet: sum((r) => r.milestonesMet),
    milestonesDue: sum((r) => r.milestonesDue),
    sessions: sum((r) => r.sessions),
    mentoringMinutes: sum((r) => r.mentoringMinutes),
  };
}

async function build(s: Scoped, programmeId: string, q: TReportQuery, now: Date): Promise<TReport> {
  const [p] = await s.tx.select().from(programmes).where(eq(programmes.id, programmeId));
  const programme = found(p, 'programme_not_found', `programme ${programmeId}`);
  let cohort: { id: string; name: string } | null = null;
  if (q.cohortId) {
    const [c] = await s.tx
      .select({ id: programmeCohorts.id, name: programmeCohorts.name })
      .from(programmeCohorts)
      .where(and(eq(programmeCohorts.id, q.cohortId), eq(programmeCohorts.programmeId, programmeId)));
    cohort = found(c, 'cohort_not_found', `cohort ${q.cohortId}`);
  }
  const today = todayIn(s.territory.timeZone, now);
  const [first] = await s.tx
    .select({ on: min(programmeEnrolments.enteredOn) })
    .from(programmeEnrolments)
    .where(eq(programmeEnrolments.programmeId, programmeId));
  const from = q.from ?? first?.on ?? today;
  const to = q.to ?? today;
  if (to < from) {
    const message = s.ctx.locale === 'fr' ? 'fin avant le début' : 'ends before it starts';
    throw new AppError('validation_failed', message, { errors: [{ path: 'querystring.to', code: 'too_small', message }] });
  }
  const result = await s.tx.execute(reportRowsSql({ programmeId, cohortId: cohort?.id ?? null, from, to, zone: s.territory.timeZone }));
  const rows = (result as unknown as { rows: Raw[] }).rows.map(toRow);
  return {
    territory: s.territory.name,
    programme: { id: programme.id, nameFr: programme.nameFr, nameEn: programme.nameEn },
    cohort,
    from,
    to,
    totals: totalsOf(rows),
    rows,
  };
}

/** Reports for funders and the label: per programme or cohort, as JSON, CSV (French Excel) and PDF. */
export function createReportsService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  const report = (ctx: Ctx, slug: string, programmeId: string, q: TReportQuery) =>
    inTerritory(database, ctx, slug, 'programmes.manage', (s) => build(s, programmeId, q, clock.now()));
  return {
    report,
    async csv(ctx: Ctx, slug: string, programmeId: string, q: TReportQuery) {
      const r = await report(ctx, slug, programmeId, q);
      return { filename: `rapport-${r.from}-${r.to}.csv`, body: reportCsv(r, ctx.locale) };
    },
    async pdf(ctx: Ctx, slug: string, programmeId: string, q: TReportQuery) {
      const r = await report(ctx, slug, programmeId, q);
      return { filename: `rapport-${r.from}-${r.to}.pdf`, body: await reportPdf(r, ctx.locale) };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
