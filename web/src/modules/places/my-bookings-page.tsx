import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Page, TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, type Column, DataTable, Link, Loading } from '../../ui/index.ts';
import { BookAgain } from './book-again.tsx';
import { type ActionResult, CancelBooking, StatusBadge, useBookingOutcome } from './booking-actions.tsx';
import { CalendarFeed } from './calendar-feed.tsx';
import { CheckInCode } from './check-in-code.tsx';
import { CheckInQr } from './check-in-qr.tsx';
import { MoveBooking } from './move-booking.tsx';
import { type Booking, placesPaths } from './places.api.ts';
import { PlacesFrame } from './places-frame.tsx';
import { formatPeriod } from './places-time.ts';

function Bookings({ territory, upcoming }: { territory: TerritoryDetail; upcoming: boolean }) {
  const { t, locale } = useI18n();
  const m = t.places.mine;
  const list = useApi<Page<Booking>>(placesPaths.myBookings(territory.slug, upcoming));
  const loaded = list.status === 'ok' ? list.data.items : null;
  // Kept in the page: a cancellation updates its row from the server's answer, the table stays put.
  const [items, setItems] = useState<Booking[] | null>(null);
  useEffect(() => setItems(loaded), [loaded]);
  const [created, setCreated] = useState<Booking | null>(null);
  const outcome = useBookingOutcome((b) => setItems((xs) => xs?.map((x) => (x.id === b.id ? b : x)) ?? null));
  const zone = territory.timeZone;
  const done = (r: ActionResult, message: string) => {
    setCreated(null);
    outcome.settle(r, message);
  };
  // Several rows changed: the list is read again, the outcome announced.
  const seriesCancelled = (count: number) => {
    setCreated(null);
    outcome.announce(t.places.cancel.seriesCancelled(count));
    list.reload();
  };
  // A new booking one week later: announced with its check-in code (returned only now), and listed.
  const again = (r: ActionResult) => {
    if ('error' in r) return done(r, '');
    done({ booking: r.booking }, t.places.again.done(formatPeriod(r.booking.start, r.booking.end, locale, zone)));
    setCreated(r.booking);
    if (upcoming) setItems((xs) => [...(xs ?? []), r.booking].sort((a, b) => a.start.localeCompare(b.start)));
  };
  if (list.status === 'loading') return <Loading label={t.common.loading} />;
  if (list.status === 'error') return <ProblemAlert error={list.error} onRetry={list.reload} />;
  const rows = items ?? list.data.items;
  const columns: Column<Booking>[] = [
    {
      id: 'resource',
      header: m.resource,
      isRowHeader: true,
      cell: (b) => (
        <>
          <Link href={`/t/${territory.slug}/lieux/${b.place.id}?ressource=${b.resource.id}`}>{b.resource.name}</Link>
          <span className="block small muted">{b.place.name}</span>
        </>
      ),
    },
    { id: 'when', header: m.when, cell: (b) => formatPeriod(b.start, b.end, locale, zone) },
    // Only for people who book on behalf of an organisation: the others never see the column.
    ...(rows.some((b) => b.organization)
      ? [{ id: 'organization', header: t.places.bookFor.column, cell: (b: Booking) => b.organization?.name ?? t.places.bookFor.yourself }]
      : []),
    { id: 'status', header: m.status, cell: (b) => <StatusBadge status={b.status} /> },
    {
      id: 'actions',
      header: m.actions,
      cell: (b) => (
        <div className="actions-row compact">
          {b.cancellable && b.kind === 'booking' && (
            <MoveBooking slug={territory.slug} booking={b} timeZone={zone} onDone={(r) => done(r, t.places.move.moved)} />
          )}
          {b.cancellable && (
            <CancelBooking
              slug={territory.slug}
              booking={b}
              timeZone={zone}
              asManager={false}
              onDone={(r) => done(r, m.cancelled)}
              onSeriesCancelled={seriesCancelled}
            />
          )}
          {!b.cancellable && (b.status === 'pending' || b.status === 'confirmed') && <span className="small muted">{m.tooLate}</span>}
          {b.cancelReason && <span className="small">{m.reason(b.cancelReason)}</span>}
          <CheckInCode
            slug={territory.slug}
            booking={b}
            timeZone={zone}
            onDone={(r) => {
              if ('error' in r) return done(r, '');
              done({ booking: b }, t.places.code.done);
              setCreated({ ...b, checkInUrl: r.url });
            }}
          />
          <BookAgain slug={territory.slug} booking={b} timeZone={zone} onDone={again} />
        </div>
      ),
    },
  ];
  return (
    <>
      {/* The focus lands on the outcome, success or refusal, once the action's button is gone or disabled. */}
      <div ref={outcome.box} tabIndex={-1} className="focus-target">
        <div role="status">{outcome.notice && <Alert tone="success" announce={false} title={outcome.notice} />}</div>
        {/* A refusal of "same slot next week" (a rule, an affiliation ended) has no field to show it at. */}
        <ProblemAlert error={outcome.error} listFieldMessages />
      </div>
      {created?.checkInUrl && (
        <CheckInQr url={created.checkInUrl} what={created.resource.name} when={formatPeriod(created.start, created.end, locale, zone)} />
      )}
      {rows.length === 0 ? (
        <p className="empty">{upcoming ? m.emptyUpcoming : m.emptyPast}</p>
      ) : (
        <DataTable caption={upcoming ? m.captionUpcoming : m.captionPast} columns={columns} rows={rows} rowKey={(b) => b.id} />
      )}
    </>
  );
}

/** A signed-in person's bookings in the territory, upcoming or past, and their private calendar feed. */
export function MyBookingsPage() {
  const { t } = useI18n();
  const m = t.places.mine;
  const [params] = useSearchParams();
  const upcoming = params.get('periode') !== 'passees';
  return (
    <PlacesFrame heading={m.heading} access="signed_in">
      {(territory) => {
        const base = `/t/${territory.slug}/mes-reservations`;
        return (
          <>
            <nav aria-label={m.period} className="staff-nav">
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
            <Bookings key={String(upcoming)} territory={territory} upcoming={upcoming} />
            <p>
              <Link href={`/t/${territory.slug}/lieux`}>{m.book}</Link>
            </p>
            <CalendarFeed />
          </>
        );
      }}
    </PlacesFrame>
  );
}
