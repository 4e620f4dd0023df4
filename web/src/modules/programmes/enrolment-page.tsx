import { useState } from 'react';
import { useParams } from 'react-router';
import { apiRequest } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, type Column, DataTable, Loading } from '../../ui/index.ts';
import { ExitDialog, MilestoneForm, SessionForm } from './enrolment-forms.tsx';
import { type EnrolmentDetail, euros, localDay, monthName, programmesPaths } from './programmes.api.ts';
import { ProgrammesFrame } from './programmes-frame.tsx';

type Milestone = EnrolmentDetail['milestones'][number];
type Session = EnrolmentDetail['sessions'][number];
type Kpi = EnrolmentDetail['kpis'][number];

const todayIn = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());

function Milestones({ slug, d, onChange }: { slug: string; d: EnrolmentDetail; onChange: () => void }) {
  const { t, locale } = useI18n();
  const m = t.programmes.enrolment;
  const [error, setError] = useState<unknown>(null);
  const markDone = async (id: string) => {
    setError(null);
    try {
      await apiRequest(programmesPaths.milestone(slug, id), { method: 'PATCH', body: { status: 'done' } });
      onChange();
    } catch (err) {
      setError(err);
    }
  };
  const columns: Column<Milestone>[] = [
    { id: 'title', header: m.title, isRowHeader: true, cell: (x) => x.title },
    { id: 'due', header: m.dueOn, cell: (x) => localDay(x.dueOn, locale) },
    { id: 'status', header: m.statusHeader, cell: (x) => m.milestoneStatuses[x.status] },
    {
      id: 'action',
      header: m.markDone,
      cell: (x) =>
        (x.status === 'planned' || x.status === 'late') && d.enrolment.status === 'active' ? (
          <Button variant="secondary" aria-label={m.markDoneLabel(x.title)} onPress={() => void markDone(x.id)}>
            {m.markDone}
          </Button>
        ) : (
          localDay(x.doneOn, locale)
        ),
    },
  ];
  return (
    <>
      <ProblemAlert error={error} />
      {d.milestones.length === 0 ? (
        <p className="empty">{m.noMilestones}</p>
      ) : (
        <DataTable caption={m.milestones} columns={columns} rows={d.milestones} rowKey={(x) => x.id} />
      )}
    </>
  );
}

function Detail({ territory, enrolmentId }: { territory: TerritoryDetail; enrolmentId: string }) {
  const { t, locale } = useI18n();
  const m = t.programmes.enrolment;
  const detail = useApi<EnrolmentDetail>(programmesPaths.enrolment(territory.slug, enrolmentId));
  if (detail.status === 'loading') return <Loading label={t.common.loading} />;
  if (detail.status === 'error') return <ProblemAlert error={detail.error} onRetry={detail.reload} />;
  const d = detail.data;
  const active = d.enrolment.status === 'active';
  const today = todayIn(territory.timeZone);
  const hours = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(d.mentoringMinutes / 60);
  const sessionColumns: Column<Session>[] = [
    { id: 'date', header: m.heldOn, cell: (s) => localDay(s.heldOn, locale) },
    { id: 'topic', header: m.topic, isRowHeader: true, cell: (s) => s.topic },
    { id: 'minutes', header: m.minutes, cell: (s) => String(s.durationMinutes) },
    { id: 'who', header: m.mentors, cell: (s) => s.supporter?.name ?? '—' },
  ];
  const kpiColumns: Column<Kpi>[] = [
    { id: 'period', header: m.period, isRowHeader: true, cell: (k) => monthName(k.period, locale) },
    {
      id: 'answered',
      header: m.answered,
      cell: (k) => (k.answeredAt ? formatDate(k.answeredAt, locale, territory.timeZone) : m.notAnswered(k.remindersSent)),
    },
    { id: 'headcount', header: m.headcount, cell: (k) => (k.headcount === null ? '—' : String(k.headcount)) },
    { id: 'funds', header: m.funds, cell: (k) => euros(k.fundsRaisedCents, locale) },
  ];
  return (
    <>
      <p className="lead">{`${t.programmes.statuses[d.enrolment.status]} · ${d.enrolment.enteredOn ? m.enteredOn(localDay(d.enrolment.enteredOn, locale)) : '—'}`}</p>
      <section aria-labelledby="enrolment-mentors">
        <h2 id="enrolment-mentors">{m.mentors}</h2>
        {d.supporters.length === 0 ? (
          <p className="empty">{m.noMentors}</p>
        ) : (
          <ul>
            {d.supporters.map((s) => (
              <li key={s.id}>{`${s.name} (${m.roles[s.role]})`}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="enrolment-sessions">
        <h2 id="enrolment-sessions">{m.sessions}</h2>
        <p>{m.totalHours(hours)}</p>
        {d.sessions.length === 0 ? (
          <p className="empty">{m.noSessions}</p>
        ) : (
          <DataTable caption={m.sessions} columns={sessionColumns} rows={d.sessions} rowKey={(s) => s.id} />
        )}
        {active && <SessionForm slug={territory.slug} enrolmentId={enrolmentId} today={today} onSaved={detail.reload} />}
      </section>
      <section aria-labelledby="enrolment-milestones">
        <h2 id="enrolment-milestones">{m.milestones}</h2>
        <Milestones slug={territory.slug} d={d} onChange={detail.reload} />
        {active && <MilestoneForm slug={territory.slug} enrolmentId={enrolmentId} today={today} onSaved={detail.reload} />}
      </section>
      <section aria-labelledby="enrolment-kpis">
        <h2 id="enrolment-kpis">{m.kpis}</h2>
        {d.kpis.length === 0 ? (
          <p className="empty">{m.noKpis}</p>
        ) : (
          <DataTable caption={m.kpis} columns={kpiColumns} rows={d.kpis} rowKey={(k) => k.period} />
        )}
      </section>
      {active && <ExitDialog slug={territory.slug} enrolmentId={enrolmentId} onSaved={detail.reload} />}
    </>
  );
}

/** One enrolment: its mentors, sessions, milestones and monthly figures, and its exit after confirmation. */
export function EnrolmentPage() {
  const { enrolmentId = '', slug = '' } = useParams();
  const { t } = useI18n();
  const detail = useApi<EnrolmentDetail>(programmesPaths.enrolment(slug, enrolmentId));
  const name = detail.status === 'ok' ? detail.data.enrolment.organization.name : null;
  const programmeId = detail.status === 'ok' ? detail.data.enrolment.programmeId : '';
  return (
    <ProgrammesFrame
      heading={name}
      access="staff"
      back={{ href: `/t/${slug}/gestion/programmes?programme=${programmeId}`, label: t.programmes.enrolment.back }}
    >
      {(territory) => <Detail territory={territory} enrolmentId={enrolmentId} />}
    </ProgrammesFrame>
  );
}
