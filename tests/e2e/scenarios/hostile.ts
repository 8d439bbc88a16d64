/**
 * Hostile pages that go after the reader itself, the same scenario in every browser
 * (./driver.ts): a page that defines the extension's element names first and forges the reader's
 * article, a page that frames the reader page under a token of its own and posts it an article,
 * and clickjacking (CSS alone, and a cover the click passes through). Each page is the seed
 * article with the attack added, served with scripts allowed, as a hostile site would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../fixtures';
import { sleep, until, type Driver, type Surface, type Tab } from './driver';

const SEED = readFileSync(join(SHARED_DIR, 'fixtures/seed-article.html'), 'utf8');
const GOLD = JSON.parse(
  readFileSync(join(SHARED_DIR, 'fixtures/seed-article.gold.json'), 'utf8'),
) as { title: string };
const FORGED_TITLE = 'عنوان مزور من الصفحة';
const FORGED_URL = 'https://bank.example/login';
const SAVE = 'حفظ للقراءة لاحقًا';
const SAVED_NOTICE = 'حُفظت الصفحة في قائمة القراءة.';

// A well-formed extraction result, as the page would forge it.
const FORGED_RESULT = {
  ok: true,
  article: {
    url: FORGED_URL,
    title: FORGED_TITLE,
    byline: null,
    siteName: 'مصرف',
    published: null,
    lang: 'ar',
    dir: 'rtl',
    excerpt: 'أدخل كلمة المرور',
    leadImage: null,
    content: '<p>انتهت الجلسة، أدخل كلمة المرور من جديد.</p>',
    text: 'انتهت الجلسة، أدخل كلمة المرور من جديد.',
    sections: [],
    wordCount: 6,
    readingMinutes: 1,
  },
  timings: { extractMs: 1 },
};

/**
 * Defines the extension's element names before the content script runs, and any other custom
 * element name that appears at the root later, each with a class that takes its ElementInternals
 * (whose `shadowRoot` is the element's shadow root, closed or not). On `qari:ready` it posts its
 * own article into the frame under the token read from the frame's address.
 */
const DEFINES_OUR_NAMES = `<script>
window.leaked = [];
const tried = new Set();
const grab = (name) => {
  if (tried.has(name) || customElements.get(name)) return;
  tried.add(name);
  customElements.define(name, class extends HTMLElement {
    constructor() { super(); try { leaked.push(this.attachInternals()); } catch {} }
  });
};
grab('qari-reader');
grab('qari-button');
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes)
    if (n.nodeType === 1 && n.localName.includes('-')) grab(n.localName);
}).observe(document.documentElement, { childList: true });
window.leakedSrcs = () => leaked
  .map((i) => i.shadowRoot && i.shadowRoot.querySelector('iframe'))
  .filter(Boolean).map((f) => f.src);
window.roots = () => leaked.filter((i) => i.shadowRoot).length;
addEventListener('message', (e) => {
  const src = leakedSrcs()[0];
  if (e.data !== 'qari:ready' || !src) return;
  const token = new URLSearchParams(new URL(src).hash.slice(1)).get('t');
  e.source.postMessage({ type: 'qari:article', token, result: ${JSON.stringify(FORGED_RESULT)} }, '*');
});
</script>`;

// CSS alone: our button made invisible and scaled over the whole page, the reader invisible.
const CSS_CLICKJACK = `<style>
qari-button, qari-reader, html > :not(head):not(body) {
  opacity: 0 !important; transform: scale(80) !important;
}
</style>`;

// A cover over the whole page that the pointer goes through: the reader sees the decoy, the click
// lands on whatever is under it. In the top layer (a popover), above any z-index, and shown after
// the extension's own elements there.
const COVER_STYLE =
  'position:fixed;inset:0;width:auto;height:auto;max-width:none;max-height:none;margin:0;border:0;padding:0;pointer-events:none;background:#fff;font:40px serif';
const PASS_THROUGH_COVER = `<div id="cover" popover="manual" style="${COVER_STYLE}">
<p>اضغط في أي مكان لمشاهدة الفيديو</p></div>`;
const showCover = (tab: Tab): Promise<void> =>
  tab.evaluate(() => document.getElementById('cover')!.showPopover());

/**
 * Covers that try to beat a check of the top layer, each raised once the button shows: where the
 * page hides its cover (a closed shadow root), what kind of top-layer element it is (a modal
 * dialog), and a cover that was below the button and is raised above it again.
 */
const COVERS: {
  name: string;
  body: string;
  raise: (tab: Tab) => Promise<void>;
  shadow?: true;
}[] = [
  { name: 'a popover shown after the button', body: PASS_THROUGH_COVER, raise: showCover },
  {
    name: 'a popover in a closed shadow root',
    body: `<div id="shadow-host"></div><script>
      const root = document.getElementById('shadow-host').attachShadow({ mode: 'closed' });
      const cover = document.createElement('div');
      cover.popover = 'manual';
      cover.style.cssText = '${COVER_STYLE}';
      cover.textContent = 'اضغط في أي مكان لمشاهدة الفيديو';
      root.append(cover);
      window.raiseCover = () => cover.showPopover();
      window.hideCover = () => cover.hidePopover();
    </script>`,
    raise: (tab) => tab.evaluate(() => (window as unknown as { raiseCover(): void }).raiseCover()),
    shadow: true,
  },
  {
    name: 'a modal dialog',
    body: `<dialog id="cover" style="${COVER_STYLE}">اضغط في أي مكان لمشاهدة الفيديو</dialog>`,
    raise: (tab) =>
      tab.evaluate(() => (document.getElementById('cover') as HTMLDialogElement).showModal()),
  },
  {
    name: 'a faded, filtered root',
    body: '',
    raise: (tab) =>
      tab.evaluate(() => {
        document.documentElement.style.cssText = 'opacity:0!important;filter:opacity(0)!important';
      }),
  },
  {
    name: 'a popover shown before the button, then raised again',
    body: `${PASS_THROUGH_COVER}<script>document.getElementById('cover').showPopover();</script>`,
    raise: (tab) =>
      tab.evaluate(() => {
        const c = document.getElementById('cover')!;
        c.hidePopover();
        c.showPopover();
      }),
  },
];

/**
 * A cover open from the start (below the button, which is shown after it) whose toggles the page
 * hides from every later listener: its own capture listeners, registered before anything else of
 * the page, stop the cover's beforetoggle, toggle and close events. `raiseCover()` raises it
 * above ours again, unseen by listeners of the cover itself.
 */
const SILENT_COVER = `<script>
for (const type of ['beforetoggle', 'toggle', 'close'])
  addEventListener(type, (e) => { if (e.target.id === 'cover') e.stopImmediatePropagation(); }, true);
</script>`;
const SILENT_COVER_BODY = `${PASS_THROUGH_COVER}<script>
const cover = document.getElementById('cover');
cover.showPopover();
window.raiseCover = () => { cover.hidePopover(); cover.showPopover(); };
</script>`;
const raiseSilently = (tab: Tab): Promise<void> =>
  tab.evaluate(() => (window as unknown as { raiseCover(): void }).raiseCover());

/**
 * A cover inside a shadow tree whose toggles never leave its shadow root: they are not composed,
 * and the page's own capture listeners on each root it attaches, registered with the root, stop
 * its beforetoggle, toggle and close events before any listener of ours could hear them.
 * `raiseCover()` shows it above ours, again if it was open, unseen; `hideCover()` hides it.
 * `roots`: the shadow roots' modes, outermost first (the cover lies in the innermost); `tag`: a
 * popover `div` or a `dialog` shown modal; `open`: shown from the start (below the button, which
 * is shown after it).
 */
function shadowCover(roots: ('open' | 'closed')[], tag: 'div' | 'dialog', open = true): string {
  const modal = tag === 'dialog';
  return `<div id="shadow-host"></div><script>
{
  let host = document.getElementById('shadow-host'), root;
  for (const mode of ${JSON.stringify(roots)}) {
    root = host.attachShadow({ mode });
    for (const type of ['beforetoggle', 'toggle', 'close'])
      root.addEventListener(type, (e) => e.stopImmediatePropagation(), true);
    host = root.appendChild(document.createElement('div'));
  }
  const cover = root.appendChild(document.createElement('${tag}'));
  ${modal ? '' : "cover.popover = 'manual';"}
  cover.style.cssText = '${COVER_STYLE}';
  cover.textContent = 'اضغط في أي مكان لمشاهدة الفيديو';
  const show = () => ${modal ? 'cover.showModal()' : 'cover.showPopover()'};
  const hide = () => ${modal ? 'cover.close()' : 'cover.hidePopover()'};
  ${open ? 'show();' : ''}
  window.raiseCover = () => { if (cover.matches(':popover-open, :modal')) hide(); show(); };
  window.hideCover = hide;
}
</script>`;
}

/** Covers in shadow trees: where the cover lies, and what kind of top-layer element it is. */
const SHADOW_COVERS: { name: string; roots: ('open' | 'closed')[]; tag: 'div' | 'dialog' }[] = [
  { name: 'a popover in an open shadow root', roots: ['open'], tag: 'div' },
  { name: 'a popover in a closed shadow root', roots: ['closed'], tag: 'div' },
  {
    name: 'a popover in a closed shadow root inside an open one',
    roots: ['open', 'closed'],
    tag: 'div',
  },
  // A modal dialog makes the rest of the page inert, our button with it (the browser's rule);
  // the reader's frame too, so it is tried against the button only.
  { name: 'a modal dialog in a closed shadow root', roots: ['closed'], tag: 'dialog' },
];
const pageCall = (tab: Tab, name: 'raiseCover' | 'hideCover'): Promise<void> =>
  tab.evaluate((n) => (window as unknown as Record<string, () => void>)[n]!(), name);

/**
 * A page that puts itself (its root) in fullscreen on the reader's first click anywhere: the root
 * then enters the top layer above ours, and the page's decoy, which covers the whole viewport,
 * paints over the button; the pointer goes through the root to whatever lies under it.
 */
const FULLSCREEN_COVER = `<style>:root:fullscreen { pointer-events: none; }</style>
<div style="position:fixed;inset:0;background:#fff;font:40px serif">
<p>اضغط في أي مكان لمشاهدة الفيديو</p></div><script>
addEventListener('click', () => document.documentElement.requestFullscreen(), { once: true });
</script>`;

/** The heading a frame shows, or null. */
const titleIn = (frame: Surface): Promise<string | null> =>
  frame.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? null).catch(() => null);
/** How many buttons in `frame` are labelled `label`. */
const buttonsLabelled = (frame: Surface, label: string): Promise<number> =>
  frame.evaluate(
    (l) =>
      [...document.querySelectorAll('button')].filter(
        (b) => b.textContent?.includes(l) || b.getAttribute('aria-label')?.includes(l),
      ).length,
    label,
  );
const savedNotices = (frame: Surface): Promise<number> =>
  frame.evaluate(
    (n) =>
      [...document.querySelectorAll('[role="status"]')].filter((s) => s.textContent?.includes(n))
        .length,
    SAVED_NOTICE,
  );

/** The centre of the first button in `frame` labelled `label` (the overlay frame fills the tab). */
/**
 * A click at `at` once the page's last move has settled, then long enough for a reader or a
 * save to show: `count` (readers open, saved notices) stays 0.
 */
async function clickChangesNothing(
  tab: Tab,
  at: { x: number; y: number },
  count: () => Promise<number>,
): Promise<void> {
  await sleep(500);
  await tab.clickAt(at.x, at.y);
  await sleep(1_500);
  expect(await count()).toBe(0);
}

async function buttonCentre(frame: Surface, label: string): Promise<{ x: number; y: number }> {
  return frame.evaluate((l) => {
    const b = [...document.querySelectorAll('button')].find(
      (e) => e.textContent?.includes(l) || e.getAttribute('aria-label')?.includes(l),
    )!;
    const r = b.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, label);
}

/** Define the hostile-page scenarios; `driver` is the suite's browser, launched in its beforeAll. */
export function hostileScenarios(driver: () => Driver): void {
  /** Serve the seed article at `path` with `head` first in its <head> and `body` at its end. */
  const serveSeed = (path: string, head: string, body = ''): string =>
    driver().serve(
      path,
      SEED.replace(/<head>/i, `<head>${head}`).replace(/<\/body>/i, `${body}</body>`),
    );

  /**
   * Open the reader on the seed article served at `path`. `refused`: the page's own top-layer
   * element is open before the check ever saw the top layer, so the first click on the button is
   * refused (and raises the button); the second opens the reader.
   */
  async function openOn(
    path: string,
    head: string,
    body = '',
    refused = false,
  ): Promise<[Tab, Surface]> {
    const tab = await driver().newTab();
    await tab.goto(serveSeed(path, head, body));
    if (refused) await refusedClick(tab);
    const frame = await tab.openReader();
    await until('the seed article in the reader', () => titleIn(frame), GOLD.title);
    return [tab, frame];
  }

  /** A click on the button that the top-layer check refuses: it opens no reader. */
  async function refusedClick(tab: Tab): Promise<{ x: number; y: number }> {
    const box = await tab.readerButtonBox();
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await sleep(500);
    await tab.clickAt(at.x, at.y);
    await sleep(1_500);
    expect(await tab.readerCount()).toBe(0);
    return at;
  }

  it('defining the extension’s element names first reaches no shadow root, frame or article', async () => {
    const [tab, frame] = await openOn('/hostile/defines-names.html', DEFINES_OUR_NAMES);
    // The page's forged article never replaced ours.
    await sleep(1_000);
    expect(await titleIn(frame)).toBe(GOLD.title);
    const got = await tab.evaluate(() => {
      const w = window as unknown as { leakedSrcs(): string[]; roots(): number };
      return { srcs: w.leakedSrcs(), roots: w.roots() };
    });
    expect(got).toEqual({ srcs: [], roots: 0 });
    await tab.close();
  });

  it('a reader page it frames under its own token gets no article to show or save', async () => {
    // The reader page's address as the page would learn it (Chromium's is per session).
    const [first] = await openOn('/hostile/plain.html', '');
    const reader = await first.readerAddress();
    await first.close();
    const tab = await driver().newTab();
    await tab.goto(serveSeed('/hostile/frames-reader.html', ''));
    await tab.evaluate(
      ({ src, result }) => {
        const token = 'f'.repeat(32);
        addEventListener('message', (e) => {
          (e.source as Window | null)?.postMessage({ type: 'qari:article', token, result }, '*');
        });
        const f = document.createElement('iframe');
        f.src = `${src}#t=${token}`;
        f.style.cssText = 'width:800px;height:600px';
        f.addEventListener('load', () =>
          f.contentWindow!.postMessage({ type: 'qari:article', token, result }, '*'),
        );
        document.body.prepend(f);
      },
      { src: reader, result: FORGED_RESULT },
    );
    let framed: Surface | undefined;
    await until(
      'the framed reader page',
      async () => {
        for (const f of await tab.frames()) {
          const href = await f.evaluate(() => location.href).catch(() => '');
          if (href.includes('/reader.html#t=fff')) framed = f;
        }
        return !!framed;
      },
      true,
    );
    await sleep(2_000);
    expect(await titleIn(framed!)).not.toBe(FORGED_TITLE);
    expect(await framed!.evaluate(() => document.body.textContent ?? '')).not.toContain(
      FORGED_TITLE,
    );
    expect(await buttonsLabelled(framed!, SAVE)).toBe(0);
    await tab.close();
  });

  it('CSS cannot make the button invisible and scaled over the page', async () => {
    const tab = await driver().newTab();
    await tab.goto(serveSeed('/hostile/css-clickjack.html', CSS_CLICKJACK));
    await tab.readerButtonBox();
    await sleep(500);
    // The decoy: the middle of the page, where only the scaled, invisible button would be.
    const [w, h] = await tab.evaluate(() => [innerWidth, innerHeight]);
    await tab.clickAt(w! / 2, h! / 2);
    await sleep(1_500);
    expect(await tab.readerCount()).toBe(0);
    await tab.close();
  });

  for (const cover of COVERS)
    it(`a click through ${cover.name} that hides the button does not open the reader`, async () => {
      const tab = await driver().newTab();
      await tab.goto(
        serveSeed(`/hostile/cover-${cover.name.replace(/\W+/g, '-')}.html`, '', cover.body),
      );
      const box = await tab.readerButtonBox();
      await cover.raise(tab);
      await sleep(500);
      await tab.clickAt(box.x + box.width / 2, box.y + box.height / 2);
      await sleep(1_500);
      expect(await tab.readerCount()).toBe(0);
      await tab.close();
    });

  // The refused first click raised the button above the cover; the page raised the cover again
  // with its toggle events stopped before any listener on the cover heard them.
  it('a click through a cover raised again with its toggle events stopped does not open the reader', async () => {
    const tab = await driver().newTab();
    await tab.goto(serveSeed('/hostile/silent-cover.html', SILENT_COVER, SILENT_COVER_BODY));
    // Refused: the cover was open before the check ever saw the top layer. The button is raised.
    const at = await refusedClick(tab);
    await raiseSilently(tab);
    await clickChangesNothing(tab, at, () => tab.readerCount());
    await tab.close();
  });

  it('a click through the page put in fullscreen over the button does not open the reader', async () => {
    const tab = await driver().newTab();
    await tab.goto(serveSeed('/hostile/fullscreen.html', '', FULLSCREEN_COVER));
    const box = await tab.readerButtonBox();
    // The button keeps its place from the viewport's bottom left when the viewport grows.
    const fromBottom = (await tab.evaluate(() => innerHeight)) - box.y;
    await sleep(500);
    // The reader's first click, on the page's decoy: the page goes fullscreen.
    await tab.clickAt(box.x + 300, box.y - 200);
    await until(
      'the page in fullscreen',
      () => tab.evaluate(() => document.fullscreenElement?.nodeName ?? null),
      'HTML',
    );
    await sleep(1_000);
    const at = {
      x: box.x + box.width / 2,
      y: (await tab.evaluate(() => innerHeight)) - fromBottom + box.height / 2,
    };
    // The pointer goes through the page to ours (a host of ours at the root), under the decoy.
    expect(
      await tab.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.parentNode === document.documentElement,
        at,
      ),
    ).toBe(true);
    await tab.clickAt(at.x, at.y);
    await sleep(1_500);
    expect(await tab.readerCount()).toBe(0);
    await tab.close();
  });

  it('a click on the button with no cover opens the reader', async () => {
    // The same click as above, without the cover: what refuses them is the cover.
    const tab = await driver().newTab();
    await tab.goto(serveSeed('/hostile/no-cover.html', '', PASS_THROUGH_COVER));
    const box = await tab.readerButtonBox();
    await sleep(500);
    await tab.clickAt(box.x + box.width / 2, box.y + box.height / 2);
    await until('the reader overlay', () => tab.readerCount(), 1);
    await tab.close();
  });

  const READER_COVERS: ((typeof COVERS)[number] & { head?: string; refused?: boolean })[] = [
    ...COVERS.slice(0, 2),
    {
      name: 'a cover raised again with its toggle events stopped',
      head: SILENT_COVER,
      body: SILENT_COVER_BODY,
      raise: raiseSilently,
      refused: true,
    },
  ];
  for (const cover of READER_COVERS)
    it(`a click through ${cover.name} that hides the reader does not save`, async () => {
      const [tab, frame] = await openOn(
        `/hostile/cover-reader-${cover.name.replace(/\W+/g, '-')}.html`,
        cover.head ?? '',
        cover.body,
        cover.refused,
      );
      await until('the save button', () => buttonsLabelled(frame, SAVE), 1);
      const at = await buttonCentre(frame, SAVE);
      await cover.raise(tab);
      await clickChangesNothing(tab, at, () => savedNotices(frame));
      // Where the browser does not say what covers the reader (Firefox), a cover in a shadow tree
      // could be raised again unseen: every click is refused while it is open, until it hides.
      if (cover.shadow && driver().browser === 'firefox') {
        await clickChangesNothing(tab, at, () => savedNotices(frame));
        await pageCall(tab, 'hideCover');
      }
      // The refused click raised the reader above the cover again: now seen, the same click saves.
      await sleep(500);
      await tab.clickAt(at.x, at.y);
      await until('the saved notice', () => savedNotices(frame), 1);
      await tab.close();
    });
  // The cover was open before the button showed; the refused first click raised the button above
  // it; the page raised the cover again with its events stopped inside its shadow tree.
  for (const cover of SHADOW_COVERS)
    it(`a click through ${cover.name} raised again unseen does not open the reader`, async () => {
      const tab = await driver().newTab();
      const path = `/hostile/shadow-${cover.name.replace(/\W+/g, '-')}.html`;
      await tab.goto(serveSeed(path, '', shadowCover(cover.roots, cover.tag)));
      const at = await refusedClick(tab);
      await pageCall(tab, 'raiseCover');
      await clickChangesNothing(tab, at, () => tab.readerCount());
      // What refused it is the cover: hidden, the same click opens the reader.
      await pageCall(tab, 'hideCover');
      await sleep(500);
      await tab.clickAt(at.x, at.y);
      await until('the reader overlay', () => tab.readerCount(), 1);
      await tab.close();
    });

  // The page shows its cover over the reader, unseen, once the reader is open; the refused click
  // raises the reader above it, and the page raises the cover again, unseen.
  for (const cover of SHADOW_COVERS.filter((c) => c.tag === 'div'))
    it(`a click through ${cover.name} shown over the reader unseen does not save`, async () => {
      const [tab, frame] = await openOn(
        `/hostile/shadow-reader-${cover.name.replace(/\W+/g, '-')}.html`,
        '',
        shadowCover(cover.roots, cover.tag, false),
      );
      await until('the save button', () => buttonsLabelled(frame, SAVE), 1);
      const at = await buttonCentre(frame, SAVE);
      for (let i = 0; i < 2; i++) {
        await pageCall(tab, 'raiseCover');
        await clickChangesNothing(tab, at, () => savedNotices(frame));
      }
      await pageCall(tab, 'hideCover');
      await sleep(500);
      await tab.clickAt(at.x, at.y);
      await until('the saved notice', () => savedNotices(frame), 1);
      await tab.close();
    });
}
