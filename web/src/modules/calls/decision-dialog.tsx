import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { apiRequest, fieldProblems } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { Button, RadioGroup, TextArea } from '../../ui/index.ts';
import { type Application, callsPaths, decisionKinds } from './calls.api.ts';

/**
 * The decision on one application, asked in a dialog: selected, waitlisted or rejected, with the
 * reason the applicant receives by e-mail. Nothing is sent before the explicit confirmation.
 */
export function DecisionDialog({
  applicationId,
  organizationName,
  slug,
  onDecided,
}: {
  applicationId: string;
  organizationName: string;
  slug: string;
  onDecided: (a: Application) => void;
}) {
  const { t } = useI18n();
  const d = t.calls.pipeline.decision;
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldProblems(error);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const decided = await apiRequest<Application>(callsPaths.decision(slug, applicationId), {
        method: 'POST',
        body: { decision, reason },
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
              <Button onPress={send} isDisabled={busy || !decision || !reason.trim()}>
                {d.confirm}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
