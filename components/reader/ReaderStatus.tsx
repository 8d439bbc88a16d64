import type { Labels } from '@/lib/reader/labels';

interface Props {
  kind: 'loading' | 'error' | 'missing';
  labels: Labels;
  onClose?: () => void;
}

const MESSAGE: Record<Props['kind'], keyof Labels> = {
  loading: 'readerLoading',
  error: 'readerError',
  missing: 'readerMissing',
};

/** What the reader page shows before (or instead of) an article. */
export function ReaderStatus({ kind, labels, onClose }: Props) {
  return (
    <main class="qari-status" aria-busy={kind === 'loading'}>
      <p role={kind === 'loading' ? 'status' : 'alert'}>{labels[MESSAGE[kind]]}</p>
      {onClose && kind !== 'loading' && (
        <button type="button" class="qari-button" onClick={onClose}>
          {labels.readerClose}
        </button>
      )}
    </main>
  );
}
