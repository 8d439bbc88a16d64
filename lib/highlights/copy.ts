/**
 * A highlight's quote as a reader pastes it elsewhere: the words in Arabic quotation marks, then
 * the article's title and address. And copying text to the clipboard from a reader page, which
 * may be framed by a web page that has not granted the clipboard to its frames.
 */

export interface QuoteSource {
  title: string;
  url: string;
}

// First strong isolate … pop: a quote starting with a Latin name keeps its own order in Arabic.
const FSI = '\u2068';
const PDI = '\u2069';

export function quoteWithSource(exact: string, source: QuoteSource): string {
  const quote = exact.replace(/\s+/g, ' ').trim();
  return `«${FSI}${quote}${PDI}»\n— ${source.title.trim()}\n${source.url}`;
}

/** Put `text` on the clipboard; false when the browser refused. */
export async function copyText(doc: Document, text: string): Promise<boolean> {
  const clip = doc.defaultView?.navigator.clipboard;
  if (clip) {
    const ok = await clip.writeText(text).then(
      () => true,
      () => false,
    );
    if (ok) return true;
  }
  // A frame without the clipboard permission: the older copy command still answers a click.
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.append(area);
  area.select();
  const ok = doc.execCommand('copy');
  area.remove();
  return ok;
}
