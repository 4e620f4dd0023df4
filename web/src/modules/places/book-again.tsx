import { useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/index.ts';
import type { ActionResult } from './booking-actions.tsx';
import { type Booking, type CreateBookingRequest, placesPaths } from './places.api.ts';
import { addDays, formatPeriod, localDate, zonedInstant } from './places-time.ts';

/**
 * The same local wall-clock time seven days later, computed in the place's zone: adding 168 hours
 * would shift the hour across a daylight-saving change.
 */
export function sameTimeNextWeek(iso: string, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return zonedInstant(addDays(localDate(iso, timeZone), 7), time, timeZone).toISOString();
}

export type BookAgainProps = { slug: string; booking: Booking; timeZone: string; onDone: (result: ActionResult) => void };

/**
 * Books the same resource, time and units one week after a booking: the regular's shortcut. The
 * server checks the slot and the rules as for any booking; a refusal comes back through `onDone`.
 */
export function BookAgain({ slug, booking, timeZone, onDone }: BookAgainProps) {
  const { t, locale } = useI18n();
  const a = t.places.again;
  const [busy, setBusy] = useState(false);
  const start = sameTimeNextWeek(booking.start, timeZone);
  const end = sameTimeNextWeek(booking.end, timeZone);
  if (booking.kind !== 'booking' || Date.parse(start) <= Date.now()) return null;
  const book = async () => {
    if (busy) return;
    setBusy(true);
    const body: CreateBookingRequest = { resourceId: booking.resource.id, start, end };
    if (booking.units > 1) body.units = booking.units;
    // For the same organisation: the server checks that the person still belongs to it.
    if (booking.organization) body.organizationId = booking.organization.id;
    try {
      onDone({ booking: await apiRequest<Booking>(placesPaths.bookings(slug), { method: 'POST', body }) });
    } catch (error) {
      onDone({ error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="quiet" aria-label={a.triggerLabel(booking.resource.name, formatPeriod(start, end, locale, timeZone))} onPress={book}>
      {a.trigger}
    </Button>
  );
}
