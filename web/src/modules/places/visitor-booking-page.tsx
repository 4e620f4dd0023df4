import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import type { TerritoryDetail } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Link, Loading } from '../../ui/index.ts';
import { type ActionResult, CancelBooking, StatusBadge, useBookingOutcome } from './booking-actions.tsx';
import { MoveBooking } from './move-booking.tsx';
import { type Booking, formatEuros, placesPaths } from './places.api.ts';
import { PlacesFrame } from './places-frame.tsx';
import { formatClock, formatDay, formatPeriod, localDate } from './places-time.ts';

/** The booking the link opens: what, where, when, and moving or cancelling it while the rules allow. */
function VisitorBooking({ territory, token }: { territory: TerritoryDetail; token: string }) {
  const { t, locale } = useI18n();
  const v = t.places.visitor;
  const path = placesPaths.visitorBooking(territory.slug, token);
  const loaded = useApi<Booking>(path);
  // Kept in the page: a move or a cancellation answers the booking as it now is.
  const [booking, setBooking] = useState<Booking | null>(null);
  const data = loaded.status === 'ok' ? loaded.data : null;
  useEffect(() => setBooking(data), [data]);
  const outcome = useBookingOutcome(setBooking);
  const zone = territory.timeZone;
  if (loaded.status === 'loading') return <Loading label={t.common.loading} />;
  if (loaded.status === 'error') {
    const missing = loaded.error instanceof ApiError && loaded.error.problem.status === 404;
    return missing ? <Alert tone="error" title={v.notFound} /> : <ProblemAlert error={loaded.error} onRetry={loaded.reload} />;
  }
  const b = booking ?? loaded.data;
  const done = (r: ActionResult, message: string) => outcome.settle(r, message);
  const holding = b.status === 'pending' || b.status === 'confirmed';
  const until = b.changeableUntil;
  return (
    <>
      <p className="lead">{v.intro}</p>
      <div ref={outcome.box} tabIndex={-1} className="focus-target">
        <div role="status">{outcome.notice && <Alert tone="success" announce={false} title={outcome.notice} />}</div>
        <ProblemAlert error={outcome.error} listFieldMessages />
      </div>
      <section aria-labelledby="visitor-booking-details" className="visitor-booking">
        <h2 id="visitor-booking-details">{v.details}</h2>
        <dl className="detail-list">
          <div>
            <dt>{v.resource}</dt>
            <dd>{b.resource.name}</dd>
          </div>
          <div>
            <dt>{v.place}</dt>
            <dd>
              <Link href={`/t/${territory.slug}/lieux/${b.place.id}`}>{b.place.name}</Link>
            </dd>
          </div>
          <div>
            <dt>{v.when}</dt>
            <dd>{formatPeriod(b.start, b.end, locale, zone)}</dd>
          </div>
          <div>
            <dt>{v.status}</dt>
            <dd>
              <StatusBadge status={b.status} />
            </dd>
          </div>
          <div>
            <dt>{v.price}</dt>
            <dd>{b.priceCents > 0 ? formatEuros(b.priceCents, locale) : v.free}</dd>
          </div>
          {b.booker && (
            <div>
              <dt>{v.bookedBy}</dt>
              <dd>{b.booker.name}</dd>
            </div>
          )}
        </dl>
        {b.cancelReason && <p>{t.places.mine.reason(b.cancelReason)}</p>}
        {b.cancellable && until && <p>{v.deadline(formatDay(localDate(until, zone), locale), formatClock(until, locale, zone))}</p>}
        {holding && !b.cancellable && <p>{v.tooLate}</p>}
        {!holding && <p>{v.ended}</p>}
        {b.cancellable && (
          <div className="actions-row">
            <MoveBooking slug={territory.slug} booking={b} timeZone={zone} path={path} onDone={(r) => done(r, t.places.move.moved)} />
            <CancelBooking
              slug={territory.slug}
              booking={b}
              timeZone={zone}
              asManager={false}
              path={`${path}/cancel`}
              onDone={(r) => done(r, t.places.mine.cancelled)}
            />
          </div>
        )}
      </section>
      <p>
        <Link href={`/t/${territory.slug}/lieux/${b.place.id}?ressource=${b.resource.id}`}>{v.bookAgain}</Link>
      </p>
    </>
  );
}

/**
 * The page a visitor's confirmation e-mail links to: people who booked without an account see,
 * move and cancel their booking there. The link's secret is the only key to it.
 */
export function VisitorBookingPage() {
  const { t } = useI18n();
  const token = useParams().token ?? '';
  return (
    <PlacesFrame heading={t.places.visitor.heading}>{(territory) => <VisitorBooking territory={territory} token={token} />}</PlacesFrame>
  );
}
