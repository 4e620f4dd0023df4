/** E-mails about a booking, each with an .ics file so the booker's calendar follows every change. */
import type { Db } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { buildCalendar, icsAttachment, type TCalendarStatus } from '../../platform/ical/index.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { formatRangeInZone } from '../../platform/time/index.ts';
import type { TBooking } from './places.contract.ts';

export type BookingEvent = 'confirmed' | 'pending' | 'approved' | 'rejected' | 'cancelled';

const subjects: Record<BookingEvent, Record<Locale, string>> = {
  confirmed: { fr: 'Réservation confirmée', en: 'Booking confirmed' },
  pending: { fr: 'Demande de réservation reçue', en: 'Booking request received' },
  approved: { fr: 'Réservation acceptée', en: 'Booking approved' },
  rejected: { fr: 'Demande de réservation refusée', en: 'Booking request declined' },
  cancelled: { fr: 'Réservation annulée', en: 'Booking cancelled' },
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
};

const statusOf: Record<BookingEvent, TCalendarStatus> = {
  confirmed: 'CONFIRMED',
  pending: 'TENTATIVE',
  approved: 'CONFIRMED',
  rejected: 'CANCELLED',
  cancelled: 'CANCELLED',
};

/** The iCalendar UID of a booking: stable, so that updates and cancellations replace the event. */
export const bookingUid = (id: string, host: string) => `booking-${id}@${host}`;

/** Queues the e-mail about a booking's event to its booker, in the caller's transaction. */
export async function mailBooking(
  tx: Db,
  deps: { mailer: Mailer; publicUrl: string },
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
  const method = statusOf[event] === 'CANCELLED' ? 'CANCEL' : 'PUBLISH';
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
        status: statusOf[event],
        sequence: booking.sequence,
        ...(method === 'CANCEL' ? { organizer: { email: `no-reply@${host}`, name: booking.place.name } } : {}),
      },
    ],
  });
  await deps.mailer.enqueue(tx, {
    to,
    subject: `${subjects[event][locale]} : ${booking.resource.name}`,
    text,
    attachments: [icsAttachment(calendar, 'reservation.ics')],
  });
}
