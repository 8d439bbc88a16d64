/**
 * Every label of the reader page, looked up once from `_locales` with the Arabic text as the
 * fallback (the extension's default locale is Arabic).
 */
import { t } from '../i18n';
import type { ContentLabels } from './render-content';

const FALLBACKS = {
  readerLoading: 'جارٍ تحميل المقال…',
  readerError: 'تعذّر استخراج المقال من هذه الصفحة. أعد تحميل الصفحة وحاول مرة أخرى.',
  readerMissing: 'تعذّر فتح المقال. أعد تحميل الصفحة وحاول مرة أخرى.',
  readerClose: 'إغلاق وضع القراءة',
  readerSave: 'حفظ للقراءة لاحقًا',
  readerSaved: 'محفوظ في قائمة القراءة',
  readerSkip: 'انتقل إلى نص المقال',
  readerToc: 'أقسام المقال',
  readerTocToggle: 'الأقسام',
  readerSettings: 'إعدادات العرض',
  readerHelp: 'اختصارات لوحة المفاتيح',
  readerKeyNext: 'القسم التالي',
  readerKeyPrev: 'القسم السابق',
  readerKeyClose: 'إغلاق القائمة المفتوحة أو وضع القراءة',
  readerKeyHelp: 'إظهار هذه الاختصارات أو إخفاؤها',
  readerProgress: 'تقدّم القراءة',
  readerOriginal: 'المقال الأصلي',
  readerFontSize: 'حجم الخط',
  readerFont: 'نوع الخط',
  readerFontNaskh: 'نسخ',
  readerFontSans: 'حديث',
  readerLineHeight: 'تباعد الأسطر',
  readerWidth: 'عرض النص',
  readerWidthNarrow: 'ضيّق',
  readerWidthMedium: 'متوسط',
  readerWidthWide: 'عريض',
  readerTheme: 'المظهر',
  readerThemeLight: 'فاتح',
  readerThemeSepia: 'ورقي',
  readerThemeDark: 'داكن',
  readerThemeSystem: 'حسب النظام',
  readerJustify: 'ضبط النص من الجانبين',
  readerImages: 'إظهار الصور',
  readerEmbedLink: 'محتوى مضمّن من {host}',
  readerTable: 'جدول',
} as const;

export type LabelKey = keyof typeof FALLBACKS;
export type Labels = Record<LabelKey, string>;

export function readerLabels(): Labels {
  const out = {} as Labels;
  for (const key of Object.keys(FALLBACKS) as LabelKey[]) out[key] = t(key, FALLBACKS[key]);
  return out;
}

export function contentLabels(l: Labels): ContentLabels {
  return { embedLink: l.readerEmbedLink, table: l.readerTable };
}
