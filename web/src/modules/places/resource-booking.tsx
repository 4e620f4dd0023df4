import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, Link, Loading, Segmented } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { useBookerOrganizations } from './book-for.tsx';
import { BookingForm, endOptions } from './booking-form.tsx';
import { CheckInQr } from './check-in-qr.tsx';
import { type Availability, type Booking, formatEuros, placesPaths, type Resource, type Slot } from './places.api.ts';
import { addDays, formatPeriod, isIsoDate, localDate, mondayOf, todayIn } from './places-time.ts';
import { SlotGrid } from './slot-grid.tsx';

type Confirmation = { booking: Booking; email: string | null; count?: number };

/** What was booked and its status, read at once by screen readers and kept until the next choice. */
function BookingConfirmation({ slug, done, timeZone }: { slug: string; done: Confirmation; timeZone: string }) {
  const { t, locale } = useI18n();
  const b = t.places.booking;
  const { session } = useSession();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const pending = done.booking.status === 'pending';
  const when = formatPeriod(done.booking.start, done.booking.end, locale, timeZone);
  return (
    <div ref={box} tabIndex={-1} className="booking-confirmation">
      <Alert tone="success" announce={false} title={pending ? b.pending : b.confirmed}>
        {done.count && done.count > 1 && <p>{t.places.series.booked(done.count)}</p>}
        <p>{`${done.booking.resource.name} · ${when}`}</p>
        {done.booking.organization && <p>{t.places.bookFor.forOrganization(done.booking.organization.name)}</p>}
        <p>{pending ? b.pendingBody : b.confirmedBody}</p>
        {done.booking.priceCents > 0 && <p>{b.price(formatEuros(done.booking.priceCents, locale))}</p>}
        {done.email && <p>{b.mailSent(done.email)}</p>}
        {session?.user && <Link href={`/t/${slug}/mes-reservations`}>{b.toMine}</Link>}
        {done.booking.manageUrl && (
          <p>
            {`${t.places.visitor.manageHint} `}
            <Link href={new URL(done.booking.manageUrl).pathname}>{t.places.visitor.manage}</Link>
          </p>
        )}
      </Alert>
      {done.booking.checkInUrl && <CheckInQr url={done.booking.checkInUrl} what={done.booking.resource.name} when={when} />}
    </div>
  );
}

export type ResourceBookingProps = { slug: string; resource: Resource; timeZone: string };

/**
 * A resource's availability for a day or a week, and the booking of a free slot: choose a start
 * in the grid, an end in the form, then confirm. The URL keeps the day and the view.
 */
export function ResourceBooking({ slug, resource, timeZone }: ResourceBookingProps) {
  const { t } = useI18n();
  const a = t.places.availability;
  const { session } = useSession();
  // Read with the page, so that the booking form shows its choice at once.
  const organizations = useBookerOrganizations(slug, Boolean(session?.user));
  const [params, setParams] = useSearchParams();
  const week = params.get('vue') === 'semaine';
  const today = todayIn(timeZone);
  const date = isIsoDate(params.get('date')) ? (params.get('date') as string) : today;
  const first = week ? mondayOf(date) : date;
  const days = week ? 7 : 1;
  const availability = useApi<Availability>(placesPaths.availability(slug, resource.id, first, days));
  const [start, setStart] = useState<string | null>(null);
  const [chosenEnd, setChosenEnd] = useState<string | null>(null);
  const [units, setUnits] = useState(1);
  const [done, setDone] = useState<Confirmation | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Choosing another resource (a link on the page) leads to its availability.
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, []);

  // While the grid is read again (after a booking, or a slot taken meanwhile) the last one stays on
  // screen, so that the form and its messages stay where they are.
  const loaded = availability.status === 'ok' ? availability.data : null;
  const [last, setLast] = useState<Availability | null>(null);
  useEffect(() => {
    if (loaded) setLast(loaded);
  }, [loaded]);
  const data = loaded ?? (last && last.resourceId === resource.id && localDate(last.from, timeZone) === first ? last : null);
  const slots = data?.slots ?? [];
  const ends = start ? endOptions(slots, start, units, resource) : [];
  const end = chosenEnd && ends.includes(chosenEnd) ? chosenEnd : (ends[0] ?? null);
  const startSlot = slots.find((s) => s.start === start);

  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
    setStart(null);
  };
  const choose = (slot: Slot) => {
    setDone(null);
    setUnits(1);
    setChosenEnd(null);
    setStart(slot.start);
  };
  const booked = (booking: Booking, email: string | null, count?: number) => {
    setStart(null);
    setDone({ booking, email, count });
    availability.reload();
  };

  return (
    <section aria-labelledby="availability-title" className="panel availability" id="disponibilites">
      <h2 id="availability-title" ref={heading} tabIndex={-1}>
        {a.heading(resource.name)}
      </h2>
      <p className="field-hint">{a.zone(timeZone)}</p>
      <div className="availability-nav">
        <Segmented
          label={a.view}
          value={week ? 'week' : 'day'}
          onChange={(v) => go({ vue: v === 'week' ? 'semaine' : null })}
          options={[
            { id: 'day', short: a.day, long: a.dayLong },
            { id: 'week', short: a.week, long: a.weekLong },
          ]}
        />
        <div className="actions-row compact">
          <Button variant="secondary" onPress={() => go({ date: addDays(date, week ? -7 : -1) })}>
            <span aria-hidden="true">← </span>
            {week ? a.previousWeek : a.previousDay}
          </Button>
          <Button variant="secondary" isDisabled={date === today} onPress={() => go({ date: null })}>
            {a.today}
          </Button>
          <Button variant="secondary" onPress={() => go({ date: addDays(date, week ? 7 : 1) })}>
            {week ? a.nextWeek : a.nextDay}
            <span aria-hidden="true"> →</span>
          </Button>
        </div>
        <div className="field availability-date">
          <label className="field-label" htmlFor="availability-date">
            {a.date}
          </label>
          <input
            id="availability-date"
            type="date"
            className="field-input field-date"
            value={date}
            onChange={(e) => isIsoDate(e.target.value) && go({ date: e.target.value === today ? null : e.target.value })}
          />
        </div>
      </div>
      <div role="status">{done && <BookingConfirmation slug={slug} done={done} timeZone={timeZone} />}</div>
      {availability.status === 'loading' && !data && <Loading label={t.common.loading} />}
      {availability.status === 'error' && <ProblemAlert error={availability.error} onRetry={availability.reload} />}
      {data && (
        <>
          <p className="availability-hint">{a.hint}</p>
          {!slots.some((s) => s.state === 'free' && Date.parse(s.start) > Date.now()) && <p className="empty">{a.noneFree}</p>}
          <SlotGrid
            availability={data}
            dates={Array.from({ length: days }, (_, i) => addDays(first, i))}
            selection={start && end ? { start, end } : start ? { start, end: startSlot?.end ?? start } : null}
            onChoose={choose}
          />
          {start && (
            <BookingForm
              slug={slug}
              resource={resource}
              timeZone={timeZone}
              start={start}
              ends={ends}
              end={end}
              onEndChange={setChosenEnd}
              maxUnits={startSlot?.free ?? 1}
              taken={startSlot?.state !== 'free'}
              units={units}
              onUnitsChange={setUnits}
              organizations={organizations}
              onBooked={booked}
              onConflict={availability.reload}
              onClose={() => {
                setStart(null);
                heading.current?.focus();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
