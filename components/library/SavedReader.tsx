import { useMemo } from 'preact/hooks';
import { ReaderView } from '@/components/reader/ReaderView';
import { progressReporter, type ProgressSink } from '@/lib/library/saved-progress';
import type { SavedArticle } from '@/lib/library/load-saved-article';
import type { OfflineImages } from '@/lib/library/offline-images';
import type { ReaderSettings } from '@/lib/reader/settings';

interface Props {
  saved: SavedArticle;
  sink: ProgressSink;
  /** The stored reader settings, if already read (the first paint then uses them). */
  settings?: ReaderSettings;
  /** The article's photos kept offline. */
  images?: OfflineImages;
  /** Said under the header (photos that show online only). */
  notice?: string;
}

/** A saved article in its own tab: resumes where the reader stopped and keeps the position. */
export function SavedReader({ saved, sink, settings, images, notice }: Props) {
  const { article, entry } = saved;
  const onProgress = useMemo(
    () => progressReporter({ progress: entry.progress, read: entry.read }, sink),
    [entry.id],
  );
  return (
    <ReaderView
      article={article}
      mode="saved"
      initialProgress={entry.progress}
      onProgress={onProgress}
      initialSettings={settings}
      imageSource={images?.source}
      notice={notice}
    />
  );
}
