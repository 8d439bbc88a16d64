/**
 * What the saved-article page does with the reading position the reader view reports (already
 * rate-limited by the view): store it, and mark the article read once the reader has finished.
 */

/** A reader who got this far has read the article (the rest is usually sign-off and links). */
export const READ_AT = 0.95;
// Positions closer than this to the stored one are not worth a write.
const MIN_STEP = 0.005;

export interface ProgressSink {
  setProgress: (fraction: number) => void;
  markRead: () => void;
}

export interface ProgressState {
  progress: number;
  read: boolean;
}

/** A reporter for the reader view's `onProgress`, starting from the stored entry's state. */
export function progressReporter(
  start: ProgressState,
  sink: ProgressSink,
): (fraction: number) => void {
  let stored = start.progress;
  let read = start.read;
  return (fraction) => {
    if (!Number.isFinite(fraction)) return;
    const f = Math.min(1, Math.max(0, fraction));
    if (Math.abs(f - stored) >= MIN_STEP || (f === 1 && stored !== 1)) {
      stored = f;
      sink.setProgress(f);
    }
    if (!read && f >= READ_AT) {
      read = true;
      sink.markRead();
    }
  };
}

/** The saved entry id named by the page address (`?id=`), or null when it is not one. */
export function parseSavedId(raw: string | null): number | null {
  if (raw === null || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}
