import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { ApiError, apiRequest, fieldProblems } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, Link, SelectField, TextArea, TextField } from '../../ui/index.ts';
import { useSession } from '../identity/index.ts';
import { BookForField, chosenBooker, myself } from './book-for.tsx';
import { CommuneField } from './commune-field.tsx';
import {
  type BookerOrganization,
  type Booking,
  type CreateBookingRequest,
  defaultDurations,
  minutesBetween,
  placesPaths,
  type Resource,
  type Slot,
} from './places.api.ts';
import { formatClock, formatDay, formatDuration, localDate } from './places-time.ts';
import { isRefusal, RefusalAlert } from './refusal-alert.tsx';
import { SeriesOption } from './series-form.tsx';

/**
 * The ends a booking starting at `start` may have: the ends of the free slots that follow it
 * without a gap (with room for `units`), within the resource's shortest and longest durations.
 */
export function endOptions(slots: Slot[], start: string, units: number, resource: Resource): string[] {
  const min = resource.rules.minDurationMinutes ?? defaultDurations.minDurationMinutes;
  const max = resource.rules.maxDurationMinutes ?? defaultDurations.maxDurationMinutes;
  const ends: string[] = [];
  const i = slots.findIndex((s) => s.start === start);
  if (i < 0) return ends;
  let cursor = start;
  for (const s of slots.slice(i)) {
    if (s.state !== 'free' || s.free < units || Date.parse(s.start) !== Date.parse(cursor)) break;
    const minutes = minutesBetween(start, s.end);
    if (minutes > max) break;
    if (minutes >= min) ends.push(s.end);
    cursor = s.end;
  }
  return ends;
}

export type BookingFormProps = {
  slug: string;
  resource: Resource;
  timeZone: string;
  start: string;
  /** The ends offered (see `endOptions`) and the one chosen. */
  ends: string[];
  end: string | null;
  onEndChange: (end: string) => void;
  /** The units free during the start slot; more than one only for shared resources (desks). */
  maxUnits: number;
  /** The start slot is no longer free (someone booked it meanwhile). */
  taken: boolean;
  units: number;
  onUnitsChange: (units: number) => void;
  /** The organisations the signed-in person may book for; empty for visitors and people without affiliations. */
  organizations: BookerOrganization[];
  /** `count`: how many were booked at once, when the booking repeats every week. */
  onBooked: (booking: Booking, email: string | null, count?: number) => void;
  /** The slot was taken meanwhile (409): the grid must be read again. */
  onConflict: () => void;
  onClose: () => void;
};

/** Books the chosen slot: an end to choose, then a name and an e-mail for visitors, a confirmation for members. */
export function BookingForm(props: BookingFormProps) {
  const { slug, resource, timeZone, start, ends, end, onEndChange, maxUnits, taken, units, onUnitsChange, organizations, onBooked } = props;
  const { onConflict, onClose } = props;
  const { t, locale } = useI18n();
  const b = t.places.booking;
  const { session } = useSession();
  const location = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  const user = session?.user ?? null;
  const [guestName, setGuestName] = useState('');
  const [guestEmail, setGuestEmail] = useState('');
  const [commune, setCommune] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [repeating, setRepeating] = useState(false);
  // null until the person chooses: the preselection then follows the organisations once they are read.
  const [bookFor, setBookFor] = useState<string | null>(null);
  const booker = chosenBooker(bookFor, resource, organizations);
  const organizationId = user && booker !== myself ? booker : undefined;

  // Choosing a slot brings the form to the person: focus on its heading, read first.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new start is a trigger, not a value read.
  useEffect(() => {
    heading.current?.focus();
  }, [start]);

  const errors = fieldProblems(error);
  const own: Record<string, string> = { guestName: t.fieldErrors.required, guestEmail: t.fieldErrors.email };
  const refused = error instanceof ApiError && error.problem.code === 'booking_not_allowed';
  const fieldError = (field: string) => {
    // Refused as a visitor who gave no commune: the commune is the way in, so the message goes there.
    if (field === 'communeInsee' && refused && !user && !commune) return b.communeNeeded;
    const e = errors[field];
    if (!e) return undefined;
    return e.code.startsWith('booking_') ? e.message : (own[field] ?? e.message);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!end || busy) return;
    setBusy(true);
    setError(null);
    const body: CreateBookingRequest = { resourceId: resource.id, start, end };
    if (units > 1) body.units = units;
    if (!user) {
      body.guestName = guestName.trim();
      body.guestEmail = guestEmail.trim();
    }
    if (commune) body.communeInsee = commune;
    if (organizationId) body.organizationId = organizationId;
    if (note.trim()) body.note = note.trim();
    try {
      const booking = await apiRequest<Booking>(placesPaths.bookings(slug), { method: 'POST', body });
      onBooked(booking, user ? user.email : body.guestEmail || null);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.problem.code === 'booking_conflict') onConflict();
    } finally {
      setBusy(false);
    }
  };

  const day = formatDay(localDate(start, timeZone), locale);
  // Residents may get a dedicated access or price; members and staff already have theirs.
  const roles = session?.memberships.find((m) => m.slug === slug)?.roles ?? [];
  const residents = resource.access.includes('resident') && roles.length === 0;
  return (
    <section aria-labelledby="booking-form-title" className="form-section booking-form">
      <h3 id="booking-form-title" ref={heading} tabIndex={-1}>
        {b.heading}
      </h3>
      <form onSubmit={submit} noValidate>
        <dl className="detail-list">
          <div>
            <dt>{b.resource}</dt>
            <dd>{resource.name}</dd>
          </div>
          <div>
            <dt>{b.start}</dt>
            <dd aria-describedby={errors.start ? 'booking-start-error' : undefined}>{`${day}, ${formatClock(start, locale, timeZone)}`}</dd>
          </div>
        </dl>
        {errors.start && (
          <p id="booking-start-error" className="field-error">
            {fieldError('start')}
          </p>
        )}
        {ends.length === 0 ? (
          <p className="field-error">
            {taken ? b.taken : b.tooShort(formatDuration(resource.rules.minDurationMinutes ?? defaultDurations.minDurationMinutes, locale))}
          </p>
        ) : (
          <div className="form-grid">
            <SelectField
              label={b.end}
              value={end}
              onChange={onEndChange}
              description={b.endHint}
              errorMessage={fieldError('end')}
              options={ends.map((x) => ({
                id: x,
                label: `${formatClock(x, locale, timeZone)} (${formatDuration(minutesBetween(start, x), locale)})`,
              }))}
            />
            {resource.capacity > 1 && (
              <SelectField
                label={b.units}
                value={String(units)}
                onChange={(v) => onUnitsChange(Number(v))}
                errorMessage={fieldError('units')}
                options={Array.from({ length: Math.min(maxUnits, 50) }, (_, i) => ({ id: String(i + 1), label: String(i + 1) }))}
              />
            )}
          </div>
        )}
        {user && organizations.length > 0 ? (
          <BookForField
            resource={resource}
            organizations={organizations}
            userName={user.displayName}
            value={booker}
            onChange={setBookFor}
            errorMessage={fieldError('organizationId')}
          />
        ) : user ? (
          <p>{b.signedInAs(user.displayName)}</p>
        ) : (
          <>
            {!resource.access.includes('public') && (
              <p>
                {b.restricted(
                  resource.access
                    .filter((a) => a !== 'staff')
                    .map((a) => t.places.audiences[a] ?? a)
                    .join(', '),
                )}
              </p>
            )}
            <p className="field-hint">
              {b.visitorIntro} <Link href={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>{b.signIn}</Link>
            </p>
            <div className="form-grid">
              <TextField
                label={b.name}
                name="guestName"
                autoComplete="name"
                value={guestName}
                onChange={setGuestName}
                errorMessage={fieldError('guestName')}
                isRequired
              />
              <TextField
                label={b.email}
                name="guestEmail"
                type="email"
                autoComplete="email"
                value={guestEmail}
                onChange={setGuestEmail}
                description={b.emailHint}
                errorMessage={fieldError('guestEmail')}
                isRequired
              />
            </div>
          </>
        )}
        {residents && (
          <CommuneField
            slug={slug}
            label={resource.access.includes('public') || user ? b.commune : b.communeResident}
            description={b.communeHint}
            value={commune}
            onChange={setCommune}
            errorMessage={fieldError('communeInsee')}
          />
        )}
        <TextArea label={b.note} name="note" value={note} onChange={setNote} rows={2} errorMessage={fieldError('note')} />
        {user && end && (
          <SeriesOption
            slug={slug}
            resourceId={resource.id}
            timeZone={timeZone}
            start={start}
            end={end}
            units={units}
            note={note}
            organizationId={organizationId}
            onRepeatChange={setRepeating}
            onBooked={(booked) => booked[0] && onBooked(booked[0], user.email, booked.length)}
          />
        )}
        {isRefusal(error) ? (
          <RefusalAlert error={error} resource={resource} signedIn={!!user} commune={commune} />
        ) : (
          <ProblemAlert error={error} />
        )}
        <div className="actions-row">
          {!repeating && (
            <Button type="submit" isDisabled={!end || busy}>
              {user ? b.confirm : b.submit}
            </Button>
          )}
          <Button variant="quiet" onPress={onClose}>
            {b.change}
          </Button>
        </div>
      </form>
    </section>
  );
}
