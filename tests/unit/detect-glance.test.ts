/**
 * The glance: what the always-on script reads of a page before it knows whether the page is
 * Arabic. An Arabic-script title that names another language is all it reads; an Arabic page's
 * prose is read once, for the glance and the detection both.
 */
import { detect, glance } from '@/lib/detect';
import { otherTitleLanguage } from '@/lib/detect/language';

const PARAGRAPH =
  'قال وزير الخارجية إن المحادثات التي جرت في العاصمة خلال الأسبوع الماضي كانت مثمرة، وإن الطرفين اتفقا على مواصلة الحوار في الشهر المقبل بحضور ممثلين عن الدول المعنية. ';
const ARABIC = `<html lang="ar"><head><title>وزير الخارجية: المحادثات كانت مثمرة</title>
  <meta property="og:type" content="article"></head><body><nav><a href="/">الرئيسية</a></nav>
  <article><h1>وزير الخارجية: المحادثات كانت مثمرة</h1>${`<p>${PARAGRAPH.repeat(2)}</p>`.repeat(6)}</article></body></html>`;
const PERSIAN_BODY = `<article>${'<p>وزیر گفت که دولت برای بهبود خدمات در شهر تلاش می‌کند و این کار ادامه دارد و از مردم خواست صبر کنند. </p>'.repeat(6)}</article>`;

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Counts the reads of a page's text: tree walks, and lookups of the body's paragraphs. */
function countReads(doc: Document): { walks: number; paragraphs: number } {
  const reads = { walks: 0, paragraphs: 0 };
  const walker = doc.createTreeWalker.bind(doc);
  doc.createTreeWalker = ((...args: Parameters<Document['createTreeWalker']>) => {
    reads.walks++;
    return walker(...args);
  }) as Document['createTreeWalker'];
  const body = doc.body;
  const byTag = body.getElementsByTagName.bind(body);
  body.getElementsByTagName = ((tag: string) => {
    if (tag === 'p') reads.paragraphs++;
    return byTag(tag);
  }) as Element['getElementsByTagName'];
  const query = body.querySelectorAll.bind(body);
  body.querySelectorAll = ((selectors: string) => {
    if (selectors.split(',').some((s) => s.trim() === 'p')) reads.paragraphs++;
    return query(selectors);
  }) as Element['querySelectorAll'];
  return reads;
}

describe('otherTitleLanguage', () => {
  it.each([
    ['طارمی تا میلان اشک ریخت (عکس) | ورزش سه', 'fa'],
    ['محرومیت مربی استقلال به حالت تعلیق درآمد', 'fa'],
    ['سانحہ مری کیس: عدالت نے کمشنر راولپنڈی کو طلب کر لیا', 'ur'],
    ['زه په کابل کې اوسېږم او هره ورځ ښوونځي ته ځم', 'ps'],
  ])('names the language of %s', (title, language) => {
    expect(otherTitleLanguage(title)).toBe(language);
  });

  it.each([
    'وزير الخارجية: المحادثات كانت مثمرة',
    'مصر تسجل 30 إصابة جديدة وحالتي وفاة بفيروس كورونا',
    // A name with Persian letters in an Arabic headline.
    'بوتين يلتقي جيفارا في پاريس',
    // Persian typed with one Arabic yeh: the text decides.
    'خبرگزاری آريا - ورود 50 هزار میلیارد تومان',
    'Breaking news',
  ])('leaves %s to the text', (title) => {
    expect(otherTitleLanguage(title)).toBeNull();
  });
});

describe('glance', () => {
  it('reads no text of a page whose title names another Arabic-script language', () => {
    const doc = load(
      `<html><head><title>محرومیت مربی استقلال به حالت تعلیق درآمد</title></head><body>${PERSIAN_BODY}</body></html>`,
    );
    const reads = countReads(doc);
    expect(glance(doc)?.language).toBe('fa');
    expect(reads).toEqual({ walks: 0, paragraphs: 0 });
  });

  it('judges a Persian page by its text when its title does not tell', () => {
    const doc = load(
      `<html><head><title>خبرگزاری آريا</title></head><body>${PERSIAN_BODY}</body></html>`,
    );
    const reads = countReads(doc);
    expect(glance(doc)?.language).toBe('fa');
    expect(reads.paragraphs).toBe(1);
  });

  it("reads an Arabic article's prose once, for the glance and the detection", () => {
    const doc = load(ARABIC);
    const reads = countReads(doc);
    const seen = glance(doc);
    expect(seen?.language).toBe('ar');
    const detection = detect(doc, {}, seen);
    expect(reads).toEqual({ walks: 0, paragraphs: 1 });
    expect(detection).toMatchObject({ isArticle: true, isArabic: true, language: 'ar' });
    // The same verdict as a detection that takes its own glance.
    expect(detect(load(ARABIC))).toEqual(detection);
  });

  it('adds the first text to a short prose sample', () => {
    const doc = load(
      `<html><head><title>أخبار اليوم</title></head><body><div>${PARAGRAPH.repeat(3)}</div><p>${PARAGRAPH.slice(0, 120)}</p></body></html>`,
    );
    const reads = countReads(doc);
    const seen = glance(doc);
    expect(seen?.language).toBe('ar');
    expect(reads.walks).toBe(1);
    expect(seen?.text).toContain(PARAGRAPH.trim().slice(0, 40));
  });
});
