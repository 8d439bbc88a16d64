import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '@/lib/extract';
import { classifyLabel, removeClutter } from '@/lib/extract/clutter';
import { loadHtml } from './extract-pages';

const PROSE =
  'قال وزير الخارجية في مؤتمر صحفي إن المحادثات ستستمر الأسبوع المقبل، مؤكدا أن الطرفين متفقان على أهمية التهدئة.';
const PROSE2 =
  'وأضاف المتحدث أن الحكومة تدرس مقترحات جديدة لتحسين الخدمات العامة في المدن الكبرى خلال العام الحالي.';

function body(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

function clean(html: string, title: string | null = null): HTMLElement {
  const root = body(html);
  removeClutter(root, title);
  return root;
}

describe('removeClutter keeps prose', () => {
  it('keeps a paragraph that merely contains "إعلان" in a sentence', () => {
    const sentence =
      'وجاء إعلان الحكومة عن الخطة الجديدة بعد أسابيع من المشاورات مع الأحزاب والنقابات.';
    const root = clean(`<p>${PROSE}</p><p>${sentence}</p>`);
    expect(root.textContent).toContain(sentence);
  });

  it('keeps an inline bold "إعلان" or a year inside a sentence', () => {
    const root = clean(
      `<p>تم <b>إعلان</b> النتائج في <span>2024</span> بعد تأخير طويل بسبب الطعون المقدمة.</p><p>${PROSE}</p>`,
    );
    expect(root.textContent).toContain('تم إعلان النتائج في 2024');
  });

  it('keeps prose that starts with a label word but is a finished sentence', () => {
    const s1 = 'شارك آلاف المتظاهرين في المسيرة.';
    const s2 = 'اشترك أكثر من مئتي شخص في الوقفة الاحتجاجية.';
    const root = clean(`<p>${s1}</p><p>${s2}</p><p>${PROSE}</p>`);
    expect(root.textContent).toContain(s1);
    expect(root.textContent).toContain(s2);
  });

  it('keeps a sentence saying statements do not reflect an opinion (one policy marker is not enough)', () => {
    const s = 'وأكد المتحدث أن هذه التصريحات لا تعبر عن رأي الحكومة الرسمي في القضية المطروحة.';
    expect(clean(`<p>${s}</p><p>${PROSE}</p>`).textContent).toContain(s);
  });
});

describe('removeClutter removes Arabic clutter', () => {
  it('removes ad labels, whole-block only', () => {
    for (const label of ['إعلان', '- إعلان -', 'اعلان', 'Advertisement']) {
      const root = clean(`<p>${PROSE}</p><div><span>${label}</span></div><p>${PROSE2}</p>`);
      expect(root.textContent).not.toContain(label.replace(/-/g, '').trim());
      expect(root.textContent).toContain(PROSE2);
    }
  });

  it('removes "اقرأ أيضا" links and lists in all spellings', () => {
    for (const label of ['اقرأ أيضا', 'اقرأ أيضًا', 'اقرأ ايضا', 'إقرأ أيضاً']) {
      const root = clean(
        `<p>${PROSE}</p><p><strong>${label}:</strong> <a href="/x">عنوان مقال آخر عن الموضوع</a></p>` +
          `<h3>${label}</h3><ul><li><a href="/a">خبر أول</a></li><li><a href="/b">خبر ثان</a></li></ul><p>${PROSE2}</p>`,
      );
      expect(root.textContent).not.toContain(label);
      expect(root.textContent).not.toContain('خبر أول');
      expect(root.textContent).not.toContain('عنوان مقال آخر');
      expect(root.textContent).toContain(PROSE2);
    }
  });

  it('removes related, suggested and most-read regions with their lists', () => {
    for (const label of [
      'مقالات ذات صلة',
      'قد يهمك',
      'قصص مقترحة',
      'الأكثر قراءة',
      'الأكثر شهرة',
    ]) {
      const root = clean(
        `<p>${PROSE}</p><div><h4><span>${label}</span></h4><div><h3><a href="/r1">قمة مرتقبة في بكين</a></h3>` +
          `<h3><a href="/r2">سيول تحتج على التعاون</a></h3></div></div><p>${PROSE2}</p>`,
      );
      expect(root.textContent).not.toContain(label);
      expect(root.textContent).not.toContain('قمة مرتقبة');
      expect(root.textContent).toContain(PROSE);
      expect(root.textContent).toContain(PROSE2);
    }
  });

  it('removes a share or follow line that lists networks at the end of the body', () => {
    for (const line of [
      'شارك المقال: فيسبوك · تويتر · تيليغرام',
      'شارك الخبر عبر واتساب / فيسبوك / X',
      'تابعونا على فيسبوك وتويتر وإنستغرام',
      'Share this article: Facebook · Twitter · WhatsApp',
    ]) {
      const root = clean(`<p>${PROSE}</p><p>${PROSE2}</p><div>${line}</div>`);
      expect(root.textContent, line).not.toContain(line.slice(0, 8));
      expect(root.textContent).toContain(PROSE2);
    }
  });

  it('ends the sample article with its last paragraph, not its share line', () => {
    const html = readFileSync(join(import.meta.dirname, '../pages/sample-article.html'), 'utf8');
    const page = loadHtml(html, 'https://news.example/culture/libraries');
    try {
      const res = extract(page.document as unknown as Document);
      expect(res.ok).toBe(true);
      if (res.ok) expect(res.article.text).not.toContain('شارك المقال');
    } finally {
      page.close();
    }
  });

  it('keeps a sentence that names the networks', () => {
    const sentence = 'شارك المقال آلاف القراء على فيسبوك وتويتر خلال ساعات من نشره.';
    const root = clean(`<p>${PROSE}</p><p>${sentence}</p>`);
    expect(root.textContent).toContain(sentence);
  });

  it('removes share and follow prompts', () => {
    const root = clean(
      `<p>${PROSE}</p><div><a href="https://facebook.example/s">شارك على فيسبوك</a><a href="https://twitter.example/t">غرد على تويتر</a></div>` +
        `<p>تابعونا</p><p>شارك</p><p>${PROSE2}</p>`,
    );
    expect(root.textContent).not.toMatch(/شارك|تابعونا|غرد/);
    expect(root.textContent).toContain(PROSE2);
  });

  it('removes comment forms, comment titles and comment policies', () => {
    const root = clean(
      `<p>${PROSE}</p><h4><span>ترك الرد</span></h4><h3>اترك تعليقا</h3>` +
        '<form><textarea></textarea><div>من فضلك ادخل تعليقك</div><input type="submit" value="إرسال"></form>' +
        '<div><p>ترحب الشبكة بالنقاش، وكي لا نضطر إلى مراجعة التعليقات قبل نشرها ننصحك بمراجعة إرشادات الاستخدام.</p>' +
        '<p>الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.</p></div>',
    );
    expect(root.textContent).not.toMatch(
      /ترك الرد|اترك تعليقا|ادخل تعليقك|الآراء الواردة|إرشادات الاستخدام/,
    );
    expect(root.textContent).toContain(PROSE);
  });

  it('removes app-download blocks', () => {
    const root = clean(
      `<p>${PROSE}</p><div><p>حمل الآن تطبيق القناة للهواتف المحمولة</p><p>للإطلاع على آخر الأخبار</p>` +
        '<div><p>Google Play</p></div><div><p>App Store</p></div></div>',
    );
    expect(root.textContent).not.toMatch(/حمل الآن|Google Play|App Store/);
    expect(root.textContent).toContain(PROSE);
  });

  it('removes image credits but keeps the picture and its caption', () => {
    const root = clean(
      '<figure><div><img src="https://img.example/a.jpg" alt="صورة"><p><span>مصدر الصورة،</span> <span>Getty Images</span></p></div>' +
        '<figcaption><span>التعليق على الصورة،</span><p>متظاهرون في وسط المدينة</p></figcaption></figure>' +
        `<p>${PROSE}</p><p>Getty Images</p><p>AFP via Getty Images</p>`,
    );
    expect(root.querySelector('img')).not.toBeNull();
    expect(root.textContent).toContain('متظاهرون في وسط المدينة');
    expect(root.textContent).not.toMatch(/مصدر الصورة|Getty|التعليق على الصورة/);
  });

  it('removes byline, date and view-count lines glued to the text', () => {
    const root = clean(
      '<p>الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)</p><p>بقلم: أحمد محمود</p>' +
        '<ul><li>Author, كايلا إبستين</li><li>Role, بي بي سي نيوز</li></ul>' +
        `<p>1342 مشاهدة</p><p>مشاهدات عالية</p><p>2 min</p><p>${PROSE}</p>`,
    );
    expect(root.textContent).not.toMatch(/آب|بقلم|Author|Role|مشاهد|min/);
    expect(root.textContent).toContain(PROSE);
  });

  it('removes prev/next article links', () => {
    const root = clean(
      `<p>${PROSE}</p><div><div><span>المقال السابق</span><a href="/p">جولة جديدة من المحادثات</a></div>` +
        '<div><span>المقال التالي</span><a href="/n">أسعار النفط ترتفع</a></div></div>',
    );
    expect(root.textContent).not.toMatch(/المقال السابق|المقال التالي|جولة جديدة|أسعار النفط/);
  });

  it('removes headings and lines that repeat the title, but not prose mentioning it', () => {
    const title = 'وزير الخارجية الروسي يجتمع بكيم جونغ أون';
    const root = clean(
      `<h1>${title}</h1><p><span>"${title}"</span></p><p>${PROSE}</p><h2>${title}</h2><p>${PROSE2}</p>`,
      title,
    );
    expect(root.querySelectorAll('h1, h2')).toHaveLength(0);
    expect(root.textContent).not.toContain('يجتمع بكيم');
    expect(root.textContent).toContain(PROSE2);
  });

  it('removes elements marked as clutter by class, tiny tracking images and ad images', () => {
    const root = clean(
      `<p>${PROSE}</p><div class="td-post-sharing"><a href="/s">facebook</a></div>` +
        '<div class="article_details_tags"><h3><a href="/tag/x"></a>منوعات</h3></div>' +
        '<p><img src="https://x.example/pixel.gif" width="1" height="1"></p><p><img src="https://x.example/misc/advertisement.gif"></p>' +
        `<p><img src="https://img.example/photo.jpg"></p><p>${PROSE2}</p>`,
    );
    expect(root.textContent).not.toMatch(/facebook|منوعات/);
    expect(Array.from(root.querySelectorAll('img')).map((i) => i.getAttribute('src'))).toEqual([
      'https://img.example/photo.jpg',
    ]);
  });

  it('drops page furniture after the marked-up article body, not the body', () => {
    const root = clean(
      `<div><div itemprop="articleBody"><p>${PROSE}</p><p>${PROSE2}</p></div>` +
        '<div><p>إشترك لمشاهدة الفيديوهات</p></div><div><p><img src="https://x.example/card.jpg" alt="خبر آخر"></p><p>0</p></div></div>',
    );
    expect(root.textContent).toContain(PROSE);
    expect(root.textContent).toContain(PROSE2);
    expect(root.textContent).not.toContain('إشترك');
    expect(root.querySelector('img')).toBeNull();
  });
});

describe('classifyLabel', () => {
  it('matches whole labels and short prefixed labels, never long prose', () => {
    expect(classifyLabel('اقرأ أيضاً')).toBe('region');
    expect(classifyLabel('قصص مقترحة نهاية')).toBe('region');
    expect(classifyLabel('تخطى قصص مقترحة وواصل القراءة')).toBe('region');
    expect(classifyLabel('إعلان')).toBe('line');
    expect(classifyLabel('مصدر الصورة، رويترز')).toBe('line');
    expect(classifyLabel(PROSE)).toBeNull();
    expect(classifyLabel('إعلان الحكومة عن الخطة الجديدة جاء متأخرا.')).toBeNull();
  });
});
