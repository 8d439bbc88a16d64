import { useState } from 'preact/hooks';
import {
  highlightsJson,
  libraryMarkdown,
  type HighlightedArticle,
} from '@/lib/highlights/markdown';
import { t, type UiLang } from '@/lib/i18n';
import { count } from '@/lib/popup/format';
import { StatusLine, type Status } from '@/components/popup/StatusLine';

const MARKDOWN_TYPE = 'text/markdown;charset=utf-8';
const JSON_TYPE = 'application/json';

export interface HighlightsExportEnv {
  /** Every article with highlights (`lib/store/highlights.ts`). */
  articles: () => Promise<HighlightedArticle[]>;
  download: (fileName: string, text: string, type: string) => void;
}

type Format = 'md' | 'json';

export function highlightsFileName(format: Format, now = new Date()): string {
  return `qari-highlights-all-${now.toISOString().slice(0, 10)}.${format}`;
}

function fileText(format: Format, articles: readonly HighlightedArticle[]): string {
  if (format === 'json') return highlightsJson(articles);
  return libraryMarkdown(articles, { note: t('readerHlMdNote'), saved: t('readerHlMdSaved') });
}

/** Every article's highlights and notes taken out as one Markdown or JSON file. */
export function HighlightsExportPanel({ env, ui }: { env: HighlightsExportEnv; ui: UiLang }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const run = async (format: Format): Promise<void> => {
    setBusy(true);
    try {
      const articles = await env.articles();
      const highlights = articles.reduce((n, a) => n + a.highlights.length, 0);
      if (!highlights) return setStatus({ text: t('optionsHighlightsNone'), error: false });
      const type = format === 'json' ? JSON_TYPE : MARKDOWN_TYPE;
      env.download(highlightsFileName(format), fileText(format, articles), type);
      const done = t('optionsHighlightsDone', [count(highlights, ui), count(articles.length, ui)]);
      setStatus({ text: done, error: false });
    } catch {
      setStatus({ text: t('popupError'), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="qari-highlights-export" aria-busy={busy}>
      <h2>{t('optionsHighlightsTitle')}</h2>
      <p>{t('optionsHighlightsIntro')}</p>
      <div class="qari-backup-buttons">
        <button type="button" class="qari-primary" disabled={busy} onClick={() => void run('md')}>
          {t('optionsHighlightsMarkdown')}
        </button>
        <button
          type="button"
          class="qari-secondary"
          disabled={busy}
          onClick={() => void run('json')}
        >
          {t('optionsHighlightsJson')}
        </button>
      </div>
      <StatusLine status={status} />
    </section>
  );
}
