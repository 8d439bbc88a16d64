import nodeConsole from 'node:console';
import fs from 'node:fs';
import path from 'node:path';
import { detect } from '@/lib/detect';
import { readMetadata } from '@/lib/detect/article-signals';
import { judgeLanguage } from '@/lib/detect/language';
import { sniffCharset } from '@/lib/eval/charset';

const SHARED = path.resolve(__dirname, '../../../shared');
const REAL = path.join(SHARED, 'corpus/real');

interface Gold {
  isArabicArticle: boolean;
  language: string;
}

interface Page {
  name: string;
  html: string;
  gold: Gold;
}

// The corpus keeps pages byte for byte; a browser decodes them by their declared charset.
function decode(bytes: Buffer): string {
  return new TextDecoder(sniffCharset(bytes)).decode(bytes);
}

function loadPage(htmlPath: string): Page {
  const gold = JSON.parse(
    fs.readFileSync(htmlPath.replace(/\.html$/, '.gold.json'), 'utf8'),
  ) as Gold;
  return { name: path.basename(htmlPath, '.html'), html: decode(fs.readFileSync(htmlPath)), gold };
}

const pages: Page[] = [
  ...fs
    .readdirSync(REAL)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => loadPage(path.join(REAL, f))),
  loadPage(path.join(SHARED, 'fixtures/seed-article.html')),
];

function parse(html: string, type: DOMParserSupportedType = 'text/html'): Document {
  return new DOMParser().parseFromString(html, type);
}

function stripLangAndDir(doc: Document): Document {
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^(xml:)?lang$|^dir$/i.test(attr.name)) el.removeAttribute(attr.name);
    }
  }
  return doc;
}

beforeAll(() => {
  // Pages link stylesheets and iframes that happy-dom does not load; that is no news in these tests.
  const happy = (window as unknown as { happyDOM?: { settings: Record<string, unknown> } })
    .happyDOM;
  if (happy) happy.settings.handleDisabledFileLoadingAsSuccess = true;
  // happy-dom reports through Node's own console, not the one Vitest installs.
  const error = nodeConsole.error.bind(nodeConsole);
  vi.spyOn(nodeConsole, 'error').mockImplementation((...args: unknown[]) => {
    const message = (args[0] as { message?: unknown } | undefined)?.message;
    if (!/ loading is disabled/.test(String(message))) error(...args);
  });
});

afterAll(() => {
  vi.restoreAllMocks();
});

describe('detect on the real corpus and the seed article', () => {
  it('has the pages the brief names', () => {
    expect(pages.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'arabicmedia-nonart-1',
        'naibaat-ur-1',
        'fardapaper-fa-1',
        'bbcarabic-1',
        'seed-article',
      ]),
    );
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  for (const page of pages) {
    it(`${page.name}: Arabic article ${page.gold.isArabicArticle ? 'yes' : 'no'}, language ${page.gold.language}`, () => {
      const d = detect(parse(page.html));
      expect(d.language).toBe(page.gold.language);
      expect(d.isArticle && d.isArabic).toBe(page.gold.isArabicArticle);
      expect(d.isArabic).toBe(page.gold.language === 'ar');
    });

    it(`${page.name}: same judgement without lang and dir attributes`, () => {
      const doc = stripLangAndDir(parse(page.html));
      expect(doc.querySelector('[lang],[dir]')).toBeNull();
      const d = detect(doc);
      expect(d.language).toBe(page.gold.language);
      expect(d.isArticle && d.isArabic).toBe(page.gold.isArabicArticle);
    });
  }

  it('decodes the windows-1256 directory into Arabic text', () => {
    const page = pages.find((p) => p.name === 'arabicmedia-nonart-1');
    expect(page?.html).toContain('الصحف');
  });

  it('explains its judgement in signals', () => {
    const bbc = pages.find((p) => p.name === 'bbcarabic-1');
    const d = detect(parse(bbc?.html ?? ''));
    expect(d.signals).toEqual(
      expect.arrayContaining(['jsonld:ReportageNewsArticle', 'og:article', 'text:ok']),
    );
  });

  it('leaves the page untouched', () => {
    for (const page of pages.slice(0, 3)) {
      const doc = parse(page.html);
      const before = doc.documentElement.outerHTML;
      detect(doc);
      expect(doc.documentElement.outerHTML).toBe(before);
    }
  });
});

// Arabic text for the synthetic pages.
const AR_SENTENCES = [
  'أعلنت وزارة الداخلية مساء اليوم عن إغلاق الطريق الساحلي بين المدينتين بشكل مؤقت بعد انهيار جزء من الجسر.',
  'وقال متحدث باسم الوزارة إن فرق الدفاع المدني تعمل على تأمين المكان داعياً السائقين إلى استخدام الطرق البديلة.',
  'وأضاف أن الأمطار الغزيرة التي هطلت على المنطقة منذ الصباح تسببت في ارتفاع منسوب المياه في الأودية.',
  'ولم ترد حتى الآن أنباء عن وقوع إصابات بين المواطنين، فيما تواصل السلطات المحلية متابعة الوضع عن كثب.',
  'ويأتي هذا القرار في ظل توقعات الأرصاد الجوية باستمرار حالة عدم الاستقرار خلال الأيام الثلاثة المقبلة.',
  'وكانت الحكومة قد خصصت في وقت سابق من العام ميزانية إضافية لصيانة البنية التحتية في المحافظات الساحلية.',
];
const AR_HEADLINES = [
  'الحكومة تعلن حزمة إجراءات جديدة لدعم الأسر محدودة الدخل',
  'ارتفاع أسعار النفط بعد قرار تخفيض الإنتاج في الأسواق العالمية',
  'المنتخب الوطني يتأهل إلى نهائي البطولة العربية بعد فوز مثير',
  'وزير الصحة يفتتح مستشفى جديداً في العاصمة بطاقة مئتي سرير',
  'انطلاق معرض الكتاب الدولي بمشاركة أكثر من خمسمئة دار نشر',
  'البنك المركزي يبقي أسعار الفائدة دون تغيير للمرة الثالثة',
  'موجة حر تضرب عدة مدن والسلطات تدعو إلى تجنب الخروج ظهراً',
  'توقيع اتفاقية تعاون اقتصادي بين البلدين في مجالي الطاقة والنقل',
  'افتتاح خط جديد للقطارات السريعة يربط الشمال بالجنوب',
  'جامعة العاصمة تطلق برنامجاً للمنح الدراسية في العلوم التطبيقية',
  'مجلس النواب يناقش مشروع قانون الضرائب في جلسة مطولة',
  'انخفاض معدلات البطالة إلى أدنى مستوى لها منذ عشر سنوات',
];

function arText(from: number, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++)
    out.push(AR_SENTENCES[(from + i) % AR_SENTENCES.length] ?? '');
  return out.join(' ');
}

function page(body: string, head = '', htmlAttrs = 'lang="ar" dir="rtl"'): string {
  return `<!doctype html><html ${htmlAttrs}><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

const NAV = `<header><nav><ul>${[
  'الرئيسية',
  'سياسة',
  'اقتصاد',
  'رياضة',
  'ثقافة',
  'منوعات',
  'فيديو',
  'رأي',
]
  .map((s, i) => `<li><a href="/s/${i}">${s}</a></li>`)
  .join('')}</ul></nav></header>`;
const FOOTER = `<footer><p>جميع الحقوق محفوظة لموقع الأخبار اليومية، ولا يجوز نسخ المحتوى أو إعادة نشره دون إذن مكتوب من إدارة الموقع.</p></footer>`;

describe('detect on synthetic pages', () => {
  it('an Arabic home page of teaser cards is not an article', () => {
    const cards = AR_HEADLINES.map(
      (h, i) =>
        `<article class="card"><a href="/n/${i}"><img src="/i/${i}.jpg" alt=""></a>` +
        `<h3><a href="/n/${i}">${h}</a></h3><p>${arText(i, 2)}</p></article>`,
    ).join('');
    const doc = parse(
      page(
        `${NAV}<main><section class="top">${cards}</section></main>${FOOTER}`,
        '<title>الأخبار اليومية</title><meta property="og:type" content="website">',
      ),
    );
    const d = detect(doc);
    expect(d.isArabic).toBe(true);
    expect(d.isArticle).toBe(false);
    expect(d.signals).toContain('dom:articles');
  });

  it('an Arabic home page of one lead story and lists of headlines is not an article', () => {
    const lead =
      `<div class="lead"><h2><a href="/n/lead">${AR_HEADLINES[0]}</a></h2>` +
      `<p>${arText(0, 2)}</p><p>${arText(2, 2)}</p><p>${arText(4, 2)}</p></div>`;
    const sections = ['سياسة', 'اقتصاد', 'رياضة']
      .map(
        (title, s) =>
          `<section><h2>${title}</h2><ul>${AR_HEADLINES.map(
            (h, i) => `<li><a href="/n/${s}/${i}">${h}</a></li>`,
          ).join('')}</ul></section>`,
      )
      .join('');
    const d = detect(
      parse(page(`${NAV}<main>${lead}${sections}</main>${FOOTER}`, '<title>الرئيسية</title>')),
    );
    expect(d.isArabic).toBe(true);
    expect(d.isArticle).toBe(false);
    expect(d.signals).toEqual(expect.arrayContaining(['text:ok', 'links:dense']));
  });

  it('a category list (teasers in divs, even tagged og:article) is not an article', () => {
    const items = AR_HEADLINES.map(
      (h, i) =>
        `<div class="item"><h2><a href="/n/${i}">${h}</a></h2><p>${arText(i, 2)}</p><span>منذ ساعتين</span></div>`,
    ).join('');
    const doc = parse(
      page(
        `${NAV}<h1>اقتصاد</h1><div class="list">${items}</div>${FOOTER}`,
        '<title>اقتصاد</title><meta property="og:type" content="article">',
      ),
    );
    const d = detect(doc);
    expect(d.isArabic).toBe(true);
    expect(d.isArticle).toBe(false);
    expect(d.signals).toContain('list:teasers');
  });

  it('a search-results page is not an article', () => {
    const results = AR_HEADLINES.slice(0, 10)
      .map(
        (h, i) =>
          `<div class="result"><h3><a href="https://example.com/${i}">${h}</a></h3>` +
          `<cite>example.com</cite><p>${arText(i + 2, 2)}</p></div>`,
      )
      .join('');
    const doc = parse(
      page(
        `${NAV}<form><input name="q" value="الطرق"></form><div id="results">${results}</div>`,
        '<title>نتائج البحث: الطرق</title>',
      ),
    );
    const d = detect(doc);
    expect(d.isArabic).toBe(true);
    expect(d.isArticle).toBe(false);
  });

  it('a link directory is not an article, and its language still comes from its text', () => {
    const names = [
      'الأهرام',
      'الشرق الأوسط',
      'الخليج',
      'النهار',
      'الرياض',
      'الشروق',
      'الوطن',
      'القدس العربي',
    ];
    const rows = Array.from({ length: 48 }, (_, i) => {
      const name = names[i % names.length] ?? '';
      return `<tr><td><a href="https://paper${i}.example/">صحيفة ${name} ${i}</a></td><td>يومية سياسية</td></tr>`;
    }).join('');
    const html = page(`<table>${rows}</table>`, '', '');
    const d = detect(parse(html));
    expect(d.language).toBe('ar');
    expect(d.isArticle).toBe(false);
  });

  it('a page with an Arabic-script title and little prose takes its language from its first text', () => {
    const items = Array.from(
      { length: 30 },
      (_, i) => `<li><a href="/${i}">این گزارش برای خوانندگان است ${i}</a></li>`,
    ).join('');
    const d = detect(parse(page(`<ul>${items}</ul>`, '<title>خبرها</title>', '')));
    expect(d.language).toBe('fa');
    expect(d.isArabic).toBe(false);
  });

  it('a page with a Latin title still finds the Arabic text of its body', () => {
    const d = detect(parse(page(`<main><p>${arText(0, 3)}</p></main>`, '<title>News</title>', '')));
    expect(d.signals).not.toContain('script:none');
    expect(d.language).toBe('ar');
  });

  it('a two-paragraph Arabic breaking-news brief with og:type article is an article', () => {
    const related = AR_HEADLINES.slice(0, 6)
      .map((h, i) => `<li><a href="/n/${i}">${h}</a></li>`)
      .join('');
    const doc = parse(
      page(
        `${NAV}<main><h1>عاجل: إغلاق الطريق الساحلي بعد انهيار جزء من الجسر</h1>` +
          `<div class="body"><p>${arText(0, 1)}</p><p>${arText(1, 1)}</p></div></main>` +
          `<aside><h2>الأكثر قراءة</h2><ul>${related}</ul></aside>${FOOTER}`,
        '<title>عاجل: إغلاق الطريق الساحلي</title><meta property="og:type" content="article">' +
          '<meta property="article:published_time" content="2024-05-01T10:00:00Z">',
      ),
    );
    const d = detect(doc);
    expect(d).toMatchObject({ isArticle: true, isArabic: true, language: 'ar' });
    expect(d.signals).toContain('og:article');
  });

  it('the same brief without article metadata is too little text to offer reader mode', () => {
    const doc = parse(
      page(`<main><h1>عاجل</h1><p>${arText(0, 1)}</p><p>${arText(1, 1)}</p></main>`),
    );
    expect(detect(doc).isArticle).toBe(false);
  });

  it('a long Arabic article without any metadata is an article from its prose alone', () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>${arText(i, 3)}</p>`).join('');
    const doc = parse(
      page(`${NAV}<div id="story"><h1>عنوان الخبر</h1>${paragraphs}</div>${FOOTER}`),
    );
    const d = detect(doc);
    expect(d).toMatchObject({ isArticle: true, isArabic: true });
    expect(d.signals).toContain('text:ok');
  });

  it('an article whose every paragraph sits in a wrapper, with "read also" links, is an article', () => {
    const paragraphs = Array.from({ length: 8 }, (_, i) => {
      const readAlso =
        i % 3 === 1
          ? `<div class="also"><a href="/n/${i}">اقرأ أيضاً: ${AR_HEADLINES[i]}</a></div>`
          : '';
      return `<div class="para"><p>${arText(i, 2)}</p></div>${readAlso}`;
    }).join('');
    const d = detect(
      parse(
        page(`${NAV}<main><h1>عنوان</h1><div class="story">${paragraphs}</div></main>${FOOTER}`),
      ),
    );
    expect(d).toMatchObject({ isArticle: true, isArabic: true });
    expect(d.signals).not.toContain('list:teasers');
  });

  it('an article written as one div of lines broken by <br> is an article', () => {
    const lines = Array.from({ length: 5 }, (_, i) => arText(i, 2)).join('<br><br>');
    const d = detect(
      parse(
        page(
          `${NAV}<div class="wrap"><h1>عنوان</h1><div class="LongDesc">${lines}</div></div>${FOOTER}`,
        ),
      ),
    );
    expect(d).toMatchObject({ isArticle: true, isArabic: true });
  });

  it('a page-sized wrapper with a stray <br> is not taken for one long paragraph', () => {
    // Widgets of short text (tickers, prices, headlines without links): much text, no prose.
    const widgets = [...AR_HEADLINES, ...AR_HEADLINES, ...AR_HEADLINES]
      .map((h) => `<div class="widget">${h}</div>`)
      .join('');
    const d = detect(parse(page(`<div id="page">${NAV}<br>${widgets}</div>`)));
    expect(d.isArticle).toBe(false);
    expect(d.signals).toContain('text:little');
  });

  it('a declared article with related stories as <article> cards is still an article', () => {
    const related = AR_HEADLINES.slice(0, 6)
      .map((h, i) => `<article class="card"><h3><a href="/n/${i}">${h}</a></h3></article>`)
      .join('');
    const body = Array.from({ length: 4 }, (_, i) => `<p>${arText(i, 2)}</p>`).join('');
    const d = detect(
      parse(
        page(
          `${NAV}<main><h1>عنوان</h1><div class="body">${body}</div><section class="related">${related}</section></main>`,
          '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"عنوان"}</script>',
        ),
      ),
    );
    expect(d).toMatchObject({ isArticle: true, isArabic: true });
    expect(d.signals).toEqual(expect.arrayContaining(['jsonld:NewsArticle', 'dom:articles']));
  });

  it('an English article is not Arabic', () => {
    const sentence =
      'The city council approved the new transport plan on Monday after a long debate about costs, ' +
      'routes and the timetable for the first stations, which are expected to open next year.';
    const body = `<article><h1>Council approves transport plan</h1>${`<p>${sentence} ${sentence}</p>`.repeat(5)}</article>`;
    const tagged = detect(parse(page(body, '<title>Transport plan</title>', 'lang="en"')));
    // No Arabic script: answered from a short glance, article-ness left unjudged (false).
    expect(tagged).toMatchObject({ isArticle: false, isArabic: false, language: 'en' });
    expect(tagged.signals).toContain('script:none');
    const untagged = detect(parse(page(body, '<title>Transport plan</title>', '')));
    expect(untagged).toMatchObject({ isArabic: false, language: 'und' });
    const mistagged = detect(parse(page(body, '<title>Transport plan</title>', 'lang="ar"')));
    expect(mistagged.isArabic).toBe(false);
    const named = detect(parse(page(body, '', '')), { detectLanguage: () => 'en' });
    expect(named.language).toBe('en');
  });

  it('a Persian article tagged lang="ar" is not Arabic', () => {
    const fa = [
      'وزیر امور خارجه روز دوشنبه در سفری رسمی به مسکو رفت تا درباره همکاری‌های اقتصادی و انرژی با مقامات روسیه گفت‌وگو کند.',
      'او در این سفر با همتای روس خود دیدار کرد و گفت که دو کشور برای گسترش روابط تجاری برنامه‌های تازه‌ای دارند.',
      'به گفته سخنگوی وزارت، این دیدار بخشی از تلاش‌های دولت برای افزایش صادرات غیرنفتی است و نتایج آن بزودی روشن می‌شود.',
      'کارشناسان می‌گویند که تحریم‌ها هنوز مانع بزرگی برای تجارت میان دو کشور به شمار می‌رود و راه درازی در پیش است.',
    ];
    const doc = parse(
      page(
        `<article><h1>سفر وزیر به مسکو</h1>${fa.map((s) => `<p>${s} ${s}</p>`).join('')}</article>`,
        '<title>سفر وزیر به مسکو</title><meta property="og:type" content="article">',
      ),
    );
    const d = detect(doc);
    expect(d.language).toBe('fa');
    expect(d.isArabic).toBe(false);
    expect(d.isArticle).toBe(true);
  });
});

describe('detect never throws on odd documents', () => {
  const negative = { isArticle: false };
  it('empty documents', () => {
    expect(detect(parse(''))).toMatchObject({ ...negative, language: 'und' });
    expect(detect(document.implementation.createHTMLDocument(''))).toMatchObject(negative);
    expect(detect(document.implementation.createDocument(null, null))).toMatchObject(negative);
  });

  it('a frameset', () => {
    const doc = parse(
      '<html lang="ar"><head><title>إطارات</title><meta property="og:type" content="article"></head>' +
        '<frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>',
    );
    expect(detect(doc)).toMatchObject(negative);
  });

  it('an SVG document', () => {
    const doc = parse(
      `<svg xmlns="http://www.w3.org/2000/svg"><title>مرحبا</title><text>${arText(0, 4)}</text></svg>`,
      'image/svg+xml',
    );
    expect(detect(doc)).toMatchObject(negative);
  });

  it('a text/plain-like document of one <pre>', () => {
    const doc = parse(
      `<html><head></head><body><pre>${arText(0, 6)}\n\n${arText(2, 6)}\n\n${arText(4, 6)}</pre></body></html>`,
    );
    const d = detect(doc);
    expect(d).toMatchObject(negative);
    expect(d.language).toBe('ar');
  });

  it('a document whose DOM calls throw', () => {
    const hostile = {
      get body(): never {
        throw new Error('boom');
      },
    } as unknown as Document;
    expect(detect(hostile)).toEqual({
      isArticle: false,
      isArabic: false,
      language: 'und',
      signals: ['error'],
    });
  });
});

describe('readMetadata', () => {
  const types = (jsonLd: string): string[] => {
    const signals: string[] = [];
    readMetadata(parse(page('', `<script type="application/ld+json">${jsonLd}</script>`)), signals);
    return signals;
  };

  it('finds article types at the top level, in arrays, in @graph and as mainEntity', () => {
    expect(types('{"@type":"NewsArticle"}')).toEqual(['jsonld:NewsArticle']);
    expect(types('[{"@type":"WebSite"},{"@type":"BlogPosting"}]')).toEqual(['jsonld:BlogPosting']);
    expect(types('{"@graph":[{"@type":"WebPage"},{"@type":["LiveBlogPosting"]}]}')).toEqual([
      'jsonld:LiveBlogPosting',
    ]);
    expect(types('{"@type":"WebPage","mainEntity":{"@type":"Article"}}')).toEqual([
      'jsonld:Article',
    ]);
    expect(types('{"@type":"http://schema.org/ReportageNewsArticle"}')).toEqual([
      'jsonld:ReportageNewsArticle',
    ]);
  });

  it('reads JSON-LD wrapped in CDATA or comments, and survives broken JSON', () => {
    expect(types('<![CDATA[ {"@type":"NewsArticle"} ]]>')).toEqual(['jsonld:NewsArticle']);
    expect(types('<!-- {"@type":"NewsArticle"} -->')).toEqual(['jsonld:NewsArticle']);
    expect(types('{"@type":"NewsArticle",')).toEqual([]);
    expect(types('')).toEqual([]);
  });

  it('reads a long JSON-LD between script comments, and skips JSON-LD naming no type of interest', () => {
    const body = 'نص المقال '.repeat(5000);
    expect(types(`//<![CDATA[\n{"@type":"NewsArticle","articleBody":"${body}"}\n//]]>`)).toEqual([
      'jsonld:NewsArticle',
    ]);
    expect(types('{"@type":"BreadcrumbList","itemListElement":[]}')).toEqual([]);
    expect(types('{"@type":"Organization","name":"Article"}')).toEqual([]);
  });

  it('does not take a list of articles for an article', () => {
    const signals: string[] = [];
    const meta = readMetadata(
      parse(
        page(
          '',
          '<script type="application/ld+json">{"@type":"CollectionPage","hasPart":[{"@type":"NewsArticle"}]}</script>',
        ),
      ),
      signals,
    );
    expect(meta).toEqual({ score: 0, structured: false, list: true });
    expect(signals).toEqual(['jsonld:CollectionPage']);
  });
});

describe('judgeLanguage', () => {
  it('judges a Persian page with a longer English abstract Persian, not undetermined', () => {
    const persian =
      'این مطالعه رابطه بین توسعه مالی سطح استان و هزینه دارایی ویژه در چین را بررسی می کند و نتایج آن نشان می دهد که';
    const english =
      'This study examines the relation between provincial financial development and the cost of equity capital in China. '.repeat(
        3,
      );
    expect(judgeLanguage(`${persian}\n${english}`)).toBe('fa');
    // Only a few Arabic-script words in an English text do not make it Arabic-script.
    expect(judgeLanguage(`${english} ${english} قال`)).toBe('und');
  });

  it('tells Arabic, Persian and Urdu apart from short samples', () => {
    expect(
      judgeLanguage('قال الوزير إن الحكومة ستعمل على تحسين الخدمات في المدينة خلال العام المقبل'),
    ).toBe('ar');
    expect(
      judgeLanguage('وزیر گفت که دولت برای بهبود خدمات در شهر تلاش می‌کند و این کار ادامه دارد'),
    ).toBe('fa');
    expect(
      judgeLanguage('وزیر نے کہا کہ حکومت شہر میں خدمات کو بہتر بنانے کے لیے کام کر رہی ہے'),
    ).toBe('ur');
  });

  it('names Pashto and Sorani Kurdish by their own letters', () => {
    expect(judgeLanguage('زه په کابل کې اوسېږم او هره ورځ ښوونځي ته ځم')).toBe('ps');
    expect(judgeLanguage('من لە هەولێر دەژیم و بە کوردی قسە دەکەم')).toBe('ckb');
  });

  it('recognizes Persian typed with Arabic yeh and kaf by its words', () => {
    const fa =
      'وزیر گفت که دولت برای بهبود خدمات در شهر تلاش می‌کند و این کار ادامه دارد و از مردم خواست صبر کنند';
    expect(judgeLanguage(fa.replace(/ی/g, 'ي').replace(/ک/g, 'ك'))).toBe('fa');
  });

  it('reads presentation forms as letters', () => {
    // Initial forms of پ گ ی: Persian evidence only once folded back to letters.
    expect(judgeLanguage('\uFB58\uFB94\uFBFE '.repeat(4))).toBe('fa');
  });

  it('lets the lang hint decide only what the text leaves open', () => {
    expect(judgeLanguage('خبر عاجل', { hint: 'fa' })).toBe('fa');
    expect(judgeLanguage('خبر عاجل', { hint: 'ar' })).toBe('ar');
    expect(
      judgeLanguage('قال الوزير إن الحكومة ستعمل على تحسين الخدمات في المدينة', { hint: 'fa' }),
    ).toBe('ar');
  });

  it('answers und, the hint or the hook for text in other scripts', () => {
    expect(judgeLanguage('The quick brown fox')).toBe('und');
    expect(judgeLanguage('The quick brown fox', { hint: 'en' })).toBe('en');
    expect(judgeLanguage('The quick brown fox', { hint: 'ar' })).toBe('und');
    expect(judgeLanguage('Le renard', { detectLanguage: () => 'fr' })).toBe('fr');
    expect(judgeLanguage('')).toBe('und');
  });
});
