import { readMetadata, stripSiteName } from '@/lib/extract/metadata';
import { loadHtml, type LoadedPage } from './extract-pages';

const URL = 'https://www.site.example/news/1';
const open: LoadedPage[] = [];
function doc(head: string, body = '<p>نص</p>'): Document {
  const p = loadHtml(`<html><head>${head}</head><body>${body}</body></html>`, URL);
  open.push(p);
  return p.document;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
});

describe('stripSiteName', () => {
  it('drops a trailing or leading site name', () => {
    expect(stripSiteName('معارضون يسيطرون على مخازن - CNNArabic.com', ['CNNArabic'])).toBe(
      'معارضون يسيطرون على مخازن',
    );
    expect(stripSiteName('حوار مع الناشط - الصباح | Assabah', ['Assabah News', 'الصباح'])).toBe(
      'حوار مع الناشط',
    );
    expect(stripSiteName('الصباح | حوار مع الناشط', ['الصباح'])).toBe('حوار مع الناشط');
    expect(stripSiteName('عنوان الخبر - BBC News عربي', ['BBC News عربي'])).toBe('عنوان الخبر');
  });

  it('drops a short Latin brand after an Arabic headline even without a known site name', () => {
    expect(stripSiteName('انتخابات جديدة في البلاد | CNN Arabic', [])).toBe(
      'انتخابات جديدة في البلاد',
    );
  });

  it('keeps separators that belong to the headline', () => {
    expect(stripSiteName('روسيا - أوكرانيا: جولة جديدة من المحادثات', ['أخبار اليوم'])).toBe(
      'روسيا - أوكرانيا: جولة جديدة من المحادثات',
    );
    expect(stripSiteName('الناشط لـ«الصباح»:  كل الشروط متوفرة', ['الصباح'])).toBe(
      'الناشط لـ«الصباح»: كل الشروط متوفرة',
    );
  });
});

describe('readMetadata', () => {
  it('prefers og:title, then JSON-LD headline, h1 and the document title, site name removed', () => {
    expect(
      readMetadata(
        doc('<title>عنوان الخبر - موقعنا</title><meta property="og:site_name" content="موقعنا">'),
        URL,
        URL,
      ).title,
    ).toBe('عنوان الخبر');
    expect(
      readMetadata(
        doc('<title>x - موقعنا</title>', '<article><h1>العنوان من الرأس</h1></article>'),
        URL,
        URL,
      ).title,
    ).toBe('العنوان من الرأس');
    const ld =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان من JSON-LD"}</script>';
    expect(readMetadata(doc(`<title>t</title>${ld}`), URL, URL).title).toBe('عنوان من JSON-LD');
    expect(
      readMetadata(doc(`<meta property="og:title" content="عنوان og">${ld}`), URL, URL).title,
    ).toBe('عنوان og');
  });

  it('reads the date from JSON-LD (in @graph, CDATA-wrapped), meta, or <time datetime>', () => {
    const graph =
      '<script type="application/ld+json"><![CDATA[{"@graph":[{"@type":"WebSite","name":"س"},{"@type":["NewsArticle"],"datePublished":"2024-03-03T13:52:13Z","author":[{"name":"كاتب أول"},{"name":"كاتب ثان"}]}]}]]></script>';
    const m = readMetadata(doc(graph), URL, URL);
    expect(m.published).toBe('2024-03-03T13:52:13Z');
    expect(m.byline).toBe('كاتب أول، كاتب ثان');
    expect(
      readMetadata(
        doc('<meta property="article:published_time" content="2025-07-13T09:41:00+03:00">'),
        URL,
        URL,
      ).published,
    ).toBe('2025-07-13T09:41:00+03:00');
    expect(
      readMetadata(doc('<meta name="pubdate" content="2020-05-01">'), URL, URL).published,
    ).toBe('2020-05-01');
    expect(
      readMetadata(
        doc('', '<article><time datetime="2021-02-03T10:00:00Z">أمس</time></article>'),
        URL,
        URL,
      ).published,
    ).toBe('2021-02-03T10:00:00Z');
  });

  it('falls back to a date written in Arabic in a date element, the article’s before the sidebar’s', () => {
    const m = readMetadata(
      doc(
        '',
        '<div class="td_data_time">السبت, يوليو 19, 2025</div><article><div class="cnn_strytmstmp">الأربعاء، 28 آب/اغسطس 2013</div></article>',
      ),
      URL,
      URL,
    );
    expect(m.published).toBeNull();
    expect(m.publishedFromText).toBe('2013-08-28');
  });

  it('does not guess a relative date', () => {
    const m = readMetadata(
      doc('', '<article><span class="date">منذ ساعتين</span></article>'),
      URL,
      URL,
    );
    expect(m.published).toBeNull();
    expect(m.publishedFromText).toBeNull();
  });

  it('rejects URL and site-name bylines, and makes the lead image absolute', () => {
    const m = readMetadata(
      doc(
        '<meta property="og:site_name" content="LBCI Lebanon"><meta name="author" content="LBCI"><meta name="article:author" content="https://facebook.com/x"><meta property="og:image" content="/img/lead.jpg">',
      ),
      URL,
      'https://cdn.site.example/base/',
    );
    expect(m.byline).toBeNull();
    expect(m.siteName).toBe('LBCI Lebanon');
    expect(m.leadImage).toBe('https://cdn.site.example/img/lead.jpg');
  });

  it('names the site as it names itself when og:site_name is a raw code', () => {
    const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
    const publisher = ld({
      '@type': 'NewsArticle',
      headline: 'عنوان',
      publisher: { '@type': 'Organization', name: 'Example Lebanon' },
    });
    const raw = '<meta property="og:site_name" content="EXAMPLEV7">';
    expect(readMetadata(doc(raw + publisher), URL, URL).siteName).toBe('Example Lebanon');
    const website = ld({ '@type': 'WebSite', name: 'موقع المثال' });
    expect(readMetadata(doc(raw + website), URL, URL).siteName).toBe('موقع المثال');
    const app = '<meta name="application-name" content="Example News">';
    expect(
      readMetadata(doc(raw.replace('EXAMPLEV7', 'example_news') + app), URL, URL).siteName,
    ).toBe('Example News');
    // A real name stays, and a code with nothing better stays too.
    const named = '<meta property="og:site_name" content="BBC News عربي">';
    expect(readMetadata(doc(named + publisher), URL, URL).siteName).toBe('BBC News عربي');
    expect(readMetadata(doc(raw), URL, URL).siteName).toBe('EXAMPLEV7');
  });

  it('strips "بقلم" from a byline', () => {
    expect(
      readMetadata(doc('<meta name="author" content="بقلم: سارة أحمد">'), URL, URL).byline,
    ).toBe('سارة أحمد');
  });

  it('survives broken JSON-LD', () => {
    const m = readMetadata(
      doc(
        '<script type="application/ld+json">{"@type": "NewsArticle", broken</script><title>عنوان</title>',
      ),
      URL,
      URL,
    );
    expect(m.title).toBe('عنوان');
  });
});

describe('the headline a reader sees', () => {
  const HEADLINE = 'الحكومة توافق على خطة لتوسيع شبكة النقل العام';
  it.each([
    `عاجل | ${HEADLINE}`,
    `تغطية مباشرة | ${HEADLINE}`,
    `فيديو.. ${HEADLINE}`,
    `خاص - ${HEADLINE}`,
    `${HEADLINE} (بالصور)`,
    `${HEADLINE} - بالصور`,
  ])('drops the label of og:title %s', (ogTitle) => {
    const d = doc(`<meta property="og:title" content="${ogTitle}">`);
    expect(readMetadata(d, URL, URL).title).toBe(HEADLINE);
  });

  it('keeps a headline that only starts with a label word', () => {
    const d = doc('<meta property="og:title" content="خاص الأطفال بحملة التطعيم">');
    expect(readMetadata(d, URL, URL).title).toBe('خاص الأطفال بحملة التطعيم');
  });
});

describe('bylines that are not a writer', () => {
  it('rejects meta author naming the site by its canonical host (the page may be served elsewhere)', () => {
    const d = doc(
      '<meta name="author" content="akhbarelyom"><meta property="og:url" content="https://akhbarelyom.com/news/1">',
    );
    expect(readMetadata(d, 'http://127.0.0.1:8080/p.html', URL).byline).toBeNull();
  });

  it('rejects a dateline naming the site: (أبوظبي - البيان)', () => {
    const d = doc(
      '<meta name="author" content="(أبوظبي - البيان)"><meta property="og:site_name" content="البيان">',
    );
    expect(readMetadata(d, URL, URL).byline).toBeNull();
  });

  it('reads «كتبت NAME» under the headline, not a hidden microdata account', () => {
    const d = doc(
      '<meta itemprop="author" content="Ziad Sankary">',
      '<article><h1>عنوان الخبر هنا</h1><span class="writeBy">كتبت أسماء نصار</span><p>نص</p>' +
        '<div style="display:none" itemprop="author"><a rel="author" href="/author/z">Ziad Sankary</a></div></article>',
    );
    expect(readMetadata(d, URL, URL).byline).toBe('أسماء نصار');
  });
});
