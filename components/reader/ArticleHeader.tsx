import type { Article } from '@/lib/article';
import { dateNamingOf } from '@/lib/reader/date-naming';
import { formatPublished } from '@/lib/reader/dates';
import type { UiLang } from '@/lib/i18n';
import type { Labels } from '@/lib/reader/labels';
import { readingTimePhrase } from '@/lib/reader/reading-time';
import { displayLine, sourceOf } from '@/lib/text/display';

interface Props {
  article: Article;
  ui: UiLang;
  labels: Labels;
  /**
   * Over the article's own tab, the original is right under the reader: the way back closes the
   * reader (a link would open a second tab of the same page).
   */
  onOriginal?: () => void;
}

/** Title, source, byline, date (Gregorian and Hijri), reading time and the way back to the original. */
export function ArticleHeader({ article, ui, labels, onOriginal }: Props) {
  // The date as the article writes dates: its month names and its digits; in an Arabic UI the
  // reading time beside a date takes the same digits, so the line does not mix two sets.
  const naming = dateNamingOf(article.text);
  const published = formatPublished(article.published, ui, undefined, naming);
  const digits = ui === 'ar' && published ? naming.digits : undefined;
  // The host first: the site name is whatever the page claims (another outlet's, say).
  const source = sourceOf(article);
  const byline = displayLine(article.byline);
  const original = /^https?:/i.test(article.url) ? article.url : null;
  return (
    <header class="qari-article-header">
      {source.host && (
        <p class="qari-site">
          <bdi>{source.host}</bdi>
          {source.name && (
            <>
              {' · '}
              <bdi>{source.name}</bdi>
            </>
          )}
        </p>
      )}
      <h1 class="qari-title" dir="auto">
        {displayLine(article.title)}
      </h1>
      <p class="qari-meta" lang={ui}>
        {byline && (
          <span class="qari-byline" dir="auto">
            {byline}
          </span>
        )}
        {published && (
          <span class="qari-date" dir="auto">
            <time dateTime={published.iso}>{published.gregorian}</time>
            <span class="qari-hijri"> ({published.hijri})</span>
          </span>
        )}
        <span class="qari-reading-time" dir="auto">
          {readingTimePhrase(article.readingMinutes, ui, undefined, digits)}
        </span>
        {original && onOriginal && (
          <button type="button" class="qari-original" dir="auto" onClick={onOriginal}>
            {labels.readerOriginal}
          </button>
        )}
        {original && !onOriginal && (
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
