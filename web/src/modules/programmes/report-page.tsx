import { useParams } from 'react-router';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { type Column, DataTable, Loading } from '../../ui/index.ts';
import { euros, localDay, pick, programmesPaths, type Report } from './programmes.api.ts';
import { ProgrammesFrame } from './programmes-frame.tsx';

type Row = Report['rows'][number];

function ReportBody({ territory, programmeId }: { territory: TerritoryDetail; programmeId: string }) {
  const { t, locale } = useI18n();
  const r = t.programmes.report;
  const b = t.programmes.board;
  const report = useApi<Report>(programmesPaths.report(territory.slug, programmeId));
  if (report.status === 'loading') return <Loading label={t.common.loading} />;
  if (report.status === 'error') return <ProblemAlert error={report.error} onRetry={report.reload} />;
  const d = report.data;
  const hours = (min: number) => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(min / 60);
  const figure = (n: number | null) => (n === null ? '—' : String(n));
  const columns: Column<Row>[] = [
    { id: 'org', header: b.organization, isRowHeader: true, cell: (x) => x.organization.name },
    { id: 'status', header: t.programmes.enrolment.statusHeader, cell: (x) => t.programmes.statuses[x.status] },
    { id: 'jobs', header: r.jobs, cell: (x) => `${figure(x.jobsAtEntry)} → ${figure(x.jobsNow)}` },
    { id: 'funds', header: r.funds, cell: (x) => `${euros(x.fundsAtEntryCents, locale)} → ${euros(x.fundsNowCents, locale)}` },
    { id: 'milestones', header: r.milestones, cell: (x) => `${x.milestonesMet} / ${x.milestonesDue}` },
    { id: 'mentoring', header: r.mentoring, cell: (x) => r.sessionsHours(x.sessions, hours(x.mentoringMinutes)) },
  ];
  const tot = d.totals;
  const file = (ext: string) => programmesPaths.report(territory.slug, programmeId, ext);
  return (
    <>
      <p className="lead">{`${pick(locale, d.programme.nameFr, d.programme.nameEn)} · ${r.period(localDay(d.from, locale), localDay(d.to, locale))}`}</p>
      <dl className="programme-totals">
        <dt>{r.accompanied}</dt>
        <dd>{t.programmes.report.accompaniedSplit(tot.accompanied, tot.active, tot.alumni)}</dd>
        <dt>{r.jobs}</dt>
        <dd>{`${tot.jobsAtEntry} → ${tot.jobsNow}`}</dd>
        <dt>{r.funds}</dt>
        <dd>{`${euros(tot.fundsAtEntryCents, locale)} → ${euros(tot.fundsNowCents, locale)}`}</dd>
        <dt>{r.milestones}</dt>
        <dd>{`${tot.milestonesMet} / ${tot.milestonesDue}`}</dd>
        <dt>{r.mentoring}</dt>
        <dd>{r.sessionsHours(tot.sessions, hours(tot.mentoringMinutes))}</dd>
      </dl>
      <ul className="programme-downloads">
        <li>
          <a href={file('.csv')} download>
            {r.csv}
          </a>
        </li>
        <li>
          <a href={file('.pdf')} download>
            {r.pdf}
          </a>
        </li>
      </ul>
      {d.rows.length === 0 ? (
        <p className="empty">{r.empty}</p>
      ) : (
        <DataTable caption={r.caption} columns={columns} rows={d.rows} rowKey={(x) => x.organization.id + x.enteredOn} />
      )}
    </>
  );
}

/** The funders' report of a programme: totals, the table, and its CSV and PDF files. */
export function ReportPage() {
  const { slug = '', programmeId = '' } = useParams();
  const { t } = useI18n();
  return (
    <ProgrammesFrame
      heading={t.programmes.report.heading}
      access="staff"
      back={{ href: `/t/${slug}/gestion/programmes?programme=${programmeId}`, label: t.programmes.enrolment.back }}
    >
      {(territory) => <ReportBody territory={territory} programmeId={programmeId} />}
    </ProgrammesFrame>
  );
}
