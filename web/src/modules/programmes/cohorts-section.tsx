import { type FormEvent, useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ApiError, apiRequest, type FieldProblem, fieldProblems } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Alert, Button, type Column, DataTable, LiveRegion, TextField } from '../../ui/index.ts';
import { NativeField } from './native-field.tsx';
import { countOf, fieldMessage, localDay, type Programme, programmesPaths } from './programmes.api.ts';

type Cohort = Programme['cohorts'][number];
type CohortDraft = { name: string; startsOn: string; endsOn: string; cap: string };

const emptyCohort: CohortDraft = { name: '', startsOn: '', endsOn: '', cap: '' };
const draftOf = (c: Cohort): CohortDraft => ({
  name: c.name,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  cap: c.cap === null ? '' : String(c.cap),
});
const bodyOf = (d: CohortDraft) => ({ name: d.name, startsOn: d.startsOn, endsOn: d.endsOn, cap: countOf(d.cap) });

type FormProps = {
  /** Prefix of the fields' ids: the add form and an edit dialog may be on the page together. */
  idPrefix: string;
  initial: CohortDraft;
  /** Companies already active in the cohort, for the message of a cap set below them. */
  active: number;
  submitLabel: string;
  send: (body: ReturnType<typeof bodyOf>) => Promise<Programme>;
  onDone: (saved: Programme, name: string) => void;
  onCancel?: () => void;
  /** The id of the heading that names the form, when it is not in a dialog. */
  labelledBy?: string;
};

/** A cohort's name, dates and cap; the server checks them and its refusals are shown at the fields. */
function CohortForm({ idPrefix, initial, active, submitLabel, send, onDone, onCancel, labelledBy }: FormProps) {
  const { t } = useI18n();
  const c = t.programmes.cohorts;
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors: Record<string, FieldProblem> = fieldProblems(error);
  if (error instanceof ApiError && error.problem.code === 'programme_full')
    errors.cap = { path: 'body.cap', code: 'programme_full', message: c.capBelowActive(active) };
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await send(bodyOf(draft));
      onDone(saved, draft.name.trim());
      setDraft(initial);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate onSubmit={(ev) => void submit(ev)} className="cohort-form" aria-labelledby={labelledBy}>
      <ProblemAlert error={error} />
      <TextField
        label={c.name}
        name={`${idPrefix}-name`}
        value={draft.name}
        onChange={(name) => setDraft({ ...draft, name })}
        isRequired
        errorMessage={fieldMessage(errors.name, c.nameRule)}
      />
      <div className="form-grid">
        <NativeField
          id={`${idPrefix}-starts`}
          label={c.startsOn}
          type="date"
          value={draft.startsOn}
          onChange={(startsOn) => setDraft({ ...draft, startsOn })}
          error={fieldMessage(errors.startsOn, c.startRule)}
        />
        <NativeField
          id={`${idPrefix}-ends`}
          label={c.endsOn}
          type="date"
          value={draft.endsOn}
          onChange={(endsOn) => setDraft({ ...draft, endsOn })}
          error={fieldMessage(errors.endsOn, c.endRule)}
        />
      </div>
      <TextField
        label={c.cap}
        name={`${idPrefix}-cap`}
        inputMode="numeric"
        value={draft.cap}
        onChange={(cap) => setDraft({ ...draft, cap })}
        description={c.capHint}
        errorMessage={fieldMessage(errors.cap, c.capRule)}
      />
      <div className="actions-row">
        <Button type="submit" variant={onCancel ? 'primary' : 'secondary'} isDisabled={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onPress={onCancel}>
            {c.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}

/** Edits one cohort in a dialog (focus kept inside, Escape closes, the focus goes back to its button). */
function EditCohort({ slug, cohort, onSaved }: { slug: string; cohort: Cohort; onSaved: (p: Programme, name: string) => void }) {
  const { t } = useI18n();
  const c = t.programmes.cohorts;
  const [open, setOpen] = useState(false);
  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <Button variant="secondary" aria-label={c.editLabel(cohort.name)}>
        {c.edit}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal modal-scroll">
          <Dialog className="dialog">
            <Heading slot="title" className="dialog-title">
              {c.editLabel(cohort.name)}
            </Heading>
            <CohortForm
              idPrefix={`cohort-${cohort.id}`}
              initial={draftOf(cohort)}
              active={cohort.active}
              submitLabel={c.save}
              send={(body) => apiRequest<Programme>(programmesPaths.cohort(slug, cohort.id), { method: 'PATCH', body })}
              onDone={(saved, name) => {
                setOpen(false);
                onSaved(saved, name);
              }}
              onCancel={() => setOpen(false)}
            />
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

type SectionProps = { slug: string; programme: Programme; onChange: (p: Programme) => void };

/** A programme's cohorts: the list with dates, caps and companies accompanied, adding one and editing one. */
export function CohortsSection({ slug, programme, onChange }: SectionProps) {
  const { t, locale } = useI18n();
  const c = t.programmes.cohorts;
  const [done, setDone] = useState<string | null>(null);
  const columns: Column<Cohort>[] = [
    { id: 'name', header: c.name, isRowHeader: true, cell: (x) => x.name },
    { id: 'dates', header: c.dates, cell: (x) => c.period(localDay(x.startsOn, locale), localDay(x.endsOn, locale)) },
    { id: 'cap', header: c.capHeader, cell: (x) => (x.cap === null ? c.noCap : String(x.cap)) },
    { id: 'active', header: c.active, cell: (x) => String(x.active) },
    {
      id: 'actions',
      header: c.actions,
      cell: (x) => (
        <EditCohort
          slug={slug}
          cohort={x}
          onSaved={(saved, name) => {
            setDone(c.saved(name));
            onChange(saved);
          }}
        />
      ),
    },
  ];
  return (
    <section aria-labelledby="cohorts-heading" className="panel">
      <h2 id="cohorts-heading">{c.heading}</h2>
      {programme.entry === 'continuous' ? (
        <p className="muted">{c.continuous}</p>
      ) : (
        <>
          <p className="muted">{c.intro}</p>
          <LiveRegion>{done && <Alert tone="success" announce={false} title={done} />}</LiveRegion>
          {programme.cohorts.length === 0 ? (
            <p className="empty">{c.empty}</p>
          ) : (
            <DataTable caption={c.caption} columns={columns} rows={programme.cohorts} rowKey={(x) => x.id} />
          )}
          <h3 id="cohort-add-heading">{c.addHeading}</h3>
          <CohortForm
            idPrefix="new-cohort"
            labelledBy="cohort-add-heading"
            initial={emptyCohort}
            active={0}
            submitLabel={c.add}
            send={(body) => apiRequest<Programme>(programmesPaths.cohorts(slug, programme.id), { method: 'POST', body })}
            onDone={(saved, name) => {
              setDone(c.added(name));
              onChange(saved);
            }}
          />
        </>
      )}
    </section>
  );
}
