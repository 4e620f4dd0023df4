import { useI18n } from '../../i18n/i18n.tsx';
import { Button } from '../../ui/index.ts';
import type { Availability, Slot } from './places.api.ts';
import { addDays, formatClock, formatDay, formatShortDay, startOfLocalDay } from './places-time.ts';

/** What a line of the grid shows: a free slot to choose, or a run of booked, closed, past or unbookable time. */
type Cell = { start: string; end: string; state: Slot['state'] | 'past'; free: number; slot: Slot | null };

/** Why the server says an open slot cannot be booked now, in words (kept beside the only places that show it). */
const unavailableLabels: Record<'fr' | 'en', Record<NonNullable<Slot['reason']>, string>> = {
  fr: { past: 'Passé', lead_time: 'Trop tard pour réserver', horizon: 'Pas encore ouvert à la réservation' },
  en: { past: 'Past', lead_time: 'Too late to book', horizon: 'Not yet open for booking' },
};
export const unavailableLabel = (slot: Pick<Slot, 'reason'> | null, locale: 'fr' | 'en') =>
  unavailableLabels[locale][slot?.reason ?? 'past'];

/**
 * The cells of one local day: slots cut at midnight, free ones kept one by one (each is a start to
 * choose), the others merged into runs so that a closed night or a booked morning reads as one line.
 */
export function cellsOfDay(slots: Slot[], date: string, timeZone: string, now: number): Cell[] {
  const from = startOfLocalDay(date, timeZone).getTime();
  const to = startOfLocalDay(addDays(date, 1), timeZone).getTime();
  const cells: Cell[] = [];
  for (const slot of slots) {
    const s = Math.max(Date.parse(slot.start), from);
    const e = Math.min(Date.parse(slot.end), to);
    if (e <= s) continue;
    const state = slot.state === 'free' && Date.parse(slot.start) < now ? 'past' : slot.state;
    const cell: Cell = { start: new Date(s).toISOString(), end: new Date(e).toISOString(), state, free: slot.free, slot };
    const last = cells.at(-1);
    if (state !== 'free' && last && last.state === state && last.slot?.reason === slot.reason && last.end === cell.start)
      last.end = cell.end;
    else cells.push(cell);
  }
  return cells;
}

export type SlotGridProps = {
  availability: Availability;
  dates: string[];
  /** The chosen booking, to highlight its slots. */
  selection: { start: string; end: string } | null;
  onChoose: (slot: Slot) => void;
};

/**
 * A day or a week of slots. Free slots are buttons (Tab and Enter choose a start); booked, closed
 * and past times are text, and every state is written, not only coloured.
 */
export function SlotGrid({ availability, dates, selection, onChoose }: SlotGridProps) {
  const { t, locale } = useI18n();
  const a = t.places.availability;
  const zone = availability.timeZone;
  const now = Date.now();
  const many = availability.capacity > 1;
  const time = (iso: string) => formatClock(iso, locale, zone);
  const stateText = (c: Cell) =>
    c.state === 'free'
      ? many
        ? a.freeUnits(c.free)
        : a.free
      : c.state === 'booked'
        ? many
          ? a.full
          : a.booked
        : c.state === 'past'
          ? a.past
          : c.state === 'unavailable'
            ? unavailableLabel(c.slot, locale)
            : a.closed;
  const inSelection = (c: Cell) => !!selection && c.start >= selection.start && c.end <= selection.end;
  return (
    <div className={dates.length > 1 ? 'slot-week' : 'slot-day-view'}>
      {dates.map((date) => {
        const cells = cellsOfDay(availability.slots, date, zone, now);
        const open = cells.some((c) => c.state !== 'closed');
        const dayLabel = formatShortDay(date, locale);
        return (
          <section key={date} aria-labelledby={`day-${date}`} className="slot-day">
            <h3 id={`day-${date}`} className="slot-day-title">
              {dates.length > 1 ? dayLabel : formatDay(date, locale)}
            </h3>
            {!open ? (
              <p className="slot slot-closed">{a.closedDay}</p>
            ) : (
              <ul className="slot-list">
                {cells.map((c) => {
                  const period = `${time(c.start)} – ${time(c.end)}`;
                  const chosen = inSelection(c);
                  if (c.state === 'free' && c.slot) {
                    const slot = c.slot;
                    return (
                      <li key={c.start}>
                        <Button
                          variant="secondary"
                          className={chosen ? 'slot slot-free slot-chosen' : 'slot slot-free'}
                          aria-pressed={selection?.start === c.start}
                          onPress={() => onChoose(slot)}
                        >
                          <span className="sr-only">{`${dayLabel}, `}</span>
                          <span className="slot-time">{period}</span>{' '}
                          <span className="slot-state">
                            {stateText(c)}
                            {chosen && <span className="sr-only">{`, ${a.inSelection}`}</span>}
                          </span>
                        </Button>
                      </li>
                    );
                  }
                  return (
                    <li key={c.start} className={`slot slot-${c.state}`}>
                      <span className="slot-time">{period}</span>{' '}
                      <span className="slot-state">
                        {c.state === 'booked' && (
                          <span aria-hidden="true" className="slot-mark">
                            ✕
                          </span>
                        )}
                        {stateText(c)}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
