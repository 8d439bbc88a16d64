import { label } from '@/lib/popup/labels';
import { PopupIcon } from './icons';

export interface PageStatus {
  busy: boolean;
  text: string | null;
  error: boolean;
  /** A way forward from the message, such as saving a page that does not look like an article. */
  action?: { label: string; run: () => void };
}

interface Props {
  status: PageStatus;
  onReader: () => void;
  onSave: () => void;
}

/** What the popup does with the current tab: reader mode, save. */
export function PageActions({ status, onReader, onSave }: Props) {
  return (
    <section class="qari-page-actions">
      <div class="qari-page-buttons">
        <button type="button" class="qari-primary" onClick={onReader}>
          <PopupIcon name="reader" />
          <span>{label('popupReader')}</span>
        </button>
        <button
          type="button"
          class="qari-secondary"
          onClick={onSave}
          disabled={status.busy}
          aria-busy={status.busy}
        >
          <PopupIcon name="save" />
          <span>{status.busy ? label('popupSaving') : label('popupSave')}</span>
        </button>
      </div>
      <p
        class={status.error ? 'qari-page-status qari-error' : 'qari-page-status'}
        role={status.error ? 'alert' : 'status'}
      >
        {status.text}
        {status.action && (
          <button type="button" class="qari-link qari-status-action" onClick={status.action.run}>
            {status.action.label}
          </button>
        )}
      </p>
    </section>
  );
}
