import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { TDecisionResult } from '../../../../src/modules/calls/applications.contract.ts';
import type { TProgramme } from '../../../../src/modules/programmes/programmes.contract.ts';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, RadioGroup, SelectField, TextArea } from '../../ui/index.ts';
import { callsPaths, decisionKinds, pick } from './calls.api.ts';

type Cohort = TProgramme['cohorts'][number];

/** The cohort offered first: the next one to start, else the last one still running. */
function defaultCohort(cohorts: Cohort[], today: string): string | null {
  const open = cohorts.filter((c) => c.endsOn >= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return (open.find((c) => c.startsOn >= today) ?? open.at(-1))?.id ?? null;
}

/**
 * The decision on one application, asked in a dialog: selected, waitlisted or rejected, with the
 * reason the applicant receives by e-mail. Selecting for a programme entered by cohorts asks for
 * the cohort. Nothing is sent before the explicit confirmation.
 */
export function DecisionDialog({
  applicationId,
  organizationName,
  programmeId,
  slug,
  onDecided,
}: {
  applicationId: string;
  organizationName: string;
  /** The programme the call leads to, if any. */
  programmeId: string | null;
  slug: string;
  onDecided: (a: TDecisionResult) => void;
}) {
  const { t, locale } = useI18n();
  const d = t.calls.pipeline.decision;
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const programme = useApi<TProgramme>(open && programmeId ? callsPaths.programme(slug, programmeId) : null);
  const byCohort = programme.status === 'ok' && programme.data.entry === 'cohorts' ? programme.data : null;
  const [cohortId, setCohortId] = useState<string | null>(null);
  // The browser's calendar day, as YYYY-MM-DD.
  const today = new Date().toLocaleDateString('en-CA');
  const cohort = cohortId ?? (byCohort ? defaultCohort(byCohort.cohorts, today) : null);
  const askCohort = decision === 'selected' && byCohort !== null;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldProblems(error);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const decided = await apiRequest<TDecisionResult>(callsPaths.decision(slug, applicationId), {
        method: 'POST',
        body: { decision, reason, ...(askCohort && cohort ? { cohortId: cohort } : {}) },
      });
      setOpen(false);
      onDecided(decided);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <Button variant="secondary" aria-label={d.triggerFor(organizationName)}>
        {d.trigger}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            <Heading slot="title" className="dialog-title">
              {d.title(organizationName)}
            </Heading>
            <ProblemAlert error={Object.keys(fields).length ? null : error} />
            <RadioGroup
              label={d.decision}
              value={decision}
              onChange={setDecision}
              options={decisionKinds.map((k) => ({ id: k, label: t.calls.statuses[k] ?? k }))}
            />
            {fields.decision && <p className="field-error">{fields.decision.message}</p>}
            {fields.cohortId && !askCohort && <p className="field-error">{fields.cohortId.message}</p>}
            {askCohort &&
              (byCohort.cohorts.length === 0 ? (
                <p className="field-error">{d.noCohort(pick(locale, byCohort.nameFr, byCohort.nameEn))}</p>
              ) : (
                <SelectField
                  label={d.cohort}
                  description={d.cohortHint(pick(locale, byCohort.nameFr, byCohort.nameEn))}
                  value={cohort}
                  onChange={setCohortId}
                  isRequired
                  errorMessage={fields.cohortId?.message}
                  options={byCohort.cohorts.map((c) => ({
                    id: c.id,
                    label: d.cohortOption(c.name, formatDate(c.startsOn, locale, 'UTC'), formatDate(c.endsOn, locale, 'UTC')),
                  }))}
                />
              ))}
            <TextArea
              label={d.reason}
              name="reason"
              value={reason}
              onChange={setReason}
              rows={4}
              description={d.reasonHint}
              isRequired
              errorMessage={fields.reason?.message}
            />
            <div className="dialog-actions">
              <Button variant="secondary" onPress={() => setOpen(false)}>
                {t.calls.cancel}
              </Button>
              <Button onPress={send} isDisabled={busy || !decision || !reason.trim() || (askCohort && !cohort)}>
                {d.confirm}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
