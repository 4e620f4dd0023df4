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
  onConfirm: () => Promise<void> | void;
  isDisabled?: boolean;
};

/**
 * Asks before an irreversible action: a modal alert dialog (focus trapped, Escape cancels, focus
 * returns to the trigger). The action runs only on the explicit confirm button.
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
  onConfirm,
  isDisabled,
}: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <Button variant={triggerVariant} className="btn-danger" isDisabled={isDisabled} aria-label={triggerLabel}>
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
                className="btn-danger-solid"
                isDisabled={!canConfirm || busy}
                onPress={async () => {
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
