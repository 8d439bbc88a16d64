import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { decodeDocument, decodeRecords, encodeRecords } from '@/lib/sync/codec';
import {
  documentBytes,
  itemSize,
  MANIFEST_KEY,
  shardLength,
  planWrites,
  readArea,
  SYNC_LIMITS,
  type AreaLimits,
  type Manifest,
  type WriteStep,
} from '@/lib/sync/encode';
import { hash53, hash53String } from '@/lib/sync/hash';
import type { Hlc } from '@/lib/sync/hlc';
import { fromBase64, packText, toBase64, unpackText } from '@/lib/sync/pack';
import {
  entryId,
  FIELD_NAMES,
  isLive,
  MAX_TAG,
  MAX_TITLE,
  type DeadRecord,
  type LiveRecord,
  type SyncRecord,
} from '@/lib/sync/record';

const node = fc.stringMatching(/^[0-9a-z]{1,16}$/);
const hlc: fc.Arbitrary<Hlc> = fc.record({
  w: fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
  c: fc.nat(20),
  n: node,
});
const text = (max: number): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('', ' ', 'عاجل:  قمة  «الرياض» ', 'ؤئء ًٌٍَُِّْ ١٢٣ ؟،؛', 'پچژگ 🙂 \t\n"\\'),
      fc.string({ maxLength: max }),
    )
    .map((s) => s.slice(0, max));
const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom('https://!odd', 'http://x.test/ا', 'https://مثال.إختبار/مسار?q=١'),
);

const live: fc.Arbitrary<LiveRecord> = fc
  .record({
    url,
    born: hlc,
    title: text(MAX_TITLE),
    site: text(200),
    savedAt: fc.nat(2 ** 45),
    read: fc.boolean(),
    archived: fc.boolean(),
    favourite: fc.boolean(),
    progress: fc.integer({ min: 0, max: 1000 }).map((p) => p / 1000),
    tags: fc.uniqueArray(
      text(MAX_TAG).filter((t) => t.length > 0),
      { maxLength: 4 },
    ),
    later: fc.array(fc.tuple(fc.nat(FIELD_NAMES.length - 1), fc.nat(10 ** 9), fc.nat(5), node), {
      maxLength: 4,
    }),
  })
  .map((x) => {
    const f = Object.fromEntries(
      FIELD_NAMES.map((n) => [n, { v: x[n as keyof typeof x], h: x.born }]),
    ) as unknown as LiveRecord['f'];
    for (const [fi, dw, c, n] of x.later)
      (f as Record<string, { v: unknown; h: Hlc }>)[FIELD_NAMES[fi]!] = {
        v: f[FIELD_NAMES[fi]!].v,
        h: { w: x.born.w + dw + 1, c, n },
      };
    return { id: entryId(x.url), url: x.url, born: x.born, f };
  });
const dead: fc.Arbitrary<DeadRecord> = fc
  .record({
    id: fc.stringMatching(/^[0-9a-z]{1,11}$/),
    del: hlc,
    kept: fc.option(fc.nat(10 ** 10)),
  })
  .map(({ id, del, kept }) => (kept ? { id, del, kept: del.w + kept } : { id, del }));
const records: fc.Arbitrary<SyncRecord[]> = fc.uniqueArray(fc.oneof(live, dead), {
  selector: (r) => r.id,
  maxLength: 12,
});

const byId = (rs: SyncRecord[]): SyncRecord[] => [...rs].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('codec', () => {
  test('records round-trip exactly', () => {
    fc.assert(
      fc.property(records, (rs) => {
        expect(byId(decodeRecords(encodeRecords(rs))!)).toEqual(byId(rs));
      }),
      { numRuns: 300 },
    );
  });

  test('the encoding does not depend on record order', () => {
    fc.assert(
      fc.property(records, fc.nat(), (rs, seed) => {
        const shuffled = [...rs].sort((a, b) => hash53(a.id, seed) - hash53(b.id, seed));
        expect(encodeRecords(shuffled)).toBe(encodeRecords(rs));
      }),
      { numRuns: 100 },
    );
  });

  test('the generations in which entries were pushed round-trip, and only live entries carry one', () => {
    fc.assert(
      fc.property(records, fc.nat({ max: 1000 }), (rs, g) => {
        const pushes = new Map(rs.map((r, i) => [r.id, g + i + 1]));
        const doc = decodeDocument(encodeRecords(rs, pushes))!;
        expect(byId(doc.records)).toEqual(byId(rs));
        const live = new Map(rs.filter(isLive).map((r) => [r.id, pushes.get(r.id)]));
        expect(new Map([...doc.pushes].sort())).toEqual(new Map([...live].sort()));
        // A document that pushes nothing encodes exactly as one without the column.
        expect(encodeRecords(rs, new Map())).toBe(encodeRecords(rs));
      }),
      { numRuns: 100 },
    );
  });

  test('anything malformed decodes to null instead of throwing', () => {
    const good = encodeRecords([]);
    expect(decodeRecords(good)).toEqual([]);
    for (const bad of ['', 'not base64!', toBase64(packText('{"v":1}')), good.slice(0, -4), 'AAAA'])
      expect(decodeRecords(bad)).toBeNull();
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => decodeRecords(s)).not.toThrow();
      }),
    );
  });

  test('a payload with impossible values is rejected', () => {
    const rec: SyncRecord = { id: 'abc', del: { w: 10, c: 0, n: 'a' } };
    const ok = decodeRecords(encodeRecords([rec]));
    expect(ok).toEqual([rec]);
    const raw = (p: unknown): string => toBase64(deflateSync(packText(JSON.stringify(p))));
    const base = {
      v: 1,
      n: ['a'],
      b: 10,
      u: [],
      w: [],
      t: [],
      s: [],
      si: [],
      bw: [],
      bc: [],
      bn: [],
      sa: [],
      fl: [],
      p: [],
      g: [],
      o: [],
      di: ['abc'],
      dw: [0],
      dc: [0],
      dn: [0],
      dk: [0],
    };
    expect(decodeRecords(raw(base))).toEqual([rec]);
    expect(decodeRecords(raw({ ...base, dn: [3] }))).toBeNull();
    expect(decodeRecords(raw({ ...base, di: ['ABC'] }))).toBeNull();
    expect(decodeRecords(raw({ ...base, dk: [-5] }))).toBeNull();
    expect(decodeRecords(raw({ ...base, v: 2 }))).toBeNull();
    const liveBase = {
      ...base,
      di: [],
      dw: [],
      dc: [],
      dn: [],
      dk: [],
      u: ['x.test/1'],
      w: ['t'],
      t: [[0]],
      s: ['s'],
      si: [0],
      bw: [0],
      bc: [0],
      bn: [0],
      sa: [0],
      fl: [0],
      p: [0],
      g: [[]],
    };
    expect(decodeRecords(raw(liveBase))).toHaveLength(1);
    expect(decodeRecords(raw({ ...liveBase, p: [1001] }))).toBeNull();
    expect(decodeRecords(raw({ ...liveBase, fl: [8] }))).toBeNull();
    expect(decodeRecords(raw({ ...liveBase, t: [[1]] }))).toBeNull();
    expect(decodeRecords(raw({ ...liveBase, o: [0, 3, -1, 0, 0] }))).toBeNull();
    expect(
      decodeRecords(raw({ ...liveBase, u: ['x.test/1', 'x.test/1'], t: [[0], [0]] })),
    ).toBeNull();
  });
});

describe('packing and base64', () => {
  test('text packs and unpacks losslessly, Arabic in one byte a letter', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(unpackText(packText(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
    expect(packText('قارئ').length).toBe(4);
    expect(packText('\u0001').length).toBe(2);
  });

  test('base64 matches the platform and rejects junk', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        const s = toBase64(b);
        expect(s).toBe(Buffer.from(b).toString('base64'));
        expect(fromBase64(s)).toEqual(b);
      }),
    );
    for (const bad of ['abc', 'ab=c', 'a b=', '****']) expect(() => fromBase64(bad)).toThrow();
  });
});

/** What the area holds after running `steps`, checking every step against the quota. */
function apply(items: Record<string, unknown>, steps: WriteStep[], limits: AreaLimits) {
  const out = { ...items };
  for (const step of steps) {
    if ('set' in step) Object.assign(out, step.set);
    else for (const k of step.remove) delete out[k];
    const total = Object.entries(out).reduce(
      (a, [k, v]) => a + k.length + JSON.stringify(v).length,
      0,
    );
    expect(total).toBeLessThanOrEqual(limits.quotaBytes);
    for (const [k, v] of Object.entries(out))
      expect(itemSize(k, v)).toBeLessThanOrEqual(limits.perItemBytes);
  }
  return out;
}

describe('sync area layout', () => {
  const limits = SYNC_LIMITS;
  const recs = (n: number, salt = ''): SyncRecord[] =>
    Array.from({ length: n }, (_, i) => ({
      id: hash53String(`${salt}${i}`).slice(0, 11),
      del: { w: 1_700_000_000_000 + i * 7919, c: i % 3, n: `node${i % 5}` },
    }));

  test('shards, then the manifest, then stale shards go; readers see the new list', () => {
    const first = encodeRecords(recs(50));
    let items = apply(
      { theme: 'dark' },
      planWrites(readArea({ theme: 'dark' }), first, 'writer1', limits)!,
      limits,
    );
    expect(readArea(items)).toMatchObject({
      status: 'ok',
      foreignBytes: itemSize('theme', 'dark'),
    });
    const second = encodeRecords(recs(60));
    const steps = planWrites(readArea(items), second, 'writer1', limits)!;
    expect(
      steps.map((s) => ('set' in s ? (MANIFEST_KEY in s.set ? 'manifest' : 'shards') : 'remove')),
    ).toEqual(['shards', 'manifest', 'remove']);
    items = apply(items, steps, limits);
    const read = readArea(items);
    expect(read.status).toBe('ok');
    expect(read.encoded).toBe(second);
    expect(items.theme).toBe('dark');
    expect(Object.keys(items).filter((k) => k.startsWith('q:'))).toHaveLength(2);
  });

  test('a large list is cut into items under the per-item limit, never rewritten in place', () => {
    const encoded = encodeRecords(recs(4500, 'big'));
    expect(encoded.length).toBeGreaterThan(limits.quotaBytes / 2);
    expect(documentBytes(encoded.length, limits)).toBeLessThan(limits.quotaBytes);
    let items = apply({}, planWrites(readArea({}), encoded, 'w1', limits)!, limits);
    expect(Object.keys(items).length).toBe(Math.ceil(encoded.length / shardLength(limits)) + 1);
    expect(documentBytes(encoded.length, limits)).toBeGreaterThanOrEqual(
      Object.entries(items).reduce((a, [k, v]) => a + itemSize(k, v), 0),
    );
    // Too big for two generations at once: the old list goes first, the new one lands under
    // another name; a worker stopped between any two calls leaves a whole list or none.
    const before = (items[MANIFEST_KEY] as Manifest).s;
    const next = encodeRecords(recs(4490, 'big'));
    const steps = planWrites(readArea(items), next, 'w1', limits)!;
    for (let k = 0; k < steps.length; k++) {
      const cut = readArea(apply(items, steps.slice(0, k), limits));
      expect(['ok', 'empty']).toContain(cut.status);
      if (cut.status === 'ok') expect([encoded, next]).toContain(cut.encoded);
    }
    items = apply(items, steps, limits);
    expect((items[MANIFEST_KEY] as Manifest).s).not.toBe(before);
    expect(readArea(items)).toMatchObject({ status: 'ok', encoded: next });
  });

  test('every write lands in a shard set the manifest does not point to, by any writer', () => {
    let items: Record<string, unknown> = {};
    let prev: string | null = null;
    for (const [i, writer] of ['w1', 'w1', 'w2', 'w1', 'w2', 'w2'].entries()) {
      const encoded = encodeRecords(recs(40 + i, `g${i}`));
      const steps = planWrites(readArea(items), encoded, writer, limits)!;
      for (let k = 0; k <= steps.length; k++) {
        const cut = readArea(apply(items, steps.slice(0, k), limits));
        expect(cut.status).toBe(prev === null && k < steps.length ? 'empty' : 'ok');
      }
      items = apply(items, steps, limits);
      const m = items[MANIFEST_KEY] as Manifest;
      expect(m.s).not.toBe(prev);
      prev = m.s;
    }
  });

  test('no room at all: no plan', () => {
    const filler = { other: 'x'.repeat(8000), other2: 'x'.repeat(8000) };
    const tiny: AreaLimits = { ...limits, quotaBytes: 20_000 };
    expect(planWrites(readArea(filler), 'A'.repeat(8000), 'w', tiny)).toBeNull();
  });

  test('reading: empty, ok, torn, corrupt, newer; foreign items counted and ignored', () => {
    expect(readArea({}).status).toBe('empty');
    expect(readArea({ settings: { a: 1 } })).toMatchObject({ status: 'empty', ignored: 0 });
    const encoded = encodeRecords(recs(3));
    const items = apply({}, planWrites(readArea({}), encoded, 'w', limits)!, limits);
    const m = items[MANIFEST_KEY] as Manifest;
    const shard = `q:${m.s}0`;
    expect(readArea(items)).toMatchObject({ status: 'ok', records: expect.any(Array) });
    expect(readArea({ ...items, 'q:future': 1 })).toMatchObject({ status: 'ok', ignored: 1 });
    expect(readArea({ ...items, [shard]: undefined }).status).toBe('torn');
    expect(readArea({ ...items, [shard]: (items[shard] as string).slice(1) }).status).toBe('torn');
    // Shards with no manifest: no list yet (a first write under way), not a torn one.
    expect(readArea({ [shard]: items[shard] }).status).toBe('empty');
    expect(readArea({ [MANIFEST_KEY]: m }).status).toBe('torn');
    expect(readArea({ ...items, [MANIFEST_KEY]: 'garbage' }).status).toBe('corrupt');
    expect(readArea({ ...items, [MANIFEST_KEY]: { ...m, n: -1 } }).status).toBe('corrupt');
    expect(readArea({ ...items, [MANIFEST_KEY]: { ...m, v: 2 } }).status).toBe('newer');
    const junk = toBase64(packText('not deflate'));
    expect(
      readArea({ [MANIFEST_KEY]: { ...m, x: hash53String(junk) }, [shard]: junk }).status,
    ).toBe('corrupt');
  });
});
