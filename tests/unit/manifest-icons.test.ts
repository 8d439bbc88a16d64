import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../../wxt.config';

const ROOT = join(import.meta.dirname, '../..');

type Manifest = {
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
};

function manifest(browser: string): Manifest {
  const make = config.manifest as (env: { browser: string }) => Manifest;
  return make({ browser });
}

/** A PNG's pixel size, from its IHDR chunk. */
function pngSize(path: string): [number, number] {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('the extension has its own icon', () => {
  it.each(['chrome', 'firefox'])(
    'the %s manifest names a PNG of each toolbar and store size, at that size',
    (browser) => {
      const m = manifest(browser);
      for (const icons of [m.icons, m.action?.default_icon]) {
        expect(Object.keys(icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
        for (const [size, file] of Object.entries(icons!))
          expect(pngSize(join(ROOT, 'public', file))).toEqual([Number(size), Number(size)]);
      }
    },
  );

  it('the icons are drawn from the SVG in the repository, not a placeholder letter in a font', () => {
    const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
    expect(svg).toMatch(/<path /);
    expect(svg).not.toMatch(/<text/);
  });
});
