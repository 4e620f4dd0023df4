import { type ReactNode, useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button, type ButtonVariant } from './button.tsx';

export type ConfirmDialogProps = {
  /** The button that opens the dialog. */
  trigger: string;
  /** The trigger's accessible name when its short text needs context (which row of a table); it must contain `trigger`. */
  triggerLabel?: string;
  triggerVariant?: ButtonVariant;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** False disables the confirm button (a word to type, a choice to make…). */
  canConfirm?: boolean;
  /** True (the default) for an action that loses something: the buttons say so by their colour. */
  danger?: boolean;
  /**
   * Closes the dialog before the action runs, so that the page may then move the focus (to an
   * error summary, a confirmation) without the dialog handing it back to its trigger afterwards.
   */
  closeFirst?: boolean;
  onConfirm: () => Promise<void> | void;
  isDisabled?: boolean;
};

/**
 * Asks before an irreversible action (deleting, submitting, withdrawing, deciding): a modal alert
 * dialog (focus trapped, Escape cancels, focus returns to the trigger). The action runs only on
 * the explicit confirm button.
 */
export function ConfirmDialog({
  trigger,
  triggerLabel,
  triggerVariant = 'secondary',
  title,
  children,
  confirmLabel,
  cancelLabel,
  canConfirm = true,
  danger = true,
  closeFirst = false,
  onConfirm,
  isDisabled,
}: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <Button variant={triggerVariant} className={danger ? 'btn-danger' : undefined} isDisabled={isDisabled} aria-label={triggerLabel}>
        {trigger}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            <Heading slot="title" className="dialog-title">
              {title}
            </Heading>
            {children}
            <div className="dialog-actions">
              <Button variant="secondary" onPress={() => setOpen(false)}>
                {cancelLabel}
              </Button>
              <Button
                variant="primary"
                className={danger ? 'btn-danger-solid' : undefined}
                isDisabled={!canConfirm || busy}
                onPress={async () => {
                  if (closeFirst) {
                    setOpen(false);
                    // After the dialog has handed the focus back, so that the action may move it.
                    setTimeout(() => void onConfirm(), 0);
                    return;
                  }
                  setBusy(true);
                  try {
                    await onConfirm();
                  } finally {
                    setBusy(false);
                    setOpen(false);
                  }
                }}
              >
                {confirmLabel}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
