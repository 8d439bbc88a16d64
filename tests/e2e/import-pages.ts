/**
 * Generated loopback pages for the import test and benchmark: distinct Arabic news articles (each
 * title from a topic and an angle, each body naming one city found in no other page, so a search
 * for it proves the body was fetched and indexed), a page that is only a list of links, and a
 * Pocket HTML export listing them.
 */
import type { ServerResponse } from 'node:http';
import { seededRandom } from '../../lib/random';

const TOPICS = [
  'أسواق الخضار',
  'مدارس الأطفال',
  'حدائق الأحياء',
  'ورش النجارة',
  'مستشفيات الريف',
  'ملاعب الشباب',
  'مصانع النسيج',
  'مزارع الزيتون',
  'موانئ الصيد',
  'مخابز الفجر',
];

const ANGLES = [
  'تستعد لموسم جديد',
  'بين الأمس واليوم',
  'في عيون سكانها',
  'تواجه تحديات الشتاء',
  'تفتح أبوابها للزوار',
];

/** One city per page, named in its body only. Long names: no one is a prefix of another word. */
export const CITIES = [
  'الإسكندرية',
  'قسنطينة',
  'طنجة',
  'الإسماعيلية',
  'نواكشوط',
  'القيروان',
  'تلمسان',
  'مراكش',
  'بنغازي',
  'مصراتة',
  'صفاقس',
  'أمدرمان',
  'المنصورة',
  'دمياط',
  'بورسعيد',
  'الخرطوم',
  'وهران',
  'عنابة',
  'مكناس',
  'أكادير',
  'اللاذقية',
  'نابلس',
  'الخليل',
  'البصرة',
  'الموصل',
  'أربيل',
  'المنامة',
  'صلالة',
  'الدمام',
  'المكلا',
  'الشارقة',
  'العقبة',
  'طبرق',
  'سبها',
  'بسكرة',
  'غرداية',
  'ورزازات',
  'الحسيمة',
  'تطوان',
  'المحمدية',
  'الزقازيق',
  'الفيوم',
  'سوهاج',
  'الأقصر',
  'كسلا',
  'عطبرة',
  'نزوى',
  'الفجيرة',
  'الطائف',
  'تبوك',
];

const SENTENCES = [
  'وقال مسؤولون محليون إن العمل بدأ منذ أشهر بمشاركة واسعة من السكان والمتطوعين.',
  'ويرى باحثون أن التجربة تستحق الدراسة لأنها تجمع بين الجهد الأهلي ودعم البلدية.',
  'وتشير أرقام رسمية إلى ارتفاع عدد المستفيدين بنسبة كبيرة مقارنة بالعام الماضي.',
  'ويأمل القائمون على المشروع أن يتوسع ليشمل أحياء أخرى خلال السنوات المقبلة.',
  'وتحدث عدد من الأهالي عن أثر التغيير في حياتهم اليومية وفي علاقاتهم بجيرانهم.',
  'ولا تخلو التجربة من صعوبات، أبرزها نقص التمويل وارتفاع تكاليف الصيانة.',
  'وتعمل فرق صغيرة على تنظيم الأنشطة في المساء بعد انتهاء ساعات العمل الرسمية.',
  'ويقول أحد المشاركين إن النجاح يعتمد على الثقة بين الناس أكثر من أي شيء آخر.',
  'وفي الأسابيع الأخيرة زار المكان وفد من الجامعة لتوثيق التجربة ونشر نتائجها.',
  'وتخطط الجهات المعنية لإطلاق برنامج تدريبي يستهدف الشباب الباحثين عن عمل.',
  'ويؤكد خبراء أن الاستدامة تتطلب خطة واضحة وشراكة طويلة مع القطاع الخاص.',
  'وتبقى الأسئلة مطروحة حول قدرة المبادرة على الصمود أمام تقلبات الاقتصاد.',
  'وقد شهدت الساحة المجاورة حركة لافتة مع عودة الباعة والزوار في عطلة نهاية الأسبوع.',
  'ويستعيد كبار السن ذكريات الماضي حين كانت الحياة أبسط والعلاقات أقرب.',
];

const SECTION_HEADINGS = ['بداية الفكرة', 'أرقام ونتائج', 'ما بعد التجربة', 'أصوات من الميدان'];

export interface ArticlePage {
  path: string;
  title: string;
  /** The word only this page's body holds. */
  keyword: string;
  html: string;
}

function paragraph(rand: () => number, keyword: string | null): string {
  const n = 2 + Math.floor(rand() * 2);
  const parts = Array.from({ length: n }, () => SENTENCES[Math.floor(rand() * SENTENCES.length)]!);
  if (keyword) parts.splice(1, 0, `وفي ${keyword} تحديدًا بات المشهد مختلفًا عما كان عليه.`);
  return `<p>${parts.join(' ')}</p>`;
}

export function articleTitle(i: number): string {
  const base = `${TOPICS[i % TOPICS.length]} ${ANGLES[Math.floor(i / TOPICS.length) % ANGLES.length]}`;
  const round = Math.floor(i / (TOPICS.length * ANGLES.length));
  return round ? `${base} (${round + 1})` : base;
}

/** The `i`-th article page: a news page with header, navigation, sections and a side column. */
export function articlePage(i: number, path = `/import/article-${i}.html`): ArticlePage {
  const rand = seededRandom(i + 1);
  const title = articleTitle(i);
  const keyword = CITIES[i % CITIES.length]!;
  const paragraphs: string[] = [];
  for (let p = 0; p < 7; p++) {
    if (p === 3) paragraphs.push(`<h2>${SECTION_HEADINGS[i % SECTION_HEADINGS.length]}</h2>`);
    paragraphs.push(paragraph(rand, p === 0 || p === 4 ? keyword : null));
  }
  const html = `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${title} - صحيفة الأحياء</title>
<meta property="og:type" content="article">
<meta property="og:title" content="${title}">
<meta property="og:site_name" content="صحيفة الأحياء">
</head>
<body>
<header><nav><a href="/">الرئيسية</a> | <a href="/local">محليات</a> | <a href="/economy">اقتصاد</a></nav></header>
<main>
<article>
<h1>${title}</h1>
<div class="meta">بقلم <span class="author">فريق التحرير</span> · <time datetime="2025-06-${String((i % 28) + 1).padStart(2, '0')}">يونيو ٢٠٢٥</time></div>
${paragraphs.join('\n')}
</article>
</main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">خبر آخر</a></li><li><a href="/b">تقرير آخر</a></li></ul></aside>
<footer>جميع الحقوق محفوظة</footer>
</body>
</html>`;
  return { path, title, keyword, html };
}

/** A section front: nothing but links, which is not an article. */
export function linkListPage(): string {
  const links = Array.from(
    { length: 40 },
    (_, i) => `<li><a href="/section/${i}">${articleTitle(i)}</a></li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>أخبار الأقسام</title></head>
<body><header><nav><a href="/">الرئيسية</a></nav></header>
<main><h1>أخبار الأقسام</h1><ul>${links}</ul></main></body></html>`;
}

export function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

export interface ExportLink {
  url: string;
  title: string;
  archived?: boolean;
  tags?: string[];
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A Pocket HTML export (`ril_export.html`) of `links`. */
export function pocketExport(links: readonly ExportLink[], addedAt = 1_700_000_000): string {
  const item = (l: ExportLink, i: number) =>
    `<li><a href="${escapeHtml(l.url)}" time_added="${addedAt + i * 60}" tags="${escapeHtml((l.tags ?? []).join(','))}">${escapeHtml(l.title)}</a></li>`;
  const list = (archived: boolean) =>
    links
      .map((l, i) => (!!l.archived === archived ? item(l, i) : ''))
      .filter(Boolean)
      .join('\n');
  return `<!DOCTYPE html>
<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>Pocket Export</title></head>
<body>
<h1>Unread</h1>
<ul>
${list(false)}
</ul>

<h1>Read Archive</h1>
<ul>
${list(true)}
</ul>
</body>
</html>`;
}
