import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { type Column, DataTable, Link, Loading } from '../../ui/index.ts';
import { type Place, placesPaths } from './places.api.ts';
import { ManagerNav, PlacesFrame } from './places-frame.tsx';
import { formatPeriod } from './places-time.ts';
import { type Qualification, type Training, trainingsPaths } from './trainings.api.ts';
import { QualificationForm, TrainingForm } from './trainings-forms.tsx';

function Sessions({ territory, upcoming }: { territory: TerritoryDetail; upcoming: boolean }) {
  const { t, locale } = useI18n();
  const m = t.places.trainingsManage;
  const list = useApi<Page<Training>>(trainingsPaths.trainingList(territory.slug, upcoming));
  if (list.status === 'loading') return <Loading label={t.common.loading} />;
  if (list.status === 'error') return <ProblemAlert error={list.error} onRetry={list.reload} />;
  const when = (s: Training) => formatPeriod(s.start, s.end, locale, territory.timeZone);
  const columns: Column<Training>[] = [
    { id: 'qualification', header: t.places.trainings.qualification, isRowHeader: true, cell: (s) => s.qualification.name },
    { id: 'place', header: t.places.trainings.place, cell: (s) => s.place?.name ?? '—' },
    { id: 'when', header: t.places.trainings.when, cell: when },
    { id: 'seats', header: t.places.trainings.seats, cell: (s) => t.places.trainings.seatsLeft(s.seatsLeft, s.seats) },
    {
      id: 'roster',
      header: m.roster,
      cell: (s) => (
        <Link href={`/t/${territory.slug}/gestion/lieux/formations/${s.id}`} aria-label={m.rosterLabel(s.qualification.name, when(s))}>
          {m.roster}
        </Link>
      ),
    },
  ];
  return list.data.items.length === 0 ? (
    <p className="empty">{m.empty}</p>
  ) : (
    <DataTable caption={upcoming ? m.captionUpcoming : m.captionPast} columns={columns} rows={list.data.items} rowKey={(s) => s.id} />
  );
}

function Manage({ territory }: { territory: TerritoryDetail }) {
  const { t } = useI18n();
  const m = t.places.trainingsManage;
  const [params] = useSearchParams();
  const upcoming = params.get('periode') !== 'passees';
  const qualifications = useApi<{ items: Qualification[] }>(trainingsPaths.qualifications(territory.slug));
  const places = useApi<{ items: Place[] }>(placesPaths.places(territory.slug));
  const base = `/t/${territory.slug}/gestion/lieux/formations`;
  // A new session reloads the list; a new qualification joins the choices without reloading the page.
  const [version, setVersion] = useState(0);
  const [added, setAdded] = useState<Qualification[]>([]);
  if (qualifications.status === 'loading' || places.status === 'loading') return <Loading label={t.common.loading} />;
  if (qualifications.status === 'error') return <ProblemAlert error={qualifications.error} onRetry={qualifications.reload} />;
  if (places.status === 'error') return <ProblemAlert error={places.error} onRetry={places.reload} />;
  const qs = [...qualifications.data.items, ...added];
  return (
    <>
      <section aria-labelledby="trainings-sessions">
        <h2 id="trainings-sessions">{m.sessions}</h2>
        <nav aria-label={m.sessions} className="staff-nav">
          <ul>
            <li>
              <Link href={base} aria-current={upcoming ? 'page' : undefined}>
                {m.upcoming}
              </Link>
            </li>
            <li>
              <Link href={`${base}?periode=passees`} aria-current={upcoming ? undefined : 'page'}>
                {m.past}
              </Link>
            </li>
          </ul>
        </nav>
        <Sessions key={`${upcoming}-${version}`} territory={territory} upcoming={upcoming} />
      </section>
      <TrainingForm
        slug={territory.slug}
        timeZone={territory.timeZone}
        qualifications={qs}
        places={places.data.items}
        onCreated={() => setVersion((v) => v + 1)}
      />
      <section aria-labelledby="qualifications-list">
        <h2 id="qualifications-list">{m.qualifications}</h2>
        {qs.length === 0 ? (
          <p className="empty">{m.noQualifications}</p>
        ) : (
          <ul>
            {qs.map((q) => (
              <li key={q.id}>{`${q.name} (${m.months(q.validityMonths)})`}</li>
            ))}
          </ul>
        )}
      </section>
      <QualificationForm slug={territory.slug} onCreated={(q) => setAdded((xs) => [...xs, q])} />
    </>
  );
}

/** The managers' trainings: sessions with their rosters, planning a session, and the qualifications. */
export function TrainingsManagerPage() {
  const { t } = useI18n();
  const slug = useParams().slug ?? '';
  return (
    <PlacesFrame heading={t.places.trainingsManage.heading} access="manager" nav={<ManagerNav slug={slug} />}>
      {(territory) => (
        <>
          <p className="lead">{t.places.trainingsManage.intro}</p>
          <Manage territory={territory} />
        </>
      )}
    </PlacesFrame>
  );
}
