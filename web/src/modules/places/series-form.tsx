import { useEffect, useState } from 'react';
import type { TCreateSeriesRequest, TSeriesResult } from '../../../../src/modules/places/series.contract.ts';
import { apiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, Checkbox } from '../../ui/index.ts';
import { type Booking, minutesBetween, placesPaths } from './places.api.ts';
import { addDays, formatClock, formatShortDay, localDate } from './places-time.ts';

const weekdays = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export type SeriesOptionProps = {
  slug: string;
  resourceId: string;
  timeZone: string;
  start: string;
  end: string;
  units: number;
  note: string;
  /** The organisation booked for, if any (its quota then counts every occurrence). */
  organizationId?: string | undefined;
  /** The occurrences booked: the first one is shown, with how many there are. */
  onBooked: (booked: Booking[]) => void;
  /** Whether the person chose to repeat: the single booking's button then steps aside. */
  onRepeatChange: (repeat: boolean) => void;
};

/**
 * « Répéter » : the same slot every week until a date. The dates are checked first (nothing is
 * written), the conflicting ones listed; then the free ones are booked together.
 */
export function SeriesOption(props: SeriesOptionProps) {
  const { slug, resourceId, timeZone, start, end, units, note, organizationId, onBooked, onRepeatChange } = props;
  const { t, locale } = useI18n();
  const s = t.places.series;
  const day = localDate(start, timeZone);
  const [repeat, setRepeat] = useState(false);
  const [until, setUntil] = useState(() => addDays(day, 28));
  const [preview, setPreview] = useState<TSeriesResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A preview made for another booker counted another quota.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of booker is a trigger, not a value read.
  useEffect(() => setPreview(null), [organizationId]);
  const body = (mode: 'preview' | 'commit'): TCreateSeriesRequest => ({
    resourceId,
    start: `${day}T${formatClock(start, 'fr', timeZone)}`,
    durationMinutes: minutesBetween(start, end),
    rrule: `FREQ=WEEKLY;BYDAY=${weekdays[new Date(`${day}T12:00:00Z`).getUTCDay()]};UNTIL=${until.replaceAll('-', '')}`,
    ...(units > 1 ? { units } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
    ...(organizationId ? { organizationId } : {}),
    mode,
    skipConflicts: mode === 'commit',
  });
  const send = async (mode: 'preview' | 'commit') => {
    setBusy(true);
    setError(null);
    try {
      const result = await apiRequest<TSeriesResult>(`${placesPaths.bookings(slug)}/series`, { method: 'POST', body: body(mode) });
      if (mode === 'preview') setPreview(result);
      else onBooked(result.booked);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const free = preview?.occurrences.filter((o) => o.ok).length ?? 0;
  return (
    <fieldset className="form-section">
      <legend>{s.legend}</legend>
      <Checkbox
        isSelected={repeat}
        onChange={(v) => {
          setRepeat(v);
          onRepeatChange(v);
          setPreview(null);
        }}
      >
        {s.repeat(
          new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
            new Date(`${day}T12:00:00Z`),
          ),
        )}
      </Checkbox>
      {repeat && (
        <>
          <div className="field">
            <label className="field-label" htmlFor="series-until">
              {s.until}
            </label>
            <input
              id="series-until"
              type="date"
              className="field-input field-date"
              min={addDays(day, 7)}
              value={until}
              onChange={(e) => {
                setUntil(e.target.value);
                setPreview(null);
              }}
            />
          </div>
          <Button variant="secondary" isDisabled={busy || !until} onPress={() => send('preview')}>
            {s.preview}
          </Button>
          {preview && (
            <div role="status">
              <p>{s.summary(free, preview.occurrences.length)}</p>
              <ul className="series-occurrences">
                {preview.occurrences.map((o) => (
                  <li key={o.start}>
                    <span aria-hidden="true">{o.ok ? '✓ ' : '✕ '}</span>
                    {`${formatShortDay(localDate(o.start, timeZone), locale)}, ${formatClock(o.start, locale, timeZone)} : `}
                    {o.ok ? s.free : s.conflict(o.problems.map((p) => p.message).join(' ; '))}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {/* The fields this refusal may concern (the organisation, the repetition) are not all in this box: say it here. */}
          <ProblemAlert error={error} listFieldMessages />
          {preview && free > 0 && (
            <Button isDisabled={busy} onPress={() => send('commit')}>
              {s.commit(free)}
            </Button>
          )}
        </>
      )}
    </fieldset>
  );
}
