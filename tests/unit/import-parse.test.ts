import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCsv } from '@/lib/import/csv';
import { decodeBytes } from '@/lib/import/decode';
import { detectFormat, parseImportFile } from '@/lib/import/parse';
import { ImportError } from '@/lib/import/types';
import { exportLibraryJson } from '@/lib/store/backup';
import { QariDb } from '@/lib/store/db';
import { saveArticle } from '@/lib/store/articles';
import { makeArticle } from './store-fixtures';

const FIXTURES = resolve(__dirname, '../fixtures/import');
const fixture = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');
const NOW = 1_750_000_000_000;

function win1256(text: string): Uint8Array {
  const table = new Map<string, number>();
  const all = new TextDecoder('windows-1256').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  [...all].forEach((ch, i) => table.set(ch, i));
  return Uint8Array.from([...text], (ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`not in windows-1256: ${ch}`);
    return b;
  });
}

describe('CSV reader', () => {
  it('handles quotes, doubled quotes, commas and newlines inside fields, CRLF', () => {
    const { records, unterminatedAt } = parseCsv('a,b\r\n"x, ""y""","line1\nline2"\r\nlast,\n');
    expect(unterminatedAt).toBeNull();
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line1\nline2'],
      ['last', ''],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('reports a quoted field left open', () => {
    const { records, unterminatedAt } = parseCsv('a,b\n1,2\n"open,3\n4,5');
    expect(records).toHaveLength(2);
    expect(unterminatedAt).toBe(3);
  });
});

describe('decoding', () => {
  it('reads UTF-8 and strips the BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFFعربي');
    expect(decodeBytes(bytes)).toEqual({ text: 'عربي', encoding: 'utf-8' });
  });

  it('falls back to windows-1256 when the bytes are not UTF-8', () => {
    const bytes = win1256(
      'URL,Title,Selection,Folder\nhttps://a.example/1,خبر عاجل من القاهرة,,Unread\n',
    );
    const out = decodeBytes(bytes);
    expect(out.encoding).toBe('windows-1256');
    expect(out.text).toContain('خبر عاجل من القاهرة');
  });
});

describe('Pocket HTML', () => {
  it('reads unread and archived links with times and tags, deduped by canonical URL', () => {
    const out = parseImportFile('ril_export.html', fixture('ril_export.html'), NOW);
    expect(out.format).toBe('pocket-html');
    expect(out.items).toHaveLength(3);
    const [a, b, c] = out.items;
    expect(a).toMatchObject({
      title: 'الحكومة تعلن خطة جديدة & موازنة',
      read: false,
      archived: false,
      // The duplicate was saved earlier and had another tag: both carry over.
      savedAt: 1_700_000_000_000,
      tags: ['سياسة', 'اقتصاد', 'مهم'],
    });
    expect(b).toMatchObject({ url: 'https://arabic.cnn.com/world/b', tags: [] });
    expect(c).toMatchObject({
      title: 'مقال عن "العلوم"',
      read: true,
      archived: true,
      savedAt: 1_600_000_000_000,
      tags: ['علوم'],
    });
    expect(out.duplicates).toBe(1);
    expect(out.malformed).toEqual([{ row: 13, reason: 'not-web-url' }]);
  });
});

describe('Netscape bookmarks', () => {
  it('turns folders into tags, skipping the browser’s own folders', () => {
    const out = parseImportFile('bookmarks.html', fixture('bookmarks.html'), NOW);
    expect(out.format).toBe('netscape');
    const byUrl = Object.fromEntries(out.items.map((i) => [i.url, i]));
    expect(byUrl['https://www.alarabiya.net/a1']).toMatchObject({
      title: 'العربية: خبر',
      tags: [],
      savedAt: 1_700_000_100_000,
    });
    expect(byUrl['https://www.youm7.com/story/1']!.tags).toEqual(['مصر', 'رياضة', 'أخبار']);
    expect(byUrl['https://www.independentarabia.com/node/9']!.tags).toEqual(['أخبار', 'عاجل']);
    expect(byUrl['https://example.org/top']).toMatchObject({ title: 'Top <level>', read: false });
    expect(out.items).toHaveLength(4);
    expect(out.malformed).toEqual([{ row: 20, reason: 'not-web-url' }]);
  });
});

describe('Pocket CSV', () => {
  const head = 'title,url,time_added,cursor,tags,status\n';

  it('reads status, tags split by |, and reports malformed rows', () => {
    const csv =
      head +
      '"خبر, مع فاصلة",https://example.com/1,1704103200,c1,سياسة|اقتصاد,unread\n' +
      'مؤرشف,https://example.com/2,1704103201,c2,,archive\n' +
      'no url,,1704103202,c3,,unread\n' +
      'too,many,cols,1,2,3,4,5\n' +
      '"multi\nline title",https://example.com/3,bad-time,c4,,unread\n';
    const out = parseImportFile('part_000000.csv', csv, NOW);
    expect(out.format).toBe('pocket-csv');
    expect(out.items.map((i) => [i.title, i.archived, i.read, i.tags, i.savedAt])).toEqual([
      ['خبر, مع فاصلة', false, false, ['سياسة', 'اقتصاد'], 1_704_103_200_000],
      ['مؤرشف', true, true, [], 1_704_103_201_000],
      ['multi\nline title', false, false, [], NOW],
    ]);
    expect(out.malformed).toEqual([
      { row: 4, reason: 'no-url' },
      { row: 5, reason: 'columns' },
    ]);
  });

  it('parses a 10,000-row export', () => {
    const rows = Array.from(
      { length: 10_000 },
      (_, i) =>
        `"مقال رقم ${i}",https://news${i % 37}.example/a/${i},${1_600_000_000 + i},c${i},t${i % 5},${i % 3 === 0 ? 'archive' : 'unread'}`,
    );
    const out = parseImportFile('pocket.csv', head + rows.join('\n'), NOW);
    expect(out.items).toHaveLength(10_000);
    expect(out.malformed).toEqual([]);
    expect(out.items.filter((i) => i.archived)).toHaveLength(3334);
    expect(out.items[9999]).toMatchObject({ title: 'مقال رقم 9999', tags: ['t4'] });
  });
});

describe('Instapaper CSV', () => {
  it('reads the old format: folders Archive/Starred and custom folders as tags', () => {
    const csv =
      'URL,Title,Selection,Folder\n' +
      'https://a.example/1,أول,,Unread\n' +
      'https://a.example/2,ثاني,"a ""quote""",Archive\n' +
      'https://a.example/3,ثالث,,Starred\n' +
      'https://a.example/4,رابع,,تقنية\n';
    const out = parseImportFile('instapaper-export.csv', csv, NOW);
    expect(out.format).toBe('instapaper-csv');
    expect(out.items.map((i) => [i.read, i.archived, i.favourite, i.tags])).toEqual([
      [false, false, false, []],
      [true, true, false, []],
      [false, false, true, []],
      [false, false, false, ['تقنية']],
    ]);
  });

  it('reads the newer format with Timestamp and JSON-ish Tags, from windows-1256 bytes', () => {
    const csv =
      'URL,Title,Selection,Folder,Timestamp,Tags\r\n' +
      'https://b.example/1,مقال عن الاقتصاد,,Unread,1704103200,"[""اقتصاد"",""مال""]"\r\n' +
      "https://b.example/2,مقال آخر,,Archive,1704103300,['تعليم']\r\n";
    const out = parseImportFile('instapaper.csv', win1256(csv), NOW);
    expect(out.encoding).toBe('windows-1256');
    expect(out.items[0]).toMatchObject({
      title: 'مقال عن الاقتصاد',
      savedAt: 1_704_103_200_000,
      tags: ['اقتصاد', 'مال'],
    });
    expect(out.items[1]).toMatchObject({ archived: true, tags: ['تعليم'] });
  });
});

describe('JSON files', () => {
  it('reads our own backup through the backup validator', async () => {
    const db = new QariDb(`import-json-${Math.random()}`);
    await saveArticle(db, makeArticle({ url: 'https://example.com/saved', title: 'محفوظ' }));
    const json = await exportLibraryJson(db);
    const out = parseImportFile('qari-backup.json', json, NOW);
    expect(out.format).toBe('qari-json');
    expect(out.backup?.entries).toHaveLength(1);
    expect(out.items).toEqual([
      expect.objectContaining({ url: 'https://example.com/saved', title: 'محفوظ' }),
    ]);
    db.close();
  });

  it('refuses a broken backup with a typed error', () => {
    const bad = JSON.stringify({ format: 'qari-backup', version: 1, exportedAt: 'x', entries: [] });
    expect(() => parseImportFile('b.json', bad)).toThrow(ImportError);
  });

  it('reads a Wallabag JSON export', () => {
    const json = JSON.stringify([
      {
        url: 'https://w.example/1',
        title: 'واحد',
        is_archived: 1,
        is_starred: 0,
        tags: [{ label: 'x' }],
        created_at: '2024-01-01T10:00:00+00:00',
      },
      { url: 'https://w.example/2', title: 'اثنان', is_archived: 0, is_starred: 1, tags: [] },
    ]);
    const out = parseImportFile('wallabag.json', json, NOW);
    expect(out.format).toBe('wallabag-json');
    expect(out.items[0]).toMatchObject({
      archived: true,
      favourite: false,
      tags: ['x'],
      savedAt: Date.parse('2024-01-01T10:00:00Z'),
    });
    expect(out.items[1]).toMatchObject({ archived: false, favourite: true });
  });
});

describe('files that are none of the formats', () => {
  it.each([
    ['notes.txt', 'just some text\nwith lines'],
    ['data.csv', 'name,age\nali,3\n'],
    ['page.html', '<html><body><p>hello</p></body></html>'],
    ['x.json', '{"hello": 1}'],
  ])('%s → unknown-format with an Arabic message key', (name, text) => {
    expect(detectFormat(name, text)).toBeNull();
    let err: unknown;
    try {
      parseImportFile(name, text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('unknown-format');
    expect((err as ImportError).messageKey).toBe('importFileUnknown');
  });

  it('an empty file is refused', () => {
    expect(() => parseImportFile('e.csv', '\uFEFF  ')).toThrow(/empty/);
  });
});
