import { useRef, useState } from 'react';
import { apiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Button, ConfirmDialog, RadioGroup, TextArea } from '../../ui/index.ts';
import { type Booking, type BookingStatus, placesPaths } from './places.api.ts';
import { formatPeriod } from './places-time.ts';

/** A booking's status in words, with a mark that does not rely on colour. */
export function StatusBadge({ status, kind }: { status: BookingStatus; kind?: Booking['kind'] }) {
  const { t } = useI18n();
  const s = t.places.statuses;
  const marks: Record<BookingStatus, string> = { pending: '…', confirmed: '✓', cancelled: '✕', rejected: '✕', no_show: '–' };
  const label = kind === 'blocking' && status === 'confirmed' ? t.places.manage.blocking : (s[status] ?? status);
  return (
    <span className={`badge status-${status}`}>
      <span aria-hidden="true">{`${marks[status]} `}</span>
      {label}
    </span>
  );
}

export type ActionResult = { booking: Booking } | { error: unknown };

/**
 * The outcome of actions on bookings (cancel, move, decide…) on a page: a notice or the server's
 * refusal, in a box (`box`) that takes the focus once the action's button is gone or its dialog closed.
 * `onBooking` receives the booking as the server now has it.
 */
export function useBookingOutcome(onBooking: (booking: Booking) => void) {
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const box = useRef<HTMLDivElement>(null);
  const focus = () => setTimeout(() => box.current?.focus(), 0);
  return {
    notice,
    error,
    box,
    /** After an action on one booking: announces `message`, or the refusal. */
    settle(r: ActionResult, message: string) {
      if ('error' in r) {
        setNotice(null);
        setError(r.error);
      } else {
        setError(null);
        setNotice(message);
        onBooking(r.booking);
      }
      focus();
    },
    /** After an action on several bookings (a series): announces `message`. */
    announce(message: string) {
      setError(null);
      setNotice(message);
      focus();
    },
  };
}

export type CancelBookingProps = {
  slug: string;
  booking: Booking;
  timeZone: string;
  /** Managers must give a reason (sent to the booker); a booker may give one. */
  asManager: boolean;
  onDone: (result: ActionResult) => void;
  /** Where the cancellation is sent: the booking's own address, or a visitor's link (which takes no reason). */
  path?: string;
  /** Given, an occurrence of a series offers to cancel the series' bookings to come; called with how many were. */
  onSeriesCancelled?: (count: number) => void;
};

/** Cancels a booking after an explicit confirmation, with the reason in the dialog. */
export function CancelBooking({ slug, booking, timeZone, asManager, onDone, path, onSeriesCancelled }: CancelBookingProps) {
  const { t, locale } = useI18n();
  const c = t.places.cancel;
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<'one' | 'series'>('one');
  const seriesId = onSeriesCancelled ? booking.seriesId : null;
  const period = formatPeriod(booking.start, booking.end, locale, timeZone);
  const blocking = booking.kind === 'blocking';
  return (
    <ConfirmDialog
      trigger={blocking ? c.liftTrigger : c.trigger}
      triggerLabel={c.triggerLabel(blocking ? c.liftTrigger : c.trigger, booking.resource.name, period)}
      title={blocking ? c.liftTitle : c.title}
      confirmLabel={blocking ? c.liftConfirm : scope === 'series' ? c.confirmSeries : c.confirm}
      cancelLabel={c.keep}
      canConfirm={!asManager || reason.trim().length > 0}
      onConfirm={async () => {
        try {
          const body = reason.trim() ? { reason: reason.trim() } : {};
          if (seriesId && onSeriesCancelled && scope === 'series') {
            const r = await apiRequest<{ cancelled: number }>(placesPaths.cancelSeries(slug, seriesId), { method: 'POST', body });
            return onSeriesCancelled(r.cancelled);
          }
          const sent = path
            ? apiRequest<Booking>(path, { method: 'POST' })
            : apiRequest<Booking>(placesPaths.cancel(slug, booking.id), { method: 'POST', body });
          onDone({ booking: await sent });
        } catch (error) {
          onDone({ error });
        }
      }}
    >
      <p>{`${booking.resource.name} · ${booking.place.name}`}</p>
      <p>{period}</p>
      {booking.booker && <p>{c.booker(booking.booker.name)}</p>}
      {booking.organization && <p>{t.places.bookFor.forOrganization(booking.organization.name)}</p>}
      {seriesId && (
        <RadioGroup
          label={c.scope}
          description={scope === 'series' && !asManager ? `${c.scopeHint} ${c.seriesDeadline}` : c.scopeHint}
          value={scope}
          onChange={(v) => setScope(v === 'series' ? 'series' : 'one')}
          options={[
            { id: 'one', label: c.thisOne },
            { id: 'series', label: c.wholeSeries },
          ]}
        />
      )}
      {!path && (
        <TextArea
          label={asManager ? c.reasonRequired : c.reason}
          description={asManager && !blocking ? c.reasonHint : undefined}
          name="reason"
          value={reason}
          onChange={setReason}
          rows={3}
          isRequired={asManager}
        />
      )}
    </ConfirmDialog>
  );
}

export type DecideBookingProps = { slug: string; booking: Booking; timeZone: string; onDone: (result: ActionResult) => void };

/** Approves a pending request at once, or rejects it after a confirmation, with a reason sent to the booker. */
export function DecideBooking({ slug, booking, timeZone, onDone }: DecideBookingProps) {
  const { t, locale } = useI18n();
  const d = t.places.decide;
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const period = formatPeriod(booking.start, booking.end, locale, timeZone);
  const who = booking.booker?.name ?? '';
  const send = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    try {
      const body = { decision, ...(decision === 'reject' && reason.trim() ? { reason: reason.trim() } : {}) };
      onDone({ booking: await apiRequest<Booking>(placesPaths.decision(slug, booking.id), { method: 'POST', body }) });
    } catch (error) {
      onDone({ error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant="primary"
        isDisabled={busy}
        aria-label={d.triggerLabel(d.approve, who, booking.resource.name, period)}
        onPress={() => send('approve')}
      >
        {d.approve}
      </Button>
      <ConfirmDialog
        trigger={d.reject}
        triggerLabel={d.triggerLabel(d.reject, who, booking.resource.name, period)}
        title={d.rejectTitle}
        confirmLabel={d.rejectConfirm}
        cancelLabel={d.keep}
        isDisabled={busy}
        onConfirm={() => send('reject')}
      >
        <p>{`${booking.resource.name} · ${period}`}</p>
        {who && <p>{t.places.cancel.booker(who)}</p>}
        {booking.organization && <p>{t.places.bookFor.forOrganization(booking.organization.name)}</p>}
        <TextArea label={d.reason} description={d.reasonHint} name="reason" value={reason} onChange={setReason} rows={3} />
      </ConfirmDialog>
    </>
  );
}
