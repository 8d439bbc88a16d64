import fc from 'fast-check';
import { createClock, type Hlc } from '@/lib/sync/hlc';
import { mergeMaps, mergeRecord, toMap, type RecordMap } from '@/lib/sync/merge';
import {
  deleteRecord,
  editRecord,
  entryId,
  FIELD_NAMES,
  isLive,
  isSyncRecord,
  newRecord,
  stampFor,
  type DeadRecord,
  type FieldName,
  type LiveRecord,
  type StampedFields,
  type SyncRecord,
} from '@/lib/sync/record';

const URLS = ['https://a.example/1', 'https://a.example/2', 'https://a.example/3'];

// Small domains, so ties (same HLC, same born, same field stamp) are common.
const hlc: fc.Arbitrary<Hlc> = fc.record({
  w: fc.integer({ min: 1, max: 4 }),
  c: fc.integer({ min: 0, max: 1 }),
  n: fc.constantFrom('a', 'b'),
});
const later = (h: Hlc): fc.Arbitrary<Hlc> =>
  fc.oneof(
    fc.constant(h),
    hlc.map((x) => ({ ...x, w: h.w + x.w })),
  );
const values: { [K in FieldName]: fc.Arbitrary<unknown> } = {
  title: fc.constantFrom('أ', 'ب', 'title'),
  site: fc.constantFrom('موقع', 'site'),
  savedAt: fc.integer({ min: 0, max: 3 }),
  read: fc.boolean(),
  archived: fc.boolean(),
  favourite: fc.boolean(),
  progress: fc.constantFrom(0, 0.25, 1),
  tags: fc.constantFrom([], ['x'], ['x', 'y']),
};

function liveArb(url: string): fc.Arbitrary<LiveRecord> {
  return hlc.chain((born) => {
    const fields = Object.fromEntries(
      FIELD_NAMES.map((n) => [n, fc.record({ v: values[n], h: later(born) })]),
    ) as { [K in FieldName]: fc.Arbitrary<{ v: unknown; h: Hlc }> };
    return fc
      .record(fields)
      .map((f) => ({ id: entryId(url), url, born, f: f as unknown as StampedFields }));
  });
}

function deadArb(url: string): fc.Arbitrary<DeadRecord> {
  return fc
    .record({ del: hlc, kept: fc.option(fc.integer({ min: 1, max: 3 })), withUrl: fc.boolean() })
    .map(({ del, kept, withUrl }) => {
      const r: DeadRecord = { id: entryId(url), del };
      if (withUrl) r.url = url;
      if (kept !== null) r.kept = del.w + kept;
      return r;
    });
}

const record = (url: string): fc.Arbitrary<SyncRecord> => fc.oneof(liveArb(url), deadArb(url));
const oneEntry = record(URLS[0]!);
const list: fc.Arbitrary<RecordMap> = fc
  .array(fc.constantFrom(...URLS).chain(record), { maxLength: 6 })
  .map(toMap);

test('generated records are valid', () => {
  fc.assert(
    fc.property(oneEntry, (r) => {
      expect(isSyncRecord(r)).toBe(true);
    }),
  );
});

describe('merge laws', () => {
  test('commutative', () => {
    fc.assert(
      fc.property(oneEntry, oneEntry, (a, b) => {
        expect(mergeRecord(a, b)).toEqual(mergeRecord(b, a));
      }),
      { numRuns: 2000 },
    );
  });

  test('associative', () => {
    fc.assert(
      fc.property(oneEntry, oneEntry, oneEntry, (a, b, c) => {
        expect(mergeRecord(mergeRecord(a, b), c)).toEqual(mergeRecord(a, mergeRecord(b, c)));
      }),
      { numRuns: 2000 },
    );
  });

  test('idempotent', () => {
    fc.assert(
      fc.property(oneEntry, oneEntry, (a, b) => {
        expect(mergeRecord(a, a)).toEqual(a);
        const ab = mergeRecord(a, b);
        expect(mergeRecord(ab, b)).toEqual(ab);
      }),
    );
  });

  test('the result is one of the inputs field by field, and valid', () => {
    fc.assert(
      fc.property(oneEntry, oneEntry, (a, b) => {
        const m = mergeRecord(a, b);
        expect(isSyncRecord(m)).toBe(true);
        if (isLive(m)) {
          const sources = [a, b].filter(isLive);
          for (const n of FIELD_NAMES) expect(sources.map((s) => s.f[n])).toContainEqual(m.f[n]);
        }
      }),
    );
  });

  test('lists merge in any order and grouping to the same list', () => {
    fc.assert(
      fc.property(list, list, list, (a, b, c) => {
        const one = mergeMaps(mergeMaps(a, b), c);
        const two = mergeMaps(c, mergeMaps(b, a));
        expect(new Map([...one].sort())).toEqual(new Map([...two].sort()));
        expect(mergeMaps(one, one)).toEqual(one);
      }),
      { numRuns: 500 },
    );
  });
});

describe('merge semantics', () => {
  const url = URLS[0]!;
  const at = (w: number, n = 'a'): Hlc => ({ w, c: 0, n });
  const saved = newRecord(url, { title: 'مقال', site: 'موقع' }, at(1));

  test('concurrent edits to different fields both survive', () => {
    const onA = editRecord(saved, { read: true }, at(2, 'a'));
    const onB = editRecord(saved, { progress: 0.5 }, at(2, 'b'));
    const m = mergeRecord(onA, onB) as LiveRecord;
    expect(m.f.read.v).toBe(true);
    expect(m.f.progress.v).toBe(0.5);
    expect(m.f.title.v).toBe('مقال');
  });

  test('concurrent edits to the same field: the later HLC wins', () => {
    const early = editRecord(saved, { title: 'أول' }, at(5, 'z'));
    const late = editRecord(saved, { title: 'ثان' }, { w: 5, c: 1, n: 'a' });
    expect((mergeRecord(early, late) as LiveRecord).f.title.v).toBe('ثان');
  });

  test('a delete beats older edits, and edits of the deleted life made later too', () => {
    const edited = editRecord(saved, { read: true }, at(2));
    const deleted = deleteRecord(saved, at(3));
    expect(isLive(mergeRecord(edited, deleted))).toBe(false);
    const afterDelete = editRecord(saved, { progress: 1 }, at(9, 'b'));
    expect(isLive(mergeRecord(afterDelete, deleted))).toBe(false);
  });

  test('a save after the delete is a new life with fresh fields', () => {
    const edited = editRecord(saved, { favourite: true, tags: ['x'] }, at(2));
    const deleted = deleteRecord(edited, at(3));
    const again = newRecord(url, { title: 'مقال', site: 'موقع' }, at(4, 'b'));
    for (const m of [
      mergeRecord(deleted, again),
      mergeRecord(mergeRecord(edited, again), deleted),
    ]) {
      expect(isLive(m)).toBe(true);
      expect((m as LiveRecord).f.favourite.v).toBe(false);
      expect((m as LiveRecord).f.tags.v).toEqual([]);
    }
  });

  test('a save concurrent with but older than a delete stays deleted', () => {
    const deleted = deleteRecord(saved, at(5));
    const resaved = newRecord(url, { title: 'x', site: 'y' }, at(4, 'b'));
    expect(isLive(mergeRecord(resaved, deleted))).toBe(false);
  });

  test('a tombstone and a life with the same HLC: the tombstone wins', () => {
    const dead: DeadRecord = { id: saved.id, del: saved.born };
    expect(isLive(mergeRecord(saved, dead))).toBe(false);
    expect(isLive(mergeRecord(dead, saved))).toBe(false);
  });

  test('a local edit is stamped after what the record shows, however slow the clock', () => {
    const fromFastClock = editRecord(saved, { read: true }, { w: 9_000, c: 3, n: 'b' });
    const slow = createClock('a', () => 10);
    const undo = editRecord(fromFastClock, { read: false }, stampFor(slow, fromFastClock));
    expect((mergeRecord(undo, fromFastClock) as LiveRecord).f.read.v).toBe(false);
    expect(slow.now().w).toBeGreaterThanOrEqual(9_000);
  });

  test('records of different entries are not merged', () => {
    const other = newRecord(URLS[1]!, { title: 'x', site: 'y' }, at(1));
    expect(() => mergeRecord(saved, other)).toThrow();
  });
});
