import { useMemo, useState } from 'preact/hooks';
import { ReaderView } from '@/components/reader/ReaderView';
import { progressReporter, type ProgressSink } from '@/lib/library/saved-progress';
import type { SavedArticle } from '@/lib/library/load-saved-article';
import { statusPatch, type EntryActionId, type EntryStatus } from '@/lib/reader/entry-actions';
import type { OfflineImages } from '@/lib/library/offline-images';
import type { ReaderSettings } from '@/lib/reader/settings';
import type { HighlightClient } from '@/lib/highlights/client';

/** What the saved page's buttons do: messages to the background, the list's one writer. */
export interface SavedActions {
  /** Apply a status change; resolves to the entry's status as stored. */
  setStatus: (patch: Partial<EntryStatus>) => Promise<EntryStatus>;
  /** Delete the entry (the page then offers undo). */
  remove: () => void;
  openList: () => void;
  /** Tell the reader an action failed. */
  fail: () => void;
}

interface Props {
  saved: SavedArticle;
  sink: ProgressSink;
  actions: SavedActions;
  /** The stored reader settings, if already read (the first paint then uses them). */
  settings?: ReaderSettings;
  /** The article's photos kept offline. */
  images?: OfflineImages;
  /** Said under the header (photos that show online only). */
  notice?: string;
  highlights?: HighlightClient;
}

/** A saved article in its own tab: resumes where the reader stopped and keeps the position. */
export function SavedReader(props: Props) {
  const { saved, sink, actions, settings, images, notice } = props;
  const { article, entry } = saved;
  const [status, setStatus] = useState<EntryStatus>({
    read: entry.read,
    archived: entry.archived,
    favourite: entry.favourite,
  });
  const onProgress = useMemo(
    () => progressReporter({ progress: entry.progress, read: entry.read }, sink),
    [entry.id],
  );
  const onAction = (id: EntryActionId): void => {
    const patch = statusPatch(id);
    if (patch) void actions.setStatus(patch).then(setStatus, actions.fail);
    else if (id === 'delete') actions.remove();
    else if (id === 'back-to-list') actions.openList();
  };
  return (
    <ReaderView
      article={article}
      mode="saved"
      initialProgress={entry.progress}
      onProgress={onProgress}
      initialSettings={settings}
      entry={{ status, onAction }}
      imageSource={images?.source}
      notice={notice}
      highlights={props.highlights}
      savedAt={entry.savedAt}
    />
  );
}
