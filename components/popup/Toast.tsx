import { useEffect } from 'preact/hooks';

export interface ToastState {
  text: string;
  /** Label of the toast's one action (تراجع), if it has one. */
  actionLabel?: string;
  onAction?: () => void;
  /** Errors are announced at once (alert); confirmations politely (status). */
  error?: boolean;
}

interface Props {
  toast: ToastState | null;
  onDismiss: () => void;
  /** How long a toast stays; an undo must stay long enough to be reached by keyboard. */
  timeoutMs?: number;
}

const TIMEOUT_MS = 8000;

/** A short message at the bottom of the popup, with an optional action such as undo. */
export function Toast({ toast, onDismiss, timeoutMs = TIMEOUT_MS }: Props) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, timeoutMs);
    return () => clearTimeout(timer);
  }, [toast, timeoutMs]);

  return (
    <div
      class="qari-toast-region"
      role={toast?.error ? 'alert' : 'status'}
      aria-live={toast?.error ? 'assertive' : 'polite'}
    >
      {toast && (
        <div class={toast.error ? 'qari-toast qari-toast-error' : 'qari-toast'}>
          <span>{toast.text}</span>
          {toast.actionLabel && toast.onAction && (
            <button type="button" class="qari-toast-action" onClick={toast.onAction}>
              {toast.actionLabel}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
