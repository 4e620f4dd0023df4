/** E-mails about a booking, each with an .ics file so the booker's calendar follows every change. */
import type { Db } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { buildCalendar, icsAttachment, type TCalendarStatus } from '../../platform/ical/index.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { formatRangeInZone } from '../../platform/time/index.ts';
import type { TBooking } from './places.contract.ts';

export type BookingEvent = 'confirmed' | 'pending' | 'approved' | 'rejected' | 'cancelled' | 'moved';

const subjects: Record<BookingEvent, Record<Locale, string>> = {
  confirmed: { fr: 'Réservation confirmée', en: 'Booking confirmed' },
  pending: { fr: 'Demande de réservation reçue', en: 'Booking request received' },
  approved: { fr: 'Réservation acceptée', en: 'Booking approved' },
  rejected: { fr: 'Demande de réservation refusée', en: 'Booking request declined' },
  cancelled: { fr: 'Réservation annulée', en: 'Booking cancelled' },
  moved: { fr: 'Réservation déplacée', en: 'Booking moved' },
};

const intros: Record<BookingEvent, Record<Locale, string>> = {
  confirmed: { fr: 'Votre réservation est confirmée.', en: 'Your booking is confirmed.' },
  pending: {
    fr: 'Votre demande est enregistrée ; un responsable du lieu va la valider.',
    en: 'Your request is recorded; a manager of the place will review it.',
  },
  approved: { fr: 'Votre demande de réservation est acceptée.', en: 'Your booking request has been approved.' },
  rejected: { fr: 'Votre demande de réservation est refusée.', en: 'Your booking request has been declined.' },
  cancelled: { fr: 'Votre réservation est annulée.', en: 'Your booking has been cancelled.' },
  moved: { fr: 'Votre réservation a changé de créneau ; voici le nouveau.', en: 'Your booking has moved; here is the new slot.' },
};

const statusOf: Record<BookingEvent, TCalendarStatus> = {
  confirmed: 'CONFIRMED',
  pending: 'TENTATIVE',
  approved: 'CONFIRMED',
  rejected: 'CANCELLED',
  cancelled: 'CANCELLED',
  moved: 'CONFIRMED',
};

/** French typography puts a space before the colon; English does not. */
const colon: Record<Locale, string> = { fr: ' : ', en: ': ' };

/** The iCalendar UID of a booking: stable, so that updates and cancellations replace the event. */
export const bookingUid = (id: string, host: string) => `booking-${id}@${host}`;

export type BookingMailDeps = { mailer: Mailer; publicUrl: string };

/** Sends the queued e-mails once `done` (the transaction that queued them) has committed. */
export const sendAfter =
  (mailer: Mailer) =>
  <T>(done: Promise<T>): Promise<T> =>
    done.then((r) => {
      void mailer.flush().catch(() => 0);
      return r;
    });

/** Queues the e-mail about a booking's event to its booker, in the caller's transaction. */
export async function mailBooking(
  tx: Db,
  deps: BookingMailDeps,
  booking: TBooking & { sequence: number },
  event: BookingEvent,
  zone: string,
  locale: Locale,
  reason?: string | null,
  extra?: string,
): Promise<void> {
  const to = booking.booker?.email;
  if (!to) return;
  const when = formatRangeInZone(new Date(booking.start), new Date(booking.end), zone, locale);
  const what = `${booking.resource.name} — ${booking.place.name}`;
  const because = reason ? `\n${locale === 'fr' ? 'Motif :' : 'Reason:'} ${reason}` : '';
  const org = booking.organization?.name;
  const behalf = org ? `\n${locale === 'fr' ? `Pour le compte de : ${org}` : `On behalf of: ${org}`}` : '';
  const text = `${intros[event][locale]}\n\n${what}\n${when}${behalf}${because}\n${extra ? `\n${extra}\n` : ''}`;
  const host = new URL(deps.publicUrl).hostname;
  // A pending request that moves stays tentative in the calendar.
  const status = event === 'moved' && booking.status === 'pending' ? 'TENTATIVE' : statusOf[event];
  const method = status === 'CANCELLED' ? 'CANCEL' : 'PUBLISH';
  const calendar = buildCalendar({
    name: booking.place.name,
    zone,
    method,
    events: [
      {
        uid: bookingUid(booking.id, host),
        start: new Date(booking.start),
        end: new Date(booking.end),
        summary: what,
        location: booking.place.name,
        status,
        sequence: booking.sequence,
        ...(method === 'CANCEL' ? { organizer: { email: `no-reply@${host}`, name: booking.place.name } } : {}),
      },
    ],
  });
  await deps.mailer.enqueue(tx, {
    to,
    subject: `${subjects[event][locale]}${colon[locale]}${booking.resource.name}`,
    text,
    attachments: [icsAttachment(calendar, 'reservation.ics')],
  });
}

/** The opening sentence of a series' e-mail, for its occurrences booked (confirmed or pending) or cancelled. */
function seriesIntro(event: 'booked' | 'cancelled', pending: boolean, count: number, locale: Locale): string {
  if (event === 'cancelled')
    return locale === 'fr'
      ? `Ces réservations de votre série sont annulées (${count} créneaux).`
      : `These bookings of your series are cancelled (${count} slots).`;
  if (locale === 'fr')
    return `${pending ? 'Vos demandes sont enregistrées ; un responsable du lieu va les valider' : 'Vos réservations sont confirmées'} (${count} créneaux).`;
  return `${pending ? 'Your requests are recorded; a manager of the place will review them' : 'Your bookings are confirmed'} (${count} slots).`;
}

/**
 * One e-mail for a recurring booking's occurrences, booked or cancelled together, listed by date, in
 * one .ics file (one event per occurrence, each with its own UID, so that a later change of one
 * replaces only it).
 */
export async function mailSeries(
  tx: Db,
  deps: BookingMailDeps,
  occurrences: (TBooking & { sequence: number })[],
  event: 'booked' | 'cancelled',
  zone: string,
  locale: Locale,
  reason?: string | null,
): Promise<void> {
  const first = occurrences[0];
  const to = first?.booker?.email;
  if (!first || !to) return;
  const host = new URL(deps.publicUrl).hostname;
  const what = `${first.resource.name} — ${first.place.name}`;
  const intro = seriesIntro(event, first.status === 'pending', occurrences.length, locale);
  const lines = occurrences.map((b) => `- ${formatRangeInZone(new Date(b.start), new Date(b.end), zone, locale)}`);
  const org = first.organization?.name;
  const behalf = org ? `\n${locale === 'fr' ? `Pour le compte de : ${org}` : `On behalf of: ${org}`}` : '';
  const because = reason ? `\n${locale === 'fr' ? 'Motif :' : 'Reason:'} ${reason}` : '';
  const cancelled = event === 'cancelled';
  const calendar = buildCalendar({
    name: first.place.name,
    zone,
    method: cancelled ? 'CANCEL' : 'PUBLISH',
    events: occurrences.map((b) => ({
      uid: bookingUid(b.id, host),
      start: new Date(b.start),
      end: new Date(b.end),
      summary: what,
      location: b.place.name,
      status: cancelled ? 'CANCELLED' : b.status === 'pending' ? 'TENTATIVE' : 'CONFIRMED',
      sequence: b.sequence,
      ...(cancelled ? { organizer: { email: `no-reply@${host}`, name: b.place.name } } : {}),
    })),
  });
  const subject = cancelled
    ? { fr: 'Réservations annulées', en: 'Bookings cancelled' }
    : { fr: 'Réservations répétées', en: 'Recurring bookings' };
  await deps.mailer.enqueue(tx, {
    to,
    subject: `${subject[locale]}${colon[locale]}${first.resource.name}`,
    text: `${intro}\n\n${what}${behalf}${because}\n${lines.join('\n')}\n`,
    attachments: [icsAttachment(calendar, 'reservations.ics')],
  });
}
