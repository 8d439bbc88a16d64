import { buildSections, isHeadingLike } from '@/lib/extract/sections';

const TITLE = 'الحكومة تعلن خطة جديدة للنقل العام في العاصمة';
const PROSE =
  'قال وزير النقل في مؤتمر صحفي إن الخطة تشمل خطوط حافلات جديدة ومحطات حديثة في الأحياء الشعبية خلال العام المقبل.';

function root(html: string): HTMLElement {
  const r = document.createElement('div');
  r.innerHTML = html;
  return r;
}

describe('buildSections', () => {
  it('takes real h2–h4 headings in order, with levels relative to the top one and ids set', () => {
    const r = root(
      `<h2>الخلفية</h2><p>${PROSE}</p><h3>تفاصيل الخطة</h3><p>${PROSE}</p><h4>التمويل</h4><p>${PROSE}</p><h5>ملاحظة</h5>`,
    );
    const sections = buildSections(r, TITLE);
    expect(sections).toEqual([
      { id: 'qari-s-1', level: 1, title: 'الخلفية' },
      { id: 'qari-s-2', level: 2, title: 'تفاصيل الخطة' },
      { id: 'qari-s-3', level: 3, title: 'التمويل' },
    ]);
    expect(r.querySelector('h3')?.id).toBe('qari-s-2');
  });

  it('drops an h1 (or any heading) that is the title again, keeps other h1s', () => {
    const r = root(
      `<h1>${TITLE}</h1><p>${PROSE}</p><h1>ردود الفعل</h1><p>${PROSE}</p><h2>«${TITLE}»</h2><p>${PROSE}</p>`,
    );
    expect(buildSections(r, TITLE).map((s) => s.title)).toEqual(['ردود الفعل']);
  });

  it('turns a short paragraph wholly in <strong>/<b> into a real heading', () => {
    const r = root(
      `<p>${PROSE}</p><p><strong>مواقف الأحزاب</strong></p><p>${PROSE}</p><p><b>ردود <i>الشارع</i></b></p><p>${PROSE}</p>`,
    );
    const sections = buildSections(r, TITLE);
    expect(sections.map((s) => s.title)).toEqual(['مواقف الأحزاب', 'ردود الشارع']);
    const hs = Array.from(r.querySelectorAll('h2'));
    expect(hs.map((h) => [h.id, h.textContent])).toEqual([
      ['qari-s-1', 'مواقف الأحزاب'],
      ['qari-s-2', 'ردود الشارع'],
    ]);
    expect(r.querySelectorAll('p strong, p b')).toHaveLength(0);
  });

  it('uses h3 for pseudo-headings when the article already has h2 headings', () => {
    const r = root(
      `<h2>الخلفية</h2><p>${PROSE}</p><p><strong>مواقف الأحزاب</strong></p><p>${PROSE}</p>`,
    );
    expect(buildSections(r, TITLE)).toEqual([
      { id: 'qari-s-1', level: 1, title: 'الخلفية' },
      { id: 'qari-s-2', level: 2, title: 'مواقف الأحزاب' },
    ]);
  });

  it('never makes a single bold word, the title, a bold sentence or a byline a section', () => {
    const r = root(
      `<p><strong>عاجل</strong></p><p>${PROSE}</p><p><b>${TITLE}</b></p><p>${PROSE}</p>` +
        `<p><b>${PROSE}</b></p><p>${PROSE}</p><p><strong>حوار: آسيا العتروس</strong></p><p>${PROSE}</p>` +
        `<p><strong>ما الذي يحدث في البلاد اليوم؟</strong></p><p>${PROSE}</p>`,
    );
    expect(buildSections(r, TITLE)).toEqual([]);
    expect(r.querySelector('h2, h3')).toBeNull();
  });

  it('does not make a bold line a heading when nothing follows it', () => {
    const r = root(`<p>${PROSE}</p><p><strong>مواقف الأحزاب</strong></p>`);
    expect(buildSections(r, TITLE)).toEqual([]);
  });

  it('splits a <br>-separated body at bold heading lines', () => {
    const r = root(
      `<div>${PROSE}<br><b>الموقف الرسمي</b><br>${PROSE}<br>${PROSE}<br><b>ردود المعارضة</b><br>${PROSE}</div>`,
    );
    const sections = buildSections(r, TITLE);
    expect(sections.map((s) => s.title)).toEqual(['الموقف الرسمي', 'ردود المعارضة']);
    expect(Array.from(r.children).map((c) => c.tagName)).toEqual(['P', 'H2', 'P', 'H2', 'P']);
    expect(r.textContent?.split(PROSE).length).toBe(5);
  });

  it('keeps interview questions in a <br> body as text, not sections', () => {
    const r = root(`<p><strong>*كيف تقرأ موقف الحكومة من الاحتجاجات؟</strong><br>-${PROSE}</p>`);
    expect(buildSections(r, TITLE)).toEqual([]);
    expect(r.querySelector('p strong')).not.toBeNull();
  });

  it('gives the same ids on a second run over the same markup', () => {
    const html = `<h2>الخلفية</h2><p>${PROSE}</p><p><strong>مواقف الأحزاب</strong></p><p>${PROSE}</p>`;
    expect(buildSections(root(html), TITLE)).toEqual(buildSections(root(html), TITLE));
  });
});

describe('isHeadingLike', () => {
  it('wants 2–15 words, no sentence ending, no byline, not the title', () => {
    expect(isHeadingLike('الخاتمة: آفاق المستقبل', TITLE)).toBe(true);
    expect(isHeadingLike('الخاتمة', TITLE)).toBe(false);
    expect(isHeadingLike('هل تنجح الخطة؟', TITLE)).toBe(false);
    expect(isHeadingLike('بقلم أحمد محمود', TITLE)).toBe(false);
    expect(isHeadingLike(TITLE, TITLE)).toBe(false);
  });
});
