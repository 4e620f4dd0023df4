import { type FormEvent, useState } from 'react';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, SelectField, TextField } from '../../ui/index.ts';
import { type Booking, type CreateBlockingRequest, type Place, placesPaths } from './places.api.ts';
import { todayIn, zonedInstant } from './places-time.ts';

/** A native date or time input with its label and error, tied together for assistive technologies. */
function NativeField(props: {
  id: string;
  label: string;
  type: 'date' | 'time';
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { id, label, type, value, onChange, error } = props;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        className="field-input field-date"
        value={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export type BlockingFormProps = { slug: string; places: Place[]; timeZone: string; onBlocked: (blocking: Booking) => void };

/** Blocks a resource for maintenance or an event, in the territory's local time; refused when bookings are in the way. */
export function BlockingForm({ slug, places, timeZone, onBlocked }: BlockingFormProps) {
  const { t } = useI18n();
  const k = t.places.block;
  const [resourceId, setResourceId] = useState<string | null>(null);
  const [date, setDate] = useState(() => todayIn(timeZone));
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('12:00');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = fieldProblems(error);
  const message = (field: string) => {
    const e = errors[field];
    if (!e) return undefined;
    if (field === 'resourceId' || field === 'reason') return t.fieldErrors.required;
    return e.message;
  };
  const options = places.flatMap((p) => p.resources.map((r) => ({ id: r.id, label: `${p.name} · ${r.name}` })));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    setBusy(true);
    const body: CreateBlockingRequest = {
      resourceId: resourceId ?? '',
      start: zonedInstant(date, from, timeZone).toISOString(),
      end: zonedInstant(date, to, timeZone).toISOString(),
      reason: reason.trim(),
    };
    try {
      const blocking = await apiRequest<Booking>(placesPaths.blockings(slug), { method: 'POST', body });
      setDone(true);
      setReason('');
      onBlocked(blocking);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="blocking-form" className="form-section">
      <h2 id="blocking-form">{k.heading}</h2>
      <p>{k.intro(timeZone)}</p>
      <form onSubmit={submit} noValidate>
        <SelectField
          label={k.resource}
          value={resourceId}
          onChange={setResourceId}
          placeholder={k.chooseResource}
          options={options}
          errorMessage={message('resourceId')}
          isRequired
        />
        <div className="form-grid">
          <NativeField id="blocking-date" label={k.date} type="date" value={date} onChange={setDate} />
          <NativeField id="blocking-start" label={k.from} type="time" value={from} onChange={setFrom} error={message('start')} />
          <NativeField id="blocking-end" label={k.to} type="time" value={to} onChange={setTo} error={message('end')} />
        </div>
        <TextField label={k.reason} name="reason" value={reason} onChange={setReason} errorMessage={message('reason')} isRequired />
        <div role="status">{done && <Alert tone="success" announce={false} title={k.done} />}</div>
        <ProblemAlert error={error} />
        <Button type="submit" isDisabled={busy}>
          {k.submit}
        </Button>
      </form>
    </section>
  );
}
