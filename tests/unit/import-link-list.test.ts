import { isListOfLinks } from '@/lib/import/link-list';

const headlines = Array.from(
  { length: 30 },
  (_, i) => `<li><a href="/news/${i}">عنوان خبر رقم ${i} عن أسواق المدينة</a></li>`,
).join('');
const prose =
  '<p>عادت مكتبات الأحياء الصغيرة إلى الواجهة هذا الخريف بعد أن أعادت البلدية افتتاحها.</p>';

describe('isListOfLinks', () => {
  it('calls a body of headline links a list', () => {
    expect(isListOfLinks({ content: `<ul>${headlines}</ul>` })).toBe(true);
    expect(isListOfLinks({ content: `<h2>الأقسام</h2><ul>${headlines}</ul>${prose}` })).toBe(true);
  });

  it('keeps articles, with links in their paragraphs and a "read also" box', () => {
    const linked = `<p>قال الوزير في <a href="/x">مؤتمر صحفي</a> إن الخطة تبدأ الشهر المقبل وتشمل المدن الكبرى.</p>`;
    const readAlso = `<aside><a href="/a">اقرأ أيضًا: خبر آخر</a></aside>`;
    expect(isListOfLinks({ content: prose.repeat(6) + linked + readAlso })).toBe(false);
    expect(isListOfLinks({ content: prose })).toBe(false);
  });

  it('is not fooled by attributes or empty content', () => {
    const longHref = `<p><a href="/${'x'.repeat(500)}">رابط</a> ${'نص طويل عن المدينة وأسواقها. '.repeat(5)}</p>`;
    expect(isListOfLinks({ content: longHref })).toBe(false);
    expect(isListOfLinks({ content: '' })).toBe(false);
  });
});
