import { type ReactNode, useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button, type ButtonVariant } from '../../ui/index.ts';

export type ConfirmActionProps = {
  trigger: string;
  triggerVariant?: ButtonVariant;
  /** True for an action that loses something (withdraw): the buttons say so by their colour. */
  danger?: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => Promise<void> | void;
  isDisabled?: boolean;
};

/**
 * Asks before an action that cannot be undone by the person (submitting, withdrawing, deciding):
 * a modal alert dialog (focus trapped, Escape cancels). The dialog closes before the action runs,
 * so that the page may then move the focus (to an error summary, a confirmation) without the
 * dialog handing it back to its trigger afterwards.
 */
export function ConfirmAction({
  trigger,
  triggerVariant = 'primary',
  danger,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  isDisabled,
}: ConfirmActionProps) {
  const [open, setOpen] = useState(false);
  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <Button variant={triggerVariant} className={danger ? 'btn-danger' : undefined} isDisabled={isDisabled}>
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
                onPress={() => {
                  setOpen(false);
                  // After the dialog has handed the focus back, so that the action may move it.
                  setTimeout(() => void onConfirm(), 0);
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
