import { useRef, useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ApiError, apiRequest, fieldProblems } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, Loading, SelectField } from '../../ui/index.ts';
import type { ActionResult } from './booking-actions.tsx';
import { endOptions } from './booking-form.tsx';
import { type Availability, type Booking, minutesBetween, type Place, placesPaths, type Resource, type Slot } from './places.api.ts';
import { formatClock, formatDuration, formatPeriod, isIsoDate, localDate } from './places-time.ts';
import { SlotGrid } from './slot-grid.tsx';

export type MoveBookingProps = {
  slug: string;
  booking: Booking;
  timeZone: string;
  onDone: (result: ActionResult) => void;
  /** Where the move is sent: the booking's own address, or a visitor's link. */
  path?: string;
};

/**
 * Moves a booking to another day or time of the same resource, in a dialog showing that resource's
 * free slots. The server applies the rules to the new slot; its refusals are shown where they apply.
 */
export function MoveBooking({ slug, booking, timeZone, onDone, path }: MoveBookingProps) {
  const { t, locale } = useI18n();
  const m = t.places.move;
  const [open, setOpen] = useState(false);
  const period = formatPeriod(booking.start, booking.end, locale, timeZone);
  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <Button variant="secondary" aria-label={m.triggerLabel(booking.resource.name, period)}>
        {m.trigger}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal modal-wide">
          <Dialog className="dialog">
            <Heading slot="title" className="dialog-title">
              {m.title}
            </Heading>
            <p>{`${booking.resource.name} · ${booking.place.name}`}</p>
            <p>{m.current(period)}</p>
            <MoveForm
              slug={slug}
              booking={booking}
              timeZone={timeZone}
              path={path ?? placesPaths.move(slug, booking.id)}
              onClose={() => setOpen(false)}
              onMoved={(moved) => {
                setOpen(false);
                onDone({ booking: moved });
              }}
            />
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

type MoveFormProps = {
  slug: string;
  booking: Booking;
  timeZone: string;
  path: string;
  onClose: () => void;
  onMoved: (b: Booking) => void;
};

/** The resource's rules come with its place: they set the ends that may be offered. */
function MoveForm({ slug, booking, timeZone, path, onClose, onMoved }: MoveFormProps) {
  const { t } = useI18n();
  const place = useApi<Place>(placesPaths.place(slug, booking.place.id));
  if (place.status === 'loading') return <Loading label={t.common.loading} />;
  if (place.status === 'error') return <ProblemAlert error={place.error} onRetry={place.reload} />;
  const resource = place.data.resources.find((r) => r.id === booking.resource.id);
  // A resource removed since the booking: nothing to move to (the server would refuse as well).
  if (!resource) return <ProblemAlert error={new Error('resource')} />;
  return (
    <MoveSlots slug={slug} booking={booking} resource={resource} timeZone={timeZone} path={path} onClose={onClose} onMoved={onMoved} />
  );
}

/** The new day, in the place's calendar. */
function MoveDateField({ date, onChange }: { date: string; onChange: (date: string) => void }) {
  const { t } = useI18n();
  const m = t.places.move;
  return (
    <div className="field availability-date">
      <label className="field-label" htmlFor="move-date">
        {m.date}
      </label>
      <p id="move-date-hint" className="field-hint">
        {m.dateHint}
      </p>
      <input
        id="move-date"
        type="date"
        className="field-input field-date"
        value={date}
        aria-describedby="move-date-hint"
        onChange={(e) => isIsoDate(e.target.value) && onChange(e.target.value)}
      />
    </div>
  );
}

type EndFieldProps = {
  start: string;
  ends: string[];
  end: string | null;
  onChange: (end: string) => void;
  error?: string;
  timeZone: string;
};

/** The new end, among those the resource's durations and the free slots allow. */
function MoveEndField({ start, ends, end, onChange, error, timeZone }: EndFieldProps) {
  const { t, locale } = useI18n();
  const m = t.places.move;
  if (ends.length === 0) return <p className="field-error">{m.noEnd}</p>;
  return (
    <SelectField
      label={m.end}
      value={end}
      onChange={onChange}
      errorMessage={error}
      options={ends.map((x) => ({
        id: x,
        label: `${formatClock(x, locale, timeZone)} (${formatDuration(minutesBetween(start, x), locale)})`,
      }))}
    />
  );
}

/** Sends the move; on a refusal that concerns the slots, their message takes the focus (the chosen slot may be gone). */
function useMoveRequest(path: string, onMoved: (b: Booking) => void, onConflict: () => void) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const startError = useRef<HTMLParagraphElement>(null);
  const send = async (start: string, end: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onMoved(await apiRequest<Booking>(path, { method: 'PATCH', body: { start, end } }));
    } catch (err) {
      setError(err);
      const conflict = err instanceof ApiError && err.problem.code === 'booking_conflict';
      if (conflict) onConflict();
      if (conflict || fieldProblems(err).start) setTimeout(() => startError.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, send, startError };
}

function MoveSlots({ slug, booking, resource, timeZone, path, onClose, onMoved }: MoveFormProps & { resource: Resource }) {
  const { t, locale } = useI18n();
  const m = t.places.move;
  const [date, setDate] = useState(localDate(booking.start, timeZone));
  const availability = useApi<Availability>(placesPaths.availability(slug, resource.id, date, 1));
  const [start, setStart] = useState<string | null>(null);
  const [chosenEnd, setChosenEnd] = useState<string | null>(null);
  const request = useMoveRequest(path, onMoved, () => {
    setStart(null);
    availability.reload();
  });
  const slots = availability.status === 'ok' ? availability.data.slots : [];
  const ends = start ? endOptions(slots, start, booking.units, resource) : [];
  const end = chosenEnd && ends.includes(chosenEnd) ? chosenEnd : (ends[0] ?? null);
  const errors = fieldProblems(request.error);
  const code = request.error instanceof ApiError ? request.error.problem.code : null;
  const startMessage = code === 'booking_conflict' ? m.conflict : errors.start?.message;
  const choose = (slot: Slot) => {
    request.setError(null);
    setChosenEnd(null);
    setStart(slot.start);
  };
  return (
    <>
      <p className="field-hint">{m.otherResource}</p>
      <MoveDateField
        date={date}
        onChange={(d) => {
          setStart(null);
          request.setError(null);
          setDate(d);
        }}
      />
      <fieldset className="move-slots" aria-describedby={startMessage ? 'move-start-error move-slots-hint' : 'move-slots-hint'}>
        <legend className="field-label">{m.slots}</legend>
        <p id="move-slots-hint" className="field-hint">
          {`${m.slotsHint} ${m.ownSlot}`}
        </p>
        {/* Above the slots, where the eye and the focus land after a refusal of the chosen one. */}
        <p ref={request.startError} tabIndex={-1} id="move-start-error" className={startMessage ? 'field-error' : 'sr-only'}>
          {startMessage ?? ''}
        </p>
        {availability.status === 'loading' && <Loading label={t.common.loading} />}
        {availability.status === 'error' && <ProblemAlert error={availability.error} onRetry={availability.reload} />}
        {availability.status === 'ok' && (
          <SlotGrid availability={availability.data} dates={[date]} selection={start && end ? { start, end } : null} onChoose={choose} />
        )}
      </fieldset>
      {start && <p className="move-chosen">{m.chosen(formatPeriod(start, end ?? start, locale, timeZone))}</p>}
      {start && (
        <MoveEndField start={start} ends={ends} end={end} onChange={setChosenEnd} error={errors.end?.message} timeZone={timeZone} />
      )}
      <ProblemAlert error={code === 'booking_not_cancellable' ? new ApiError({ title: m.tooLate, status: 409, code }) : request.error} />
      <div className="dialog-actions">
        <Button variant="secondary" onPress={onClose}>
          {m.keep}
        </Button>
        {/* Not disabled while sending: the focus must stay on it to hear the answer (a second press is ignored). */}
        <Button variant="primary" isDisabled={!start || !end} onPress={() => start && end && request.send(start, end)}>
          {m.confirm}
        </Button>
      </div>
    </>
  );
}
