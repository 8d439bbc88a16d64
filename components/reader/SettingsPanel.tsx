import type { UiLang } from '@/lib/i18n';
import type { Labels } from '@/lib/reader/labels';
import {
  FONTS,
  FONT_SIZE,
  LINE_HEIGHT,
  THEMES,
  WIDTHS,
  type ReaderFont,
  type ReaderSettings,
  type ReaderTheme,
  type ReaderWidth,
} from '@/lib/reader/settings';

interface Props {
  settings: ReaderSettings;
  update: (change: Partial<ReaderSettings>) => void;
  labels: Labels;
  ui: UiLang;
  open: boolean;
}

const FONT_LABEL: Record<ReaderFont, keyof Labels> = {
  naskh: 'readerFontNaskh',
  sans: 'readerFontSans',
};
const WIDTH_LABEL: Record<ReaderWidth, keyof Labels> = {
  narrow: 'readerWidthNarrow',
  medium: 'readerWidthMedium',
  wide: 'readerWidthWide',
};
const THEME_LABEL: Record<ReaderTheme, keyof Labels> = {
  light: 'readerThemeLight',
  sepia: 'readerThemeSepia',
  dark: 'readerThemeDark',
  system: 'readerThemeSystem',
};
/** The on/off settings, one checkbox each. */
const CHECKS: readonly { key: 'justify' | 'images'; id: string; label: keyof Labels }[] = [
  { key: 'justify', id: 'qari-justify', label: 'readerJustify' },
  { key: 'images', id: 'qari-images', label: 'readerImages' },
];
const NUMBER_LOCALE: Record<UiLang, string> = { ar: 'ar-u-nu-arab', en: 'en' };

const value = (e: Event): string => (e.currentTarget as HTMLInputElement).value;

/** Display settings; native controls, so each is reachable and operable by keyboard. */
export function SettingsPanel({ settings, update, labels, ui, open }: Props) {
  const num = new Intl.NumberFormat(NUMBER_LOCALE[ui], { maximumFractionDigits: 1 });
  return (
    <section
      id="qari-settings"
      class="qari-popover qari-settings"
      dir={ui === 'ar' ? 'rtl' : 'ltr'}
      aria-label={labels.readerSettings}
      hidden={!open}
    >
      <div class="qari-field">
        <label for="qari-font-size">{labels.readerFontSize}</label>
        <input
          id="qari-font-size"
          type="range"
          min={FONT_SIZE.min}
          max={FONT_SIZE.max}
          step={FONT_SIZE.step}
          value={settings.fontSize}
          aria-valuetext={num.format(settings.fontSize)}
          onInput={(e) => update({ fontSize: Number(value(e)) })}
        />
        <output for="qari-font-size">{num.format(settings.fontSize)}</output>
      </div>

      <fieldset class="qari-field qari-choices">
        <legend>{labels.readerFont}</legend>
        {FONTS.map((f) => (
          <label key={f} class={`qari-choice qari-font-${f}`}>
            <input
              type="radio"
              name="qari-font"
              value={f}
              checked={settings.font === f}
              onChange={() => update({ font: f })}
            />
            {labels[FONT_LABEL[f]]}
          </label>
        ))}
      </fieldset>

      <div class="qari-field">
        <label for="qari-line-height">{labels.readerLineHeight}</label>
        <input
          id="qari-line-height"
          type="range"
          min={LINE_HEIGHT.min}
          max={LINE_HEIGHT.max}
          step={LINE_HEIGHT.step}
          value={settings.lineHeight}
          aria-valuetext={num.format(settings.lineHeight)}
          onInput={(e) => update({ lineHeight: Number(value(e)) })}
        />
        <output for="qari-line-height">{num.format(settings.lineHeight)}</output>
      </div>

      <div class="qari-field">
        <label for="qari-width">{labels.readerWidth}</label>
        <select
          id="qari-width"
          value={settings.width}
          onChange={(e) => update({ width: value(e) as ReaderWidth })}
        >
          {WIDTHS.map((w) => (
            <option key={w} value={w}>
              {labels[WIDTH_LABEL[w]]}
            </option>
          ))}
        </select>
      </div>

      <fieldset class="qari-field qari-choices">
        <legend>{labels.readerTheme}</legend>
        {THEMES.map((th) => (
          <label key={th} class={`qari-choice qari-theme-swatch qari-theme-${th}`}>
            <input
              type="radio"
              name="qari-theme"
              value={th}
              checked={settings.theme === th}
              onChange={() => update({ theme: th })}
            />
            {labels[THEME_LABEL[th]]}
          </label>
        ))}
      </fieldset>

      {CHECKS.map(({ key, id, label }) => (
        <div class="qari-field qari-check" key={key}>
          <input
            id={id}
            type="checkbox"
            checked={settings[key]}
            onChange={(e) => update({ [key]: (e.currentTarget as HTMLInputElement).checked })}
          />
          <label for={id}>{labels[label]}</label>
        </div>
      ))}
    </section>
  );
}
