import './save-notice.css';
import { useEffect } from 'preact/hooks';
import { uiLang } from '@/lib/i18n';

export interface SaveNoticeState {
  text: string;
  error: boolean;
  /** Offered after a successful save: the saved copy's page. */
  openHref?: string;
  openLabel?: string;
}

const TIMEOUT_MS = 6000;

/** The outcome of "save for later" in the reader, shown briefly over the page. */
export function SaveNotice({ notice, onDone }: { notice: SaveNoticeState; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const ui = uiLang();
  return (
    // The UI language's direction, whatever the article's: an English sentence ends on the right.
    <div
      lang={ui}
      dir={ui === 'ar' ? 'rtl' : 'ltr'}
      class={notice.error ? 'qari-save-notice qari-save-error' : 'qari-save-notice'}
      role={notice.error ? 'alert' : 'status'}
    >
      <span>{notice.text}</span>
      {notice.openHref && notice.openLabel && (
        <a href={notice.openHref} target="_blank" rel="noopener">
          {notice.openLabel}
        </a>
      )}
    </div>
  );
}
