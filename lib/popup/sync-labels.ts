/**
 * Labels of the sync state (popup, options page) and of fetching a synced entry's article
 * (reader page), from `_locales` with the Arabic text as the fallback. `$1`… stand for values.
 */
import { t } from '../i18n';

const FALLBACKS = {
  syncTitle: 'المزامنة',
  syncLastSynced: 'آخر مزامنة: $1',
  syncNever: 'لم تتم المزامنة بعد.',
  syncPending: 'تغييرات بانتظار المزامنة: $1',
  syncOff: 'المزامنة متوقفة. شغّلها من الإعدادات.',
  syncLocalOnly: '$1 من المقالات محفوظة على هذا المتصفح فقط، لأن مساحة المزامنة لا تتسع لها.',
  syncErrorUnknown: 'تعذّرت المزامنة. ستُعاد المحاولة تلقائيًا.',
  syncClockAhead:
    'التواريخ في بيانات المزامنة متقدمة بنحو $1 عن ساعة هذا الجهاز، فإحدى الساعتين خاطئة. تحقّق من التاريخ والوقت على أجهزتك.',
  syncOptionsTitle: 'مزامنة قائمة القراءة',
  syncOptionsIntro:
    'تنتقل قائمة القراءة (الروابط والعناوين والحالة وموضع القراءة، دون نصوص المقالات) بين متصفحاتك عبر مزامنة المتصفح نفسه، دون أي حساب.',
  syncEnable: 'زامِن قائمة القراءة بين متصفحاتي',
  syncNow: 'زامِن الآن',
  syncWorking: 'جارٍ المزامنة…',
  syncFetchingBody: 'جارٍ جلب المقال…',
  syncFetchBodyFailed: 'تعذّر جلب هذا المقال من موقعه.',
  syncFetchGone: 'لم تعد الصفحة موجودة على الموقع.',
  syncFetchNetwork: 'تعذّر الوصول إلى الموقع. تحقّق من اتصالك بالإنترنت وحاول مرة أخرى.',
  syncFetchNotArticle: 'لم يُعثر في الصفحة على مقال يمكن عرضه.',
  syncOpenOriginal: 'افتح الصفحة الأصلية',
  syncFetchNeedsAccess:
    'هذا المقال محفوظ من متصفح آخر، ونصه لم يصل بعد. لتنزيله يحتاج قارئ إلى إذنك بالوصول إلى موقعه ($1).',
  syncAllowAccess: 'اسمح بالوصول إلى الموقع ونزّل المقال',
  syncRetry: 'حاول مرة أخرى',
} as const;

export type SyncLabelKey = keyof typeof FALLBACKS;

export function syncLabel(key: SyncLabelKey, ...subs: (string | number)[]): string {
  const values = subs.map(String);
  const text = t(key, FALLBACKS[key], values.length > 0 ? values : undefined);
  return text.replace(/\$(\d)/g, (m, n: string) => values[Number(n) - 1] ?? m);
}

/** A `_locales` key named elsewhere (an engine error's `messageKey`), with a fallback. */
export function syncLabelFor(key: string, fallback: SyncLabelKey): string {
  if (Object.hasOwn(FALLBACKS, key)) return syncLabel(key as SyncLabelKey);
  return t(key, '') || syncLabel(fallback);
}
