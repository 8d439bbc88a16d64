import type { Labels } from '@/lib/reader/labels';

interface Props {
  kind: 'loading' | 'error' | 'missing' | 'not-article';
  labels: Labels;
  onClose?: () => void;
  /** Show what extraction found all the same (a page the detector did not take for an article). */
  onShowAnyway?: () => void;
}

const MESSAGE: Record<Props['kind'], keyof Labels> = {
  loading: 'readerLoading',
  error: 'readerError',
  missing: 'readerMissing',
  'not-article': 'readerNotArticle',
};

/** What the reader page shows before (or instead of) an article. */
export function ReaderStatus({ kind, labels, onClose, onShowAnyway }: Props) {
  return (
    <main class="qari-status" aria-busy={kind === 'loading'} data-status={kind}>
      <p role={kind === 'loading' ? 'status' : 'alert'}>{labels[MESSAGE[kind]]}</p>
      {kind !== 'loading' && (onShowAnyway || onClose) && (
        <div class="qari-status-actions">
          {onShowAnyway && (
            <button type="button" class="qari-button" onClick={onShowAnyway}>
              {labels.readerShowAnyway}
            </button>
          )}
          {onClose && (
            <button type="button" class="qari-button" onClick={onClose}>
              {labels.readerClose}
            </button>
          )}
        </div>
      )}
    </main>
  );
}
