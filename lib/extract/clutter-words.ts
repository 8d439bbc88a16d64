/**
 * The words and class names lib/extract/clutter.ts recognizes clutter by: labels of the regions,
 * lines and tails it removes, in Arabic and English as sites write them. Data that changes with
 * the sites; the passes that use it change with the extraction and stay in clutter.ts.
 */
// Whole-block labels (compared after folding and dropping punctuation).
export const REGION_LABELS = [
  'اقرأ أيضا',
  'اقرأ أيضاً',
  'إقرأ أيضا',
  'اقرأ ايضا',
  'اقرأ المزيد',
  'شاهد أيضا',
  'اقرأ كذلك',
  'مقالات ذات صلة',
  'مقالات متعلقة',
  'أخبار ذات صلة',
  'أخبار متعلقة',
  'مواضيع ذات صلة',
  'موضوعات ذات صلة',
  'مواضيع متعلقة',
  'ذات صلة',
  'مواضيع ساخنة',
  'مواضيع ساخنة أخرى',
  'مواضيع أخرى',
  'أخبار أخرى',
  'المزيد من الأخبار',
  'قد يهمك',
  'قد يهمك أيضا',
  'قد يعجبك',
  'قد يعجبك أيضا',
  'اخترنا لك',
  'قصص مقترحة',
  'مواضيع مقترحة',
  'مقالات مقترحة',
  'الأكثر قراءة',
  'الأكثر شهرة',
  'الأكثر مشاهدة',
  'الأكثر تداولا',
  'الأكثر تعليقا',
  'الأكثر رواجا',
  'الأكثر قراءة اليوم',
  'شارك',
  'شاركها',
  'شارك المقال',
  'شارك الخبر',
  'مشاركة',
  'تابعونا',
  'تابعنا',
  'تابعوا',
  'المقال السابق',
  'المقال التالي',
  'الخبر السابق',
  'الخبر التالي',
  'الموضوع السابق',
  'الموضوع التالي',
  'السابق',
  'التالي',
  'اترك تعليقا',
  'اترك تعليقاً',
  'اترك ردا',
  'ترك الرد',
  'إلغاء الرد',
  'أضف تعليق',
  'أضف تعليقك',
  'إضافة تعليق',
  'إضافة تعليق جديد',
  'التعليقات',
  'تعليقات',
  'اكتب تعليقك',
  'من فضلك ادخل تعليقك',
  'related',
  'related articles',
  'related stories',
  'read more',
  'read also',
  'also read',
  'most read',
  'most popular',
  'share',
  'share this',
  'share this article',
  'follow us',
  'comments',
  'leave a reply',
  'leave a comment',
  'previous article',
  'next article',
];

// Labels that head a region when the block starts with them and is short or mostly links.
export const REGION_PREFIXES = [
  'اقرأ أيضا',
  'اقرأ ايضا',
  'إقرأ أيضا',
  'اقرأ المزيد',
  'شاهد أيضا',
  'للمزيد',
  'شارك على',
  'شارك عبر',
  'شارك في',
  'شارك هذا',
  'تابعونا على',
  'تابعنا على',
  'تابعوا',
  'حمل الآن تطبيق',
  'حمل تطبيق',
  'حمل التطبيق',
  'حمّل تطبيق',
  'نزل تطبيق',
  'تحميل تطبيق',
  'اشترك',
  'إشترك',
  'اشترك في',
  'المقال السابق',
  'المقال التالي',
  'الخبر السابق',
  'الخبر التالي',
  'تخطى',
  'الأكثر قراءة',
  'الأكثر شهرة',
  'مقالات ذات صلة',
  'أخبار ذات صلة',
  'قصص مقترحة',
  'قد يهمك',
  'download the app',
  'get the app',
  'read more',
  'read also',
  'also read',
  'share on',
  'follow us on',
];

export const LINE_LABELS = [
  'إعلان',
  'اعلان',
  'إعلانات',
  'مساحة إعلانية',
  'محتوى مدعوم',
  'محتوى إعلاني',
  'advertisement',
  'advertising',
  'sponsored',
  'ads',
  'ad',
  'التعليق على الصورة',
  'الصورة',
  'مشاهدات عالية',
  'انسخ الرابط',
  'نسخ الرابط',
  'تم نسخ الرابط',
  'التحديث التلقائي',
  'تحديث تلقائي',
  'عاجل',
  'خاص',
  'حصري',
  'الأكثر مشاهدة',
  'نسخة للطباعة',
  'طباعة',
  'print',
  'google play',
  'app store',
];

// A share or follow line: one of these words, then nothing but the networks' names («شارك
// المقال: فيسبوك · تويتر · تيليغرام», «تابعونا على فيسبوك وتويتر»), wherever it sits.
export const SHARE_VERBS = [
  'شارك',
  'شاركها',
  'شاركوا',
  'تابعنا',
  'تابعونا',
  'تابعوا',
  'share',
  'follow',
];
export const SHARE_FILLERS = [
  'على',
  'عبر',
  'في',
  'المقال',
  'الخبر',
  'الموضوع',
  'الصفحه',
  'هذا',
  'this',
  'article',
  'story',
  'us',
  'on',
  'via',
];
export const SOCIAL_NETWORKS = [
  'فيسبوك',
  'فيس بوك',
  'تويتر',
  'تيليغرام',
  'تليغرام',
  'تلغرام',
  'تيليجرام',
  'تليجرام',
  'واتساب',
  'واتس اب',
  'انستغرام',
  'انستجرام',
  'انستقرام',
  'يوتيوب',
  'لينكدان',
  'لينكد ان',
  'تيك توك',
  'سناب شات',
  'x',
  'facebook',
  'twitter',
  'telegram',
  'whatsapp',
  'instagram',
  'youtube',
  'linkedin',
  'tiktok',
  'threads',
  'email',
  'بريد',
];

export const LINE_PREFIXES = [
  'مصدر الصورة',
  'صدر الصورة',
  'حقوق الصورة',
  'الصورة من',
  'الصورة لـ',
  'تصوير',
  'image source',
  'image caption',
  'photo credit',
  'عدد المشاهدات',
  'عدد القراءات',
  'وقت القراءة',
  'مدة القراءة',
];

// Comment policies are prose-like, so they need two of these markers to be recognized.
export const COMMENT_POLICY_MARKERS = [
  'الآراء الواردة',
  'إرشادات الاستخدام',
  'مراجعة التعليقات',
  'سياسة التعليقات',
  'شروط استخدام الموقع',
  'لا تعبر عن رأي',
  'لا تعبر بالضرورة',
  'تعكس وجهات نظر أصحابها',
  'تعليقات القراء',
];

// What follows these headers is not the article: the writer's biography, readers' comments.
export const TAIL_LABELS = [
  'عن الكاتب',
  'نبذة عن الكاتب',
  'تعليقات القراء',
  'تعليقات الزوار',
  'آراء القراء',
  'التعليقات',
  'تعليقات',
  'comments',
];

export const COMMENT_POLICY_HINT = /تعليق|الآراء|الاراء|إرشادات|ارشادات|شروط|تعبر|وجهات/;
export const BYLINE_LINE =
  /^(?:بقلم|كتب|كتبت|حوار|إعداد|اعداد|تحرير|ترجمة|تقرير|author|role|by)\s*[:،,]/i;
export const BY_WHOM = /^(?:بواسطة|بقلم)\s+\S+/;
export const VIEW_COUNT = /^\d[\d,.٬]*\s*(?:مشاهده|مشاهدات|قراءه|قراءات|views?|reads?)$/;
export const READING_TIME =
  /^\d+\s*(?:min|mins|minutes?|دقيقه|دقائق|دقايق|د)(?:\s*(?:قراءه|للقراءه|read|reading))?$/;
export const READING_TIME_PREFIX = /^(?:وقت|مده|زمن)\s+القراءه/;
export const COUNTER = /^\d{1,7}$/;
export const CREDIT_AGENCY =
  /^(?:getty images?|afp|reuters|ap|epa|shutterstock|anadolu|رويترز|ا ف ب|الاناضول)(?:\s+(?:via|عبر)\s+[\p{L}\s]+)?$/u;
// Its start without the `\p{L}` class, which costs a millisecond to compile: most keys stop here.
export const CREDIT_AGENCY_START =
  /^(?:getty images?|afp|reuters|ap|epa|shutterstock|anadolu|رويترز|ا ف ب|الاناضول)/;
export const CREDIT_SUFFIX = /(?:getty images?|shutterstock|afp|reuters|رويترز)$/;
export const SKIP_LINK = /^تخطي\s.+\sوواصل\s+القراءه$/;
export const END_MARKER = /\s+نهايه$/;
// A count after a header: «تعليقات القرّاء (3)».
export const TRAILING_COUNT = /\s*\(\d+\)$/;
// «الموضوع: …», the story a wire article belongs to, in the strip above its body.
export const STORY_LABEL = /^(?:الموضوع|الملف)\s*:/;
// «© REUTERS / …», «© AP Photo / …»: a photo credit, wherever the picture it credited went.
export const COPYRIGHT_CREDIT = /^(?:©|\(c\))/i;

export const STRONG_CLUTTER_HINT =
  /(?:^|[\s_-])(?:share|sharing|social|socials|related|tags?|taglist|tags-list|next-?prev|prev-?next|article-pagination|comments?|comment-form|respond|advert|advertisement|ads?|ad-?slot|ad-?container|adsbygoogle|sponsored|newsletter|subscribe|subscription|app-download|mobile-app|download-app|most-read|mostread|most-popular|popular-posts|trending|breadcrumbs?|byline|author-box|time-?to-?read|reading-?time|views?-?count|outbrain|taboola|read-?also|also-?read|recommendations?|recommended)(?:$|[\s_-])/i;
export const HIDDEN_HINT =
  /(?:^|\s)(?:d-none|hidden|hide|u-hide|sr-only|visually-hidden|screen-reader-text|is-hidden)(?:$|\s)/i;
// Bootstrap's d-md-block and Tailwind's md:block undo a "hidden" class on larger screens.
export const RESPONSIVE_SHOW =
  /(?:^|\s)(?:d-(?:sm|md|lg|xl|xxl)-|(?:sm|md|lg|xl|2xl):)(?:block|flex|inline|inline-block|grid|table|contents)(?:$|\s)/i;
export const AD_IMAGE_SRC =
  /(?:^|[/_.-])(?:ads?|advert|advertisement|banners?|pixel|spacer|tracking)(?:[/_.-]|$)/i;
