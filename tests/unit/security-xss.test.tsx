/**
 * The XSS corpus (tests/fixtures/xss/vectors.ts) through every path article HTML takes:
 * extraction, the reader's re-sanitizing, saving and search snippets, export → import. The
 * checker (tests/fixtures/xss/check.ts) is strict and independent of the sanitizer's rules.
 */
import { render } from 'preact';
import { Highlighted } from '@/components/popup/Highlighted';
import type { Article } from '@/lib/article';
import { extract } from '@/lib/extract';
import { prepareContent } from '@/lib/reader/render-content';
import { search } from '@/lib/search';
import { getArticle, getEntryByUrl, saveArticle } from '@/lib/store/articles';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  exportLibraryJson,
  importLibrary,
} from '@/lib/store/backup';
import type { QariDb } from '@/lib/store/db';
import { parseInert, problemsIn, problemsInFragment, type Problem } from '../fixtures/xss/check';
import { articlePage, VECTORS, type Canary, type Vector } from '../fixtures/xss/vectors';
import { loadHtml, type LoadedPage } from './extract-pages';
import { backupEntryOf, dropDb, freshDb, makeArticle } from './store-fixtures';
import { displayText } from '@/lib/text/display';

const PAGE_URL = 'https://news.example/world/2025/story.html';
const EVIL_HOST = 'evil.example';
const canary = (i: number): Canary => ({
  js: `top.__pwned=${i}`,
  url: `https://${EVIL_HOST}/canary?id=${i}`,
});
const rendered = VECTORS.map((v, i) => ({ i, kind: v.kind, html: v.html(canary(i)) }));

let host: LoadedPage;
beforeAll(() => {
  host = loadHtml('<html><body></body></html>', PAGE_URL);
});
afterAll(() => host.close());

// Elements whose `src`/`poster` the browser fetches (a `src` on a <div> is inert).
const LOADING =
  'img[src], video[src], video[poster], audio[src], source[src], track[src], iframe[src], embed[src], input[src]';

/** Hosts the reader would load something from when it shows the article. */
function loadsFrom(doc: Document, html: string): string[] {
  const hosts: string[] = [];
  for (const el of Array.from(parseInert(doc, html).querySelectorAll(LOADING))) {
    for (const name of ['src', 'poster']) {
      const v = el.getAttribute(name);
      if (v && /^https?:/i.test(v)) hosts.push(new URL(v).hostname);
    }
  }
  return hosts;
}

const describeProblems = (ps: Problem[]) => ps.map((p) => `${p.tag}[${p.attr ?? ''}] ${p.why}`);

/** Extract the article of one page holding `vectorHtml`. */
function extractWith(vectorHtml: string): Article | null {
  const page = loadHtml(articlePage([vectorHtml]), PAGE_URL);
  try {
    const res = extract(page.document, { url: PAGE_URL });
    return res.ok ? res.article : null;
  } finally {
    void page.close();
  }
}

describe('the XSS corpus', () => {
  it('holds at least 200 vectors of every kind', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(VECTORS.map((v: Vector) => v.kind));
    for (const k of ['script', 'event', 'js-url', 'data-url', 'svg', 'mathml', 'mxss', 'css'])
      expect(kinds).toContain(k);
    expect(kinds).toContain('base-meta');
    expect(kinds).toContain('clobber');
  });

  it('the checker catches what it guards (it is not vacuous)', () => {
    const doc = host.document;
    for (const raw of [
      '<img src="x" onerror="1">',
      '<a href="javascript:1">x</a>',
      '<a href=" data:text/html,x" rel="noopener">x</a>',
      '<script>1</script>',
      '<iframe src="https://evil.example/x" sandbox="allow-scripts"></iframe>',
      '<p style="color:red">x</p>',
      '<form id="browser"></form>',
      '<img name="chrome" src="https://a.example/x.png">',
      '<svg><a xlink:href="https://x.example/">x</a></svg>',
      '<base href="https://evil.example/">',
      '<noscript><p title="</noscript><img src=x onerror=1>"></noscript>',
    ])
      expect(problemsIn(doc, raw), raw).not.toEqual([]);
    expect(
      problemsIn(
        doc,
        '<p dir="auto">نص <a href="https://a.example/" rel="noopener noreferrer" target="_blank">x</a></p>',
      ),
    ).toEqual([]);
  });
});

describe('each vector in an Arabic article page', () => {
  const articles: Array<{ i: number; kind: string; article: Article }> = [];

  it('extract() returns only safe HTML, loading nothing from a host the page did not name', () => {
    const failures: string[] = [];
    for (const { i, kind, html } of rendered) {
      const article = extractWith(html);
      if (!article) continue;
      articles.push({ i, kind, article });
      const ps = problemsIn(host.document, article.content);
      if (ps.length) failures.push(`#${i} ${kind}: ${describeProblems(ps).join('; ')}`);
      // A <base href> moves relative URLs as it does in the page itself; nothing else may.
      if (kind !== 'base-meta' && loadsFrom(host.document, article.content).includes(EVIL_HOST))
        failures.push(`#${i} ${kind}: loads from ${EVIL_HOST}`);
      if (!article.content.includes('المتحدث'))
        failures.push(`#${i} ${kind}: the article text was lost`);
    }
    expect(failures).toEqual([]);
    // Most pages must still be articles: a sanitizer that drops everything is not a pass.
    expect(articles.length).toBeGreaterThan(rendered.length * 0.9);
  });

  it('the reader re-sanitizes: prepareContent() of the raw vector and of the extracted HTML', () => {
    const doc = host.document;
    const failures: string[] = [];
    for (const { i, kind, html } of rendered) {
      // Raw: what a forged message or a hostile backup would hand the reader page.
      const raw = prepareContent(articlePage([html]), doc, { baseUrl: PAGE_URL });
      const ps = problemsInFragment(doc, raw);
      if (ps.length) failures.push(`raw #${i} ${kind}: ${describeProblems(ps).join('; ')}`);
    }
    for (const { i, kind, article } of articles) {
      const frag = prepareContent(article.content, doc, {
        baseUrl: article.url,
        sectionIds: article.sections.map((s) => s.id),
      });
      const ps = problemsInFragment(doc, frag);
      if (ps.length) failures.push(`extracted #${i} ${kind}: ${describeProblems(ps).join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  describe('saved, searched, exported and imported', () => {
    let db: QariDb;
    let other: QariDb;
    afterAll(async () => {
      await dropDb(db);
      await dropDb(other);
    });

    it('search snippets are plain text, shown without HTML interpretation', async () => {
      db = freshDb();
      for (const { i, article } of articles)
        await saveArticle(db, { ...article, url: `https://news.example/a/${i}` });
      const markupText =
        '<img src=x onerror="top.__pwned=1"> المتحدث <script>top.__pwned=2</script>';
      await saveArticle(
        db,
        makeArticle({ url: 'https://news.example/markup', text: markupText, title: '<b>x</b>' }),
      );
      const res = await search(db, 'المتحدث', { limit: 200 });
      expect(res.hits.length).toBeGreaterThan(1);
      const seen: string[] = [];
      for (const hit of res.hits) {
        const s = hit.snippet;
        if (!s) continue;
        const div = document.createElement('div');
        render(<Highlighted text={s.text} ranges={s.ranges} />, div);
        // Only <mark> elements are created; everything else stays text.
        expect(Array.from(div.querySelectorAll('*')).map((e) => e.localName)).toEqual(
          Array.from(div.querySelectorAll('mark')).map(() => 'mark'),
        );
        // As text, less the bidi controls and zero-width characters a display drops.
        expect(div.textContent).toBe(displayText(s.text));
        seen.push(div.textContent ?? '');
        render(null, div);
      }
      expect(seen.some((t) => t.includes('<img src=x onerror'))).toBe(true);
    });

    it('export → import keeps the content, and the reader shows it sanitized', async () => {
      const json = await exportLibraryJson(db);
      other = freshDb();
      const report = await importLibrary(other, json);
      expect(report.added).toBe(articles.length + 1);
      const doc = host.document;
      const failures: string[] = [];
      for (const { i, kind } of articles) {
        const entry = await getEntryByUrl(other, `https://news.example/a/${i}`);
        const back = await getArticle(other, entry!.id);
        const frag = prepareContent(back!.content, doc, { baseUrl: back!.url });
        const ps = problemsInFragment(doc, frag);
        if (ps.length) failures.push(`#${i} ${kind}: ${describeProblems(ps).join('; ')}`);
      }
      expect(failures).toEqual([]);
    });

    it('a hostile backup (raw vectors as content) is stored as data and never rendered unsanitized', async () => {
      const now = new Date().toISOString();
      const backup = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: now,
        entries: rendered.map(({ i, html }) =>
          backupEntryOf(makeArticle({ url: `https://hostile.example/${i}`, content: html }), now),
        ),
      };
      const target = freshDb();
      try {
        expect((await importLibrary(target, JSON.stringify(backup))).added).toBe(rendered.length);
        const doc = host.document;
        const failures: string[] = [];
        for (const row of await target.articles.toArray()) {
          const a = await getArticle(target, row.id);
          const ps = problemsInFragment(doc, prepareContent(a!.content, doc, { baseUrl: a!.url }));
          if (ps.length) failures.push(`${a!.url}: ${describeProblems(ps).join('; ')}`);
        }
        expect(failures).toEqual([]);
        // A script: URL as the article address is refused outright.
        const bad = structuredClone(backup);
        bad.entries[0]!.article.url = 'javascript:top.__pwned=1';
        await expect(importLibrary(target, JSON.stringify(bad))).rejects.toMatchObject({
          code: 'import-entry',
        });
      } finally {
        await dropDb(target);
      }
    });
  });
});
