import type { Article } from '@/lib/article';
import { formatPublished } from '@/lib/reader/dates';
import type { UiLang } from '@/lib/reader/i18n';
import type { Labels } from '@/lib/reader/labels';
import { readingTimePhrase } from '@/lib/reader/reading-time';

interface Props {
  article: Article;
  ui: UiLang;
  labels: Labels;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Title, source, byline, date (Gregorian and Hijri), reading time and the way back to the original. */
export function ArticleHeader({ article, ui, labels }: Props) {
  const published = formatPublished(article.published, ui);
  const site = article.siteName || hostOf(article.url);
  const original = /^https?:/i.test(article.url) ? article.url : null;
  return (
    <header class="qari-article-header">
      {site && (
        <p class="qari-site" dir="auto">
          {site}
        </p>
      )}
      <h1 class="qari-title" dir="auto">
        {article.title}
      </h1>
      <p class="qari-meta" lang={ui}>
        {article.byline && (
          <span class="qari-byline" dir="auto">
            {article.byline}
          </span>
        )}
        {published && (
          <span class="qari-date" dir="auto">
            <time dateTime={published.iso}>{published.gregorian}</time>
            <span class="qari-hijri"> ({published.hijri})</span>
          </span>
        )}
        <span class="qari-reading-time" dir="auto">
          {readingTimePhrase(article.readingMinutes, ui)}
        </span>
        {original && (
          <a
            class="qari-original"
            dir="auto"
            href={original}
            target="_blank"
            rel="noopener noreferrer"
          >
            {labels.readerOriginal}
          </a>
        )}
      </p>
    </header>
  );
}
