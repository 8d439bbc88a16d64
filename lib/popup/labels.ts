/**
 * Every label of the toolbar popup, the options page and the reading-list messages, looked up
 * once from `_locales` with the Arabic text as the fallback (the default locale is Arabic).
 * `$1`… stand for the values passed with a message.
 */
import { t } from '../i18n';

const FALLBACKS = {
  popupReader: 'وضع القراءة',
  popupSave: 'احفظ هذه الصفحة',
  popupSaving: 'جارٍ الحفظ…',
  popupSearch: 'ابحث في المقالات المحفوظة',
  popupSearchHint: 'ابحث بالعنوان أو النص، ولو بلا همزات أو تشكيل',
  popupFilters: 'تصفية القائمة',
  popupFilterAll: 'الكل',
  popupFilterUnread: 'غير المقروءة',
  popupFilterArchived: 'المؤرشفة',
  popupFilterFavourites: 'المفضلة',
  popupList: 'قائمة القراءة',
  popupResults: 'نتائج البحث',
  popupLoading: 'جارٍ التحميل…',
  popupEmpty: 'لا مقالات محفوظة بعد. احفظ مقالًا لتقرأه لاحقًا ولو دون اتصال.',
  popupEmptyFilter: 'لا مقالات في هذا القسم.',
  popupNoResults: 'لا نتائج لهذا البحث.',
  popupStateRead: 'مقروءة',
  popupStateUnread: 'غير مقروءة',
  popupStateArchived: 'مؤرشفة',
  popupStateFavourite: 'مفضلة',
  popupStateProgress: 'قُرئ $1',
  popupStateOffline: 'ليست على هذا الجهاز',
  popupArchive: 'أرشِف',
  popupUnarchive: 'أعِد من الأرشيف',
  popupFavourite: 'أضف إلى المفضلة',
  popupUnfavourite: 'أزل من المفضلة',
  popupDelete: 'احذف',
  popupDeleted: 'حُذف المقال.',
  popupUndo: 'تراجع',
  popupRestored: 'أُعيد المقال.',
  popupKeysHint: '↑ ↓ للتنقل، Enter للفتح، Delete للحذف، / للبحث',
  popupBackup: 'النسخ الاحتياطي',
  popupError: 'تعذّرت العملية. حاول مرة أخرى.',
  saveDone: 'حُفظت الصفحة في قائمة القراءة.',
  saveUpdated: 'الصفحة محفوظة من قبل، وحُدّثت نسختها.',
  popupReaderNotArticle: 'هذه الصفحة ليست مقالًا، فلا يمكن فتحها في وضع القراءة.',
  saveNotArticle: 'هذه الصفحة لا تبدو مقالًا، فلم تُحفظ.',
  saveAnyway: 'احفظها على أي حال',
  saveNoPage: 'لا يمكن حفظ هذه الصفحة (صفحات المتصفح والمتاجر محمية).',
  saveFailed: 'تعذّر حفظ الصفحة. أعد تحميلها وحاول مرة أخرى.',
  readerOpenSaved: 'افتح النسخة المحفوظة',
  savedImagesOnline:
    'بعض صور هذا المقال لم تُحفظ على هذا الجهاز: تظهر حين يكون المتصفح متصلًا بالإنترنت.',
  optionsImagesTitle: 'الصور',
  optionsImagesShow: 'إظهار صور المقالات في وضع القراءة',
  optionsImagesUse: 'صور محفوظة للقراءة دون اتصال: $1 من $2',
  optionsTitle: 'قارئ: النسخ الاحتياطي',
  optionsIntro:
    'صدّر قائمة القراءة كلها (المقالات ونصوصها وحالتها) إلى ملف JSON، واستورده في هذا المتصفح أو غيره.',
  optionsExport: 'صدّر قائمة القراءة',
  optionsExportDone: 'صُدّرت المقالات: $1',
  optionsImport: 'استورد نسخة احتياطية',
  optionsImportDone: 'تم الاستيراد: $1 جديدة، $2 محدّثة، $3 دون تغيير.',
  optionsWorking: 'جارٍ العمل…',
} as const;

export type PopupLabelKey = keyof typeof FALLBACKS;

export function isLabelKey(key: string): key is PopupLabelKey {
  return Object.hasOwn(FALLBACKS, key);
}

/** A label with `$1`… filled in, whether it came from `_locales` or from the fallback. */
export function label(key: PopupLabelKey, ...subs: (string | number)[]): string {
  const values = subs.map(String);
  const text = t(key, FALLBACKS[key], values.length > 0 ? values : undefined);
  return text.replace(/\$(\d)/g, (m, n: string) => values[Number(n) - 1] ?? m);
}

/** The text of a `_locales` key named by another module (an error's message key), if known. */
export function labelFor(key: string, fallback: PopupLabelKey): string {
  if (isLabelKey(key)) return label(key);
  const text = t(key, '');
  return text || label(fallback);
}
