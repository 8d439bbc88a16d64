/**
 * Labels of the import page, the failure reasons shown in the popup and the bookmark export,
 * looked up from `_locales` with the Arabic text as the fallback. `$1`… stand for values.
 */
import { t } from '../i18n';

export const IMPORT_LABELS = {
  importTitle: 'قارئ: استيراد قائمة قراءة',
  importHeading: 'استيراد قائمة قراءة',
  importIntro:
    'استورد روابطك من Pocket أو Instapaper أو Wallabag أو الإشارات المرجعية للمتصفح. تظهر الروابط في القائمة فورًا، ثم تُنزَّل المقالات في الخلفية لتُقرأ دون اتصال ويُبحث فيها.',
  importChoose: 'اختر ملف التصدير',
  importReading: 'جارٍ قراءة الملف…',
  importPreviewHeading: 'ما سيُستورد',
  importCounts: 'الروابط: $1 — غير مقروءة: $2، مؤرشفة: $3، مفضلة: $4',
  importDuplicates: 'روابط مكررة في الملف دُمجت: $1',
  importMalformed: 'صفوف لم تُقرأ: $1',
  importMalformedRow: 'الصف $1: $2',
  importStart: 'ابدأ الاستيراد',
  importCancel: 'إلغاء',
  importPermissionDenied:
    'لم يُمنح إذن الوصول إلى المواقع، فأُضيفت الروابط دون تنزيل مقالاتها. امنح الإذن ثم استأنف.',
  importStarted: 'أُضيفت روابط جديدة: $1، ودُمجت مع محفوظة: $2.',
  importProgressHeading: 'تنزيل المقالات',
  importDone: 'حُفظت: $1',
  importFailed: 'تعذّرت: $1',
  importWaiting: 'في الانتظار: $1',
  importPaused: 'التنزيل متوقف مؤقتًا.',
  importPause: 'أوقف مؤقتًا',
  importResume: 'استأنف',
  importRetry: 'أعد محاولة ما تعذّر',
  importFailuresHeading: 'روابط لم تُحفظ مقالاتها',
  importRetryingHeading: 'روابط تُعاد محاولتها بعد قليل',
  importFileUnknown:
    'هذا الملف ليس تصديرًا من Pocket أو Instapaper أو Wallabag ولا ملف إشارات مرجعية ولا نسخة احتياطية من قارئ، فلم يُستورد منه شيء.',
  importFileEmpty: 'الملف فارغ: لا روابط فيه.',
  importFileTooLarge: 'الملف أكبر من أن يُستورد مرة واحدة.',
  importFileBadBackup: 'النسخة الاحتياطية تالفة أو من إصدار غير معروف، فلم يُستورد منها شيء.',
  importRowReason_no_url: 'لا رابط',
  importRowReason_bad_url: 'رابط غير صالح',
  importRowReason_not_web_url: 'ليس رابط صفحة ويب',
  importRowReason_columns: 'عدد الأعمدة غير صحيح',
  importRowReason_unterminated: 'علامة اقتباس لم تُغلق',
  importFailure_gone: 'الصفحة لم تعد موجودة',
  importFailure_http: 'رفض الموقع الطلب',
  importFailure_network: 'تعذّر الاتصال بالموقع',
  importFailure_timeout: 'لم يستجب الموقع في الوقت',
  importFailure_server: 'خطأ في خادم الموقع',
  importFailure_not_article: 'الصفحة ليست مقالًا',
  importFailure_not_arabic: 'المقال ليس بالعربية',
  importFailure_too_large: 'الصفحة أكبر من الحد',
  importFailure_error: 'تعذّر استخراج المقال',
  popupImport: 'استيراد',
  optionsOpenImport: 'استورد من Pocket أو Instapaper أو الإشارات المرجعية',
  optionsExportBookmarks: 'صدّر كإشارات مرجعية (HTML)',
} as const;

export type ImportLabelKey = keyof typeof IMPORT_LABELS;

export function importLabel(key: ImportLabelKey, ...subs: (string | number)[]): string {
  const values = subs.map(String);
  const text = t(key, IMPORT_LABELS[key], values.length > 0 ? values : undefined);
  return text.replace(/\$(\d)/g, (m, n: string) => values[Number(n) - 1] ?? m);
}

/** A label named at run time (an error's or failure's key), or the generic one. */
export function importLabelFor(key: string, fallback: ImportLabelKey): string {
  return Object.hasOwn(IMPORT_LABELS, key)
    ? importLabel(key as ImportLabelKey)
    : t(key, '') || importLabel(fallback);
}
