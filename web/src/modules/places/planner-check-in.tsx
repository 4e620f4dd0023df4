import { useEffect, useRef, useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button } from '../../ui/index.ts';
import { type Booking, placesPaths } from './places.api.ts';
import { formatClock } from './places-time.ts';

/** Check-in opens this long before the start, as for the booker's own link (see booking-moves.service.ts). */
const earlyMinutes = 15;

/** Whether a manager may record the arrival now: a confirmed booking from shortly before its start to its end. */
export function isDue(b: Booking, now: number): boolean {
  return (
    b.kind === 'booking' &&
    b.status === 'confirmed' &&
    !b.checkedInAt &&
    now >= Date.parse(b.start) - earlyMinutes * 60_000 &&
    now < Date.parse(b.end)
  );
}

export type PlannerCheckInProps = { slug: string; booking: Booking; timeZone: string };

/**
 * The manager's "checked in" button on a due booking, and the arrival time once recorded. The API
 * has no way to undo a check-in, so none is offered.
 */
export function PlannerCheckIn({ slug, booking, timeZone }: PlannerCheckInProps) {
  const { t, locale } = useI18n();
  const d = t.places.desk;
  const [current, setCurrent] = useState(booking);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [justDone, setJustDone] = useState(false);
  const arrived = useRef<HTMLSpanElement>(null);
  useEffect(() => setCurrent(booking), [booking]);
  // The button is gone once pressed: the arrival it recorded takes the focus.
  useEffect(() => {
    if (justDone) arrived.current?.focus();
  }, [justDone]);
  const who = current.booker?.name ?? '—';
  if (current.checkedInAt) {
    return (
      <span ref={arrived} tabIndex={-1} className="badge status-arrived focus-target">
        <span aria-hidden="true">✓ </span>
        {d.arrived(formatClock(current.checkedInAt, locale, timeZone))}
        {justDone && <span className="sr-only">{` ${d.done(who)}`}</span>}
      </span>
    );
  }
  if (!isDue(current, Date.now())) return null;
  const checkIn = async () => {
    setBusy(true);
    setError(null);
    try {
      setCurrent(await apiRequest<Booking>(placesPaths.checkIn(slug, current.id), { method: 'POST' }));
      setJustDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const when = `${formatClock(current.start, locale, timeZone)} – ${formatClock(current.end, locale, timeZone)}`;
  return (
    <>
      <Button variant="secondary" isDisabled={busy} aria-label={d.triggerLabel(who, when)} onPress={checkIn}>
        {d.trigger}
      </Button>
      <ProblemAlert error={error} />
    </>
  );
}
