import { type FormEvent, useState } from 'react';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, SelectField, TextField } from '../../ui/index.ts';
import type { Place } from './places.api.ts';
import { addDays, todayIn, zonedInstant } from './places-time.ts';
import { type CreateQualificationRequest, type CreateTrainingRequest, type Qualification, trainingsPaths } from './trainings.api.ts';

/** A native input with its label and error, tied together for assistive technologies. */
function NativeField(props: {
  id: string;
  label: string;
  type: 'date' | 'time' | 'number';
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
}) {
  const { id, label, type, value, onChange, error, hint, required = true } = props;
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        min={type === 'number' ? 1 : undefined}
        className="field-input field-date"
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Creates a qualification, valid for a number of months or for good. */
export function QualificationForm({ slug, onCreated }: { slug: string; onCreated: (q: Qualification) => void }) {
  const { t } = useI18n();
  const m = t.places.trainingsManage;
  const [name, setName] = useState('');
  const [months, setMonths] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = fieldProblems(error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    setBusy(true);
    const body: CreateQualificationRequest = { name: name.trim(), validityMonths: months.trim() ? Number(months) : null };
    try {
      const q = await apiRequest<Qualification>(trainingsPaths.qualifications(slug), { method: 'POST', body });
      setDone(true);
      setName('');
      setMonths('');
      onCreated(q);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="qualification-form" className="form-section">
      <h2 id="qualification-form">{m.newQualification}</h2>
      <form onSubmit={submit} noValidate>
        <TextField label={m.name} name="name" value={name} onChange={setName} errorMessage={errors.name?.message} isRequired />
        <NativeField
          id="qualification-months"
          label={m.validityMonths}
          type="number"
          value={months}
          onChange={setMonths}
          hint={m.validityHint}
          error={errors.validityMonths?.message}
          required={false}
        />
        <div role="status">{done && <Alert tone="success" announce={false} title={m.qualificationCreated} />}</div>
        <ProblemAlert error={error} />
        <Button type="submit" isDisabled={busy}>
          {m.createQualification}
        </Button>
      </form>
    </section>
  );
}

export type TrainingFormProps = {
  slug: string;
  timeZone: string;
  qualifications: Qualification[];
  places: Place[];
  onCreated: () => void;
};

const noPlace = '__none';

/** Plans a training session in the territory's local time. */
export function TrainingForm({ slug, timeZone, qualifications, places, onCreated }: TrainingFormProps) {
  const { t } = useI18n();
  const m = t.places.trainingsManage;
  const [qualificationId, setQualificationId] = useState<string | null>(null);
  const [placeId, setPlaceId] = useState<string>(noPlace);
  const [date, setDate] = useState(() => addDays(todayIn(timeZone), 7));
  const [from, setFrom] = useState('14:00');
  const [to, setTo] = useState('17:00');
  const [seats, setSeats] = useState('8');
  const [trainer, setTrainer] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = fieldProblems(error);
  // An empty choice comes back as an invalid identifier: say it is required instead.
  const qualificationError = errors.qualificationId
    ? errors.qualificationId.code === 'unknown'
      ? errors.qualificationId.message
      : t.fieldErrors.required
    : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    setBusy(true);
    const body: CreateTrainingRequest = {
      qualificationId: qualificationId ?? '',
      placeId: placeId === noPlace ? null : placeId,
      start: zonedInstant(date, from, timeZone).toISOString(),
      end: zonedInstant(date, to, timeZone).toISOString(),
      seats: Number(seats) || 0,
      trainer: trainer.trim() || null,
    };
    try {
      await apiRequest(trainingsPaths.trainings(slug), { method: 'POST', body });
      setDone(true);
      onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="training-form" className="form-section">
      <h2 id="training-form">{m.newTraining}</h2>
      <p>{m.localTimes(timeZone)}</p>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <SelectField
            label={m.qualification}
            value={qualificationId}
            onChange={setQualificationId}
            placeholder={m.chooseQualification}
            options={qualifications.map((q) => ({ id: q.id, label: q.name }))}
            errorMessage={qualificationError}
            isRequired
          />
          <SelectField
            label={m.place}
            value={placeId}
            onChange={(v) => setPlaceId(v ?? noPlace)}
            options={[{ id: noPlace, label: m.noPlace }, ...places.map((p) => ({ id: p.id, label: p.name }))]}
            errorMessage={errors.placeId?.message}
          />
        </div>
        <div className="form-grid">
          <NativeField id="training-date" label={m.date} type="date" value={date} onChange={setDate} error={errors.start?.message} />
          <NativeField id="training-start" label={m.from} type="time" value={from} onChange={setFrom} />
          <NativeField id="training-end" label={m.to} type="time" value={to} onChange={setTo} error={errors.end?.message} />
          <NativeField id="training-seats" label={m.seats} type="number" value={seats} onChange={setSeats} error={errors.seats?.message} />
        </div>
        <TextField label={m.trainer} name="trainer" value={trainer} onChange={setTrainer} errorMessage={errors.trainer?.message} />
        <div role="status">{done && <Alert tone="success" announce={false} title={m.trainingCreated} />}</div>
        <ProblemAlert error={error} />
        <Button type="submit" isDisabled={busy}>
          {m.createTraining}
        </Button>
      </form>
    </section>
  );
}
