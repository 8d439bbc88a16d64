import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preloadFonts } from '@/lib/reader/fonts';

describe('preloadFonts', () => {
  it('asks for every face the reader declares, with Arabic text, before any article is laid out', () => {
    const css = readFileSync(join(__dirname, '../../entrypoints/reader/main.tsx'), 'utf8');
    const asked: [string, string | undefined][] = [];
    const doc = {
      fonts: {
        load: (font: string, text?: string) => {
          asked.push([font, text]);
          return Promise.resolve([]);
        },
      },
    } as unknown as Document;
    preloadFonts(doc);
    // One request per @fontsource face the reader page imports (family and weight).
    const imported = [...css.matchAll(/@fontsource\/noto-(naskh|sans)-arabic\/arabic-(\d+)\.css/g)];
    expect(asked).toHaveLength(imported.length);
    for (const [, family, weight] of imported) {
      const name = family === 'naskh' ? 'Noto Naskh Arabic' : 'Noto Sans Arabic';
      expect(asked.map(([f]) => f)).toContain(`${weight} 1em "${name}"`);
    }
    for (const [, text] of asked) expect(text).toMatch(/^[\u0600-\u06FF]+$/);
  });

  it('does nothing where the document has no font loading API, and a failed load is not an error', async () => {
    expect(() => preloadFonts({} as Document)).not.toThrow();
    const failing = { fonts: { load: () => Promise.reject(new Error('network')) } };
    preloadFonts(failing as unknown as Document);
    await new Promise((r) => setTimeout(r, 0));
  });
});
