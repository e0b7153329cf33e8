import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog on the native <dialog> element: focus is trapped, Escape closes it and the rest
 * of the page is inert, which is what the keyboard-driven review needs.
 */
export function Dialog({ open, title, onClose, children, wide }: { open: boolean; title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 className="dialog-title">{title}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}

/**
 * A dialog's buttons: cancel, then its action. Without `onConfirm` the action submits the dialog's
 * form, so Enter in a field does the same as the button.
 */
export function DialogActions({ onCancel, confirm, onConfirm, danger, disabled }: { onCancel: () => void; confirm: string; onConfirm?: () => void; danger?: boolean; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type={onConfirm ? 'button' : 'submit'} className={danger ? 'danger' : 'primary'} disabled={disabled} onClick={onConfirm}>
        {confirm}
      </button>
    </div>
  );
}
