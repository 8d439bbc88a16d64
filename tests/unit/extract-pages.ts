/** Loading shared pages into their own happy-dom windows, for the extraction tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import type { Gold } from '@/lib/eval/score';
import { patchHappyDomForDOMPurify } from './happy-dom-dompurify';

export const SHARED = path.resolve(__dirname, '../../../shared');

export interface PageSpec {
  name: string;
  file: string;
  /** Where the page lives, so relative links resolve as on the site. */
  url: string;
  encoding?: string;
}

export const ARTICLES: PageSpec[] = [
  {
    name: 'seed-article',
    file: 'fixtures/seed-article.html',
    url: 'https://news.example/world/lavrov-kim-wonsan/',
  },
  {
    name: 'cnnarabic-1',
    file: 'corpus/real/cnnarabic-1.html',
    url: 'http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html',
  },
  {
    name: 'assabah-1',
    file: 'corpus/real/assabah-1.html',
    url: 'http://www.assabah.com.tn/article/164913/',
  },
  {
    name: 'lbcgroup-1',
    file: 'corpus/real/lbcgroup-1.html',
    url: 'https://www.lbcgroup.tv/news/lifestyle/898682/lbci-lebanon-articles/ar',
  },
  {
    name: 'bbcarabic-1',
    file: 'corpus/real/bbcarabic-1.html',
    url: 'https://www.bbc.com/arabic/articles/c720dxj8dq8o',
  },
  {
    name: 'albayan-1',
    file: 'corpus/real/albayan-1.html',
    url: 'https://www.albayan.ae/across-the-uae/news-and-reports/2020-06-03-1.3874341',
  },
  {
    name: 'sputnikarabic-1',
    file: 'corpus/real/sputnikarabic-1.html',
    url: 'https://arabic.sputniknews.com/arab_world/202003171044893040/',
  },
  {
    name: 'youm7-1',
    file: 'corpus/real/youm7-1.html',
    url: 'https://www.youm7.com/story/2020/8/24/4943459',
  },
  {
    name: 'beirutobserver-1',
    file: 'corpus/real/beirutobserver-1.html',
    url: 'https://www.beirutobserver.com/2020/11/2338761/',
  },
];

export function readPage(spec: Pick<PageSpec, 'file' | 'encoding'>): string {
  const bytes = readFileSync(path.join(SHARED, spec.file));
  return new TextDecoder(spec.encoding ?? 'utf-8').decode(bytes);
}

export function readGold(spec: Pick<PageSpec, 'file'>): Gold {
  const file = path.join(SHARED, spec.file.replace(/\.html$/, '.gold.json'));
  return JSON.parse(readFileSync(file, 'utf8')) as Gold;
}

export interface LoadedPage {
  window: Window;
  document: Document;
  close: () => Promise<void>;
}

/** A page in its own window at `url`: scripts, styles and frames are never loaded or run. */
export function loadHtml(html: string, url: string): LoadedPage {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  patchHappyDomForDOMPurify(window);
  window.document.write(html);
  const document = window.document as unknown as Document;
  return { window, document, close: () => window.happyDOM.close() };
}

/** Remove every `lang` and `dir` attribute, as pages that set direction only in CSS look. */
export function stripLangDir(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('[lang], [dir], [xml\\:lang]'))) {
    el.removeAttribute('lang');
    el.removeAttribute('dir');
    el.removeAttribute('xml:lang');
  }
}

/** Serialize a whole document, to check it was not changed. */
export function serializeDocument(doc: Document): string {
  return new (doc.defaultView as unknown as typeof globalThis).XMLSerializer().serializeToString(
    doc,
  );
}
