import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { apiRequest } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, type Column, DataTable, Loading } from '../../ui/index.ts';
import { ManagerNav, PlacesFrame } from './places-frame.tsx';
import { formatCalendarDate, formatPeriod, localDate } from './places-time.ts';
import { type Roster, type RosterEntry, trainingsPaths } from './trainings.api.ts';

const marks: Record<string, string> = { enrolled: '…', attended: '✓', absent: '–', cancelled: '✕' };
const tones: Record<string, string> = { enrolled: 'pending', attended: 'confirmed', absent: 'no_show', cancelled: 'cancelled' };

function RosterTable({ territory, trainingId }: { territory: TerritoryDetail; trainingId: string }) {
  const { t, locale } = useI18n();
  const m = t.places.roster;
  const zone = territory.timeZone;
  const roster = useApi<Roster>(trainingsPaths.roster(territory.slug, trainingId));
  const loaded = roster.status === 'ok' ? roster.data.items : null;
  const [items, setItems] = useState<RosterEntry[] | null>(null);
  useEffect(() => setItems(loaded), [loaded]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  if (roster.status === 'loading') return <Loading label={t.common.loading} />;
  if (roster.status === 'error') return <ProblemAlert error={roster.error} onRetry={roster.reload} />;
  const training = roster.data.training;
  const started = Date.parse(training.start) <= Date.now();
  const rows = items ?? roster.data.items;
  const mark = async (entry: RosterEntry, attended: boolean) => {
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      const next = await apiRequest<RosterEntry>(trainingsPaths.attendance(territory.slug, trainingId), {
        method: 'POST',
        body: { userId: entry.user.id, attended },
      });
      setItems((xs) => (xs ?? rows).map((x) => (x.user.id === next.user.id ? next : x)));
      setNotice(m.marked(entry.user.name, attended));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setTimeout(() => status.current?.focus(), 0);
    }
  };
  const columns: Column<RosterEntry>[] = [
    {
      id: 'person',
      header: m.person,
      isRowHeader: true,
      cell: (e) => (
        <>
          {e.user.name}
          <span className="block small muted break-word">{e.user.email}</span>
        </>
      ),
    },
    {
      id: 'status',
      header: m.status,
      cell: (e) => (
        <>
          <span className={`badge status-${tones[e.status]}`}>
            <span aria-hidden="true">{`${marks[e.status]} `}</span>
            {m.statuses[e.status] ?? e.status}
          </span>
          {e.grant && <span className="block small">{m.granted(formatCalendarDate(localDate(e.grant.grantedAt, zone), locale))}</span>}
        </>
      ),
    },
    {
      id: 'actions',
      header: m.actions,
      cell: (e) =>
        e.status === 'cancelled' ? (
          '—'
        ) : (
          <div className="actions-row compact">
            <Button
              variant={e.status === 'attended' ? 'primary' : 'secondary'}
              isDisabled={busy || e.status === 'attended'}
              aria-label={m.markLabel(m.present, e.user.name)}
              onPress={() => mark(e, true)}
            >
              {m.present}
            </Button>
            <Button
              variant="secondary"
              isDisabled={busy || e.status === 'absent' || e.status === 'attended'}
              aria-label={m.markLabel(m.absent, e.user.name)}
              onPress={() => mark(e, false)}
            >
              {m.absent}
            </Button>
          </div>
        ),
    },
  ];
  return (
    <>
      <p className="lead">
        {`${training.qualification.name} · ${formatPeriod(training.start, training.end, locale, zone)}`}
        {training.place && <span className="block">{training.place.name}</span>}
      </p>
      {!started && <Alert tone="info" title={m.notStarted} />}
      <div ref={status} tabIndex={-1} role="status" className="focus-target">
        {notice && <Alert tone="success" announce={false} title={notice} />}
      </div>
      <ProblemAlert error={error} />
      {rows.length === 0 ? (
        <p className="empty">{m.empty}</p>
      ) : (
        <DataTable caption={m.caption} columns={columns} rows={rows} rowKey={(e) => e.user.id} />
      )}
    </>
  );
}

/** A training session's roster: managers mark each person present (which grants the qualification) or absent. */
export function RosterPage() {
  const { t } = useI18n();
  const { slug = '', trainingId = '' } = useParams();
  return (
    <PlacesFrame
      heading={t.places.roster.heading}
      access="manager"
      nav={<ManagerNav slug={slug} />}
      back={{ href: `/t/${slug}/gestion/lieux/formations`, label: t.places.roster.back }}
    >
      {(territory) => <RosterTable territory={territory} trainingId={trainingId} />}
    </PlacesFrame>
  );
}
