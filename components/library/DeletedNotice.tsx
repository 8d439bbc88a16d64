import type { Labels } from '@/lib/reader/labels';

interface Props {
  labels: Labels;
  onUndo: () => void;
  onList: () => void;
}

/** A saved article's page after its entry was deleted: undo, or go back to the list. */
export function DeletedNotice({ labels, onUndo, onList }: Props) {
  return (
    <main class="qari-status" data-status="deleted">
      <p role="status">{labels.readerDeleted}</p>
      <div class="qari-status-actions">
        <button type="button" class="qari-button qari-button-primary" onClick={onUndo}>
          {labels.readerUndo}
        </button>
        <button type="button" class="qari-button" onClick={onList}>
          {labels.readerBackToList}
        </button>
      </div>
    </main>
  );
}
