import { type FormEvent, useState } from 'react';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, ConfirmDialog, SelectField, TextArea, TextField } from '../../ui/index.ts';
import { NativeField } from './native-field.tsx';
import { programmesPaths } from './programmes.api.ts';

type FormProps = { slug: string; enrolmentId: string; today: string; onSaved: () => void };

/** Runs a write, keeping its error for the form and telling it when it is done. */
function useWrite(onSaved: () => void) {
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (write: () => Promise<unknown>) => {
    setError(null);
    setDone(false);
    setBusy(true);
    try {
      await write();
      setDone(true);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { error, done, busy, run, errors: fieldProblems(error) };
}

/** Logs a mentoring session: date, minutes, topic and notes. */
export function SessionForm({ slug, enrolmentId, today, onSaved }: FormProps) {
  const { t } = useI18n();
  const m = t.programmes.enrolment;
  const [heldOn, setHeldOn] = useState(today);
  const [minutes, setMinutes] = useState('60');
  const [topic, setTopic] = useState('');
  const [notes, setNotes] = useState('');
  const w = useWrite(onSaved);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { heldOn, durationMinutes: Number(minutes), topic: topic.trim(), notes: notes.trim() || null };
    void w.run(async () => {
      await apiRequest(programmesPaths.sessions(slug, enrolmentId), { method: 'POST', body });
      setTopic('');
      setNotes('');
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="session-form">
      <h3 id="session-form">{m.logSession}</h3>
      <NativeField id="session-date" label={m.heldOn} type="date" value={heldOn} onChange={setHeldOn} error={w.errors.heldOn?.message} />
      <NativeField
        id="session-minutes"
        label={m.minutes}
        type="number"
        value={minutes}
        onChange={setMinutes}
        error={w.errors.durationMinutes?.message}
      />
      <TextField label={m.topic} name="topic" value={topic} onChange={setTopic} errorMessage={w.errors.topic?.message} isRequired />
      <TextArea label={m.notes} name="notes" value={notes} onChange={setNotes} />
      <div role="status">{w.done && <Alert tone="success" announce={false} title={m.saved} />}</div>
      <ProblemAlert error={w.error} />
      <Button type="submit" isDisabled={w.busy}>
        {m.save}
      </Button>
    </form>
  );
}

/** Adds a milestone with its due date. */
export function MilestoneForm({ slug, enrolmentId, today, onSaved }: FormProps) {
  const { t } = useI18n();
  const m = t.programmes.enrolment;
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(today);
  const w = useWrite(onSaved);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void w.run(async () => {
      await apiRequest(programmesPaths.milestones(slug, enrolmentId), { method: 'POST', body: { title: title.trim(), dueOn } });
      setTitle('');
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="milestone-form">
      <h3 id="milestone-form">{m.addMilestone}</h3>
      <TextField label={m.title} name="title" value={title} onChange={setTitle} errorMessage={w.errors.title?.message} isRequired />
      <NativeField id="milestone-due" label={m.dueOn} type="date" value={dueOn} onChange={setDueOn} error={w.errors.dueOn?.message} />
      <div role="status">{w.done && <Alert tone="success" announce={false} title={m.saved} />}</div>
      <ProblemAlert error={w.error} />
      <Button type="submit" isDisabled={w.busy}>
        {m.addMilestone}
      </Button>
    </form>
  );
}

/** Ends the enrolment after confirmation, with a reason: the company becomes an alumnus. */
export function ExitDialog({ slug, enrolmentId, onSaved }: Omit<FormProps, 'today'>) {
  const { t } = useI18n();
  const m = t.programmes.enrolment;
  const [reason, setReason] = useState('completed');
  const w = useWrite(onSaved);
  const reasons = Object.entries(t.programmes.reasons).map(([id, label]) => ({ id, label }));
  return (
    <>
      <ConfirmDialog
        trigger={m.exit}
        title={m.exitTitle}
        confirmLabel={m.confirmExit}
        cancelLabel={m.cancel}
        onConfirm={() => w.run(() => apiRequest(programmesPaths.exit(slug, enrolmentId), { method: 'POST', body: { reason } }))}
      >
        <p>{m.exitBody}</p>
        <SelectField label={m.exitReason} options={reasons} value={reason} onChange={setReason} />
      </ConfirmDialog>
      <ProblemAlert error={w.error} />
    </>
  );
}
