import { useEffect, useState } from 'preact/hooks';
import type { UiLang } from '@/lib/i18n';
import { label } from '@/lib/popup/labels';

export interface ImagesEnv {
  /** Whether the reader shows images (the reader setting). */
  shown: () => Promise<boolean>;
  setShown: (on: boolean) => Promise<unknown>;
  /** Bytes of offline photos kept, and the cap. */
  use: () => Promise<{ bytes: number; cap: number }>;
}

const NUMBER_LOCALE: Record<UiLang, string> = { ar: 'ar-u-nu-arab', en: 'en' };

/** "12.3 MB" in the UI's digits (a megabyte of 2^20 bytes, as the browser's own storage pages). */
export function formatMegabytes(bytes: number, ui: UiLang): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[ui], {
    style: 'unit',
    unit: 'megabyte',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(bytes / (1024 * 1024));
}

/** The options page's images section: the reader's image setting and the offline photos' use. */
export function ImagesPanel({ env, ui }: { env: ImagesEnv; ui: UiLang }) {
  const [shown, setShown] = useState<boolean | null>(null);
  const [use, setUse] = useState<{ bytes: number; cap: number } | null>(null);
  useEffect(() => {
    env.shown().then(setShown, () => setShown(true));
    env.use().then(setUse, () => undefined);
  }, [env]);
  return (
    <section class="qari-images-panel">
      <h2>{label('optionsImagesTitle')}</h2>
      <p class="qari-check">
        <input
          id="qari-options-images"
          type="checkbox"
          checked={shown ?? true}
          disabled={shown === null}
          onChange={(e) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            setShown(on);
            void env.setShown(on);
          }}
        />
        <label for="qari-options-images">{label('optionsImagesShow')}</label>
      </p>
      {use && (
        <p class="qari-images-use" role="status">
          {label('optionsImagesUse', formatMegabytes(use.bytes, ui), formatMegabytes(use.cap, ui))}
        </p>
      )}
    </section>
  );
}
