import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { apiRequest } from '../../api/client.ts';
import type { Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, type Column, ConfirmDialog, DataTable, Link, Loading } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { PlacesFrame } from './places-frame.tsx';
import { formatCalendarDate, formatPeriod, localDate } from './places-time.ts';
import { type Enrolment, type HeldQualification, type Training, trainingsPaths } from './trainings.api.ts';

type Notice = { trainingId: string; text: string } | null;

function Sessions({ territory, signedIn }: { territory: TerritoryDetail; signedIn: boolean }) {
  const { t, locale } = useI18n();
  const m = t.places.trainings;
  const zone = territory.timeZone;
  const location = useLocation();
  const list = useApi<Page<Training>>(trainingsPaths.trainingList(territory.slug, true));
  const loaded = list.status === 'ok' ? list.data.items : null;
  // Kept in the page: enrolling or giving a seat back updates its row, the table stays put.
  const [items, setItems] = useState<Training[] | null>(null);
  useEffect(() => setItems(loaded), [loaded]);
  const update = (next: Training) => setItems((xs) => xs?.map((x) => (x.id === next.id ? next : x)) ?? null);
  // Sessions the person holds a seat in: from the list, then from this page's own answers.
  const [mine, setMine] = useState<Set<string>>(new Set());
  useEffect(() => setMine(new Set((loaded ?? []).filter((t) => t.enrolledByMe).map((t) => t.id))), [loaded]);
  const [notice, setNotice] = useState<Notice>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  const focusStatus = () => setTimeout(() => status.current?.focus(), 0);
  const hold = (id: string, yes: boolean) =>
    setMine((s) => {
      const next = new Set(s);
      if (yes) next.add(id);
      else next.delete(id);
      return next;
    });
  const enrol = async (s: Training) => {
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      const enrolment = await apiRequest<Enrolment>(trainingsPaths.enrol(territory.slug, s.id), { method: 'POST' });
      hold(s.id, true);
      update(enrolment.training);
      setNotice({ trainingId: s.id, text: m.enrolled });
    } catch (err) {
      if ((err as { problem?: { code?: string } }).problem?.code === 'already_enrolled') hold(s.id, true);
      setError(err);
    } finally {
      setBusy(false);
      focusStatus();
    }
  };
  const cancel = async (s: Training) => {
    setNotice(null);
    setError(null);
    try {
      await apiRequest(trainingsPaths.myEnrolment(territory.slug, s.id), { method: 'DELETE' });
      hold(s.id, false);
      update({ ...s, seatsLeft: s.seatsLeft + 1 });
      setNotice({ trainingId: s.id, text: m.cancelled });
    } catch (err) {
      setError(err);
    }
    focusStatus();
  };
  if (list.status === 'loading') return <Loading label={t.common.loading} />;
  if (list.status === 'error') return <ProblemAlert error={list.error} onRetry={list.reload} />;
  const rows = items ?? list.data.items;
  const when = (s: Training) => formatPeriod(s.start, s.end, locale, zone);
  const columns: Column<Training>[] = [
    {
      id: 'qualification',
      header: m.qualification,
      isRowHeader: true,
      cell: (s) => (
        <>
          {s.qualification.name}
          {s.trainer && <span className="block small muted">{m.trainer(s.trainer)}</span>}
        </>
      ),
    },
    { id: 'place', header: m.place, cell: (s) => s.place?.name ?? '—' },
    { id: 'when', header: m.when, cell: when },
    { id: 'seats', header: m.seats, cell: (s) => (s.seatsLeft > 0 ? m.seatsLeft(s.seatsLeft, s.seats) : m.full) },
    {
      id: 'actions',
      header: m.actions,
      cell: (s) =>
        !signedIn ? (
          <Link href={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>{m.signIn}</Link>
        ) : mine.has(s.id) ? (
          <div className="actions-row compact">
            <span className="badge status-confirmed">
              <span aria-hidden="true">✓ </span>
              {m.enrolledBadge}
            </span>
            <ConfirmDialog
              trigger={m.cancel}
              triggerLabel={m.cancelLabel(s.qualification.name, when(s))}
              title={m.cancelTitle}
              confirmLabel={m.cancelConfirm}
              cancelLabel={m.keep}
              onConfirm={() => cancel(s)}
            >
              <p>{`${s.qualification.name} · ${when(s)}`}</p>
            </ConfirmDialog>
          </div>
        ) : (
          <Button isDisabled={busy} aria-label={m.enrolLabel(s.qualification.name, when(s))} onPress={() => enrol(s)}>
            {m.enrol}
          </Button>
        ),
    },
  ];
  return (
    <section aria-labelledby="trainings-upcoming">
      <h2 id="trainings-upcoming">{m.upcoming}</h2>
      <div ref={status} tabIndex={-1} role="status" className="focus-target">
        {notice && <Alert tone="success" announce={false} title={notice.text} />}
      </div>
      <ProblemAlert error={error} />
      {rows.length === 0 ? (
        <p className="empty">{m.empty}</p>
      ) : (
        <DataTable caption={m.caption} columns={columns} rows={rows} rowKey={(s) => s.id} />
      )}
    </section>
  );
}

function validity(q: HeldQualification, m: ReturnType<typeof useI18n>['t']['places']['trainings'], date: (iso: string) => string) {
  if (q.revokedAt) return m.revoked(q.revokedReason ?? '');
  if (!q.valid && q.expiresAt) return m.expired(date(q.expiresAt));
  if (q.expiresAt) return m.validUntil(date(q.expiresAt));
  return m.noExpiry;
}

function MyQualifications({ territory }: { territory: TerritoryDetail }) {
  const { t, locale } = useI18n();
  const m = t.places.trainings;
  const list = useApi<{ items: HeldQualification[] }>(trainingsPaths.myQualifications(territory.slug));
  const date = (iso: string) => formatCalendarDate(localDate(iso, territory.timeZone), locale);
  const columns: Column<HeldQualification>[] = [
    { id: 'name', header: m.qualification, isRowHeader: true, cell: (q) => q.qualification.name },
    { id: 'granted', header: m.grantedAt, cell: (q) => date(q.grantedAt) },
    {
      id: 'validity',
      header: m.validity,
      cell: (q) => (
        <span className={`badge status-${q.valid ? 'confirmed' : 'cancelled'}`}>
          <span aria-hidden="true">{q.valid ? '✓ ' : '✕ '}</span>
          {validity(q, m, date)}
        </span>
      ),
    },
  ];
  return (
    <section aria-labelledby="my-qualifications">
      <h2 id="my-qualifications">{m.mine}</h2>
      {list.status === 'loading' && <Loading label={t.common.loading} />}
      {list.status === 'error' && <ProblemAlert error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' &&
        (list.data.items.length === 0 ? (
          <p className="empty">{m.mineEmpty}</p>
        ) : (
          <DataTable caption={m.mineCaption} columns={columns} rows={list.data.items} rowKey={(q) => q.id} />
        ))}
    </section>
  );
}

/** The territory's upcoming training sessions, enrolment for signed-in people, and their qualifications. */
export function TrainingsPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const signedIn = !!session?.user;
  return (
    <PlacesFrame heading={t.places.trainings.heading}>
      {(territory) => (
        <>
          <p className="lead">{t.places.trainings.intro}</p>
          <Sessions territory={territory} signedIn={signedIn} />
          {signedIn && <MyQualifications territory={territory} />}
        </>
      )}
    </PlacesFrame>
  );
}
