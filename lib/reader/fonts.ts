/**
 * The reader's fonts, asked for while the reader page waits for its article. A face is fetched
 * only once text that uses it is laid out: without this, the article's first layout starts the
 * fetches and its first paint waits for them (~30–50 ms on the development machine).
 */

// Every face reader.css declares (text and interface, regular and bold), with a letter of the
// Arabic subset each @font-face serves.
const FACES = [
  '400 1em "Noto Naskh Arabic"',
  '700 1em "Noto Naskh Arabic"',
  '400 1em "Noto Sans Arabic"',
  '700 1em "Noto Sans Arabic"',
];
// i18n-data: a letter that needs the Arabic fonts, never shown.
const SAMPLE = 'ع';

export function preloadFonts(doc: Document): void {
  const fonts = doc.fonts as FontFaceSet | undefined;
  if (!fonts?.load) return;
  // A face that fails to load falls back to the next family in the stack, as it would anyway.
  for (const face of FACES) fonts.load(face, SAMPLE).catch(() => undefined);
}
