/**
 * Records ⇄ one compact base64 string. Records are laid out in columns (all URLs, then all
 * titles, …) because deflate finds more repetition among similar values; timestamps are deltas
 * from the previous record in HLC order; node ids and site names go through small tables; a field
 * stamp is written only where it differs from the life's `born`. The JSON of those columns is
 * packed (`pack.ts`), deflated with fflate and base64-encoded. Equal record sets always give the
 * same string, so a writer can tell that the sync area already holds what it would write.
 * Decoding validates everything and returns null for anything it would not have produced.
 */
import { deflateSync, Inflate } from 'fflate';
import { compareHlc, isNodeId, type Hlc } from './hlc';
import { fromBase64, packText, toBase64, unpackText } from './pack';
import {
  FIELD_NAMES,
  entryId,
  isLive,
  isSyncRecord,
  PROGRESS_STEPS,
  type DeadRecord,
  type EntryFields,
  type FieldName,
  type LiveRecord,
  type Stamped,
  type SyncRecord,
} from './record';

const FORMAT = 1;
const HTTPS = 'https://';
/** Marks a URL stored whole (not https, or one whose remainder starts with the marker). */
const RAW_URL = '!';
const DEFLATE_LEVEL = 9;
const MAX_INFLATED = 4 * 1024 * 1024;
const INFLATE_STEP = 4096;
const OVERRIDE_WIDTH = 5;

/** Column layout; one-letter keys because they are written once per sync area. */
interface Payload {
  v: number;
  /** Node ids, sorted; stamps refer to them by index. */
  n: string[];
  /** Smallest wall time in the document; deltas start from it. */
  b: number;
  /** Live entries, in HLC order of `born`: URL without https://, title as token indices. */
  u: string[];
  /** Title tokens (space-separated pieces), most frequent first. */
  w: string[];
  t: number[][];
  /** Site names and each entry's index into them. */
  s: string[];
  si: number[];
  /** `born`: wall delta from the previous entry's, counter, node index. */
  bw: number[];
  bc: number[];
  bn: number[];
  /** savedAt − born wall. */
  sa: number[];
  /** read | archived << 1 | favourite << 2. */
  fl: number[];
  /** Progress in thousandths. */
  p: number[];
  g: string[][];
  /** Field stamps that differ from `born`: groups of (entry, field, wall − born wall, c, node). */
  o: number[];
  /** Tombstones, in HLC order of `del`: id, wall delta, counter, node, kept − del wall (0: none). */
  di: string[];
  dw: number[];
  dc: number[];
  dn: number[];
  dk: number[];
  /**
   * Per live entry, the generation of the area in which a writer pushed its newest values over a
   * stale copy (0: not pushed). Absent in documents that push nothing.
   */
  k?: number[];
}

const FLAG_READ = 1;
const FLAG_ARCHIVED = 2;
const FLAG_FAVOURITE = 4;
const MAX_FLAGS = 7;
const TOKEN_SEP = ' ';

const byHlc =
  <T>(key: (x: T) => Hlc, id: (x: T) => string) =>
  (a: T, b: T): number =>
    compareHlc(key(a), key(b)) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);

function shortUrl(url: string): string {
  if (url.startsWith(HTTPS) && !url.startsWith(HTTPS + RAW_URL)) return url.slice(HTTPS.length);
  return RAW_URL + url;
}
const longUrl = (s: string): string => (s.startsWith(RAW_URL) ? s.slice(1) : HTTPS + s);

function table(values: Iterable<string>): { list: string[]; index: Map<string, number> } {
  const list = [...new Set(values)].sort();
  return { list, index: new Map(list.map((v, i) => [v, i])) };
}

/** Most frequent first, so common words get short indices that deflate codes cheaply. */
function tokenTable(titles: string[]): { list: string[]; index: Map<string, number> } {
  const freq = new Map<string, number>();
  for (const t of titles) for (const w of t.split(TOKEN_SEP)) freq.set(w, (freq.get(w) ?? 0) + 1);
  const list = [...freq.keys()].sort(
    (a, b) => freq.get(b)! - freq.get(a)! || (a < b ? -1 : a > b ? 1 : 0),
  );
  return { list, index: new Map(list.map((v, i) => [v, i])) };
}

function allHlcs(live: LiveRecord[], dead: DeadRecord[]): Hlc[] {
  const out: Hlc[] = [];
  for (const r of live) {
    out.push(r.born);
    for (const n of FIELD_NAMES) out.push(r.f[n].h);
  }
  for (const r of dead) out.push(r.del);
  return out;
}

function emptyPayload(nodes: string[], base: number, words: string[], sites: string[]): Payload {
  return {
    v: FORMAT,
    n: nodes,
    b: base,
    u: [],
    w: words,
    t: [],
    s: sites,
    si: [],
    bw: [],
    bc: [],
    bn: [],
    sa: [],
    fl: [],
    p: [],
    g: [],
    o: [],
    di: [],
    dw: [],
    dc: [],
    dn: [],
    dk: [],
  };
}

/** Ids whose newest values a writer pushed over a stale copy → the generation it wrote. */
export type Pushes = ReadonlyMap<string, number>;

function buildPayload(records: readonly SyncRecord[], pushes: Pushes): Payload {
  const live = records.filter(isLive).sort(
    byHlc<LiveRecord>(
      (r) => r.born,
      (r) => r.id,
    ),
  );
  const dead = (records.filter((r) => !isLive(r)) as DeadRecord[]).sort(
    byHlc<DeadRecord>(
      (r) => r.del,
      (r) => r.id,
    ),
  );
  const hlcs = allHlcs(live, dead);
  const nodes = table(hlcs.map((h) => h.n));
  const sites = table(live.map((r) => r.f.site.v));
  const words = tokenTable(live.map((r) => r.f.title.v));
  const base = hlcs.reduce((m, h) => Math.min(m, h.w), hlcs[0]?.w ?? 0);
  const p = emptyPayload(nodes.list, base, words.list, sites.list);
  const node = (h: Hlc): number => nodes.index.get(h.n)!;
  let prev = base;
  const pushed: number[] = [];
  live.forEach((r, i) => {
    const f = r.f;
    p.u.push(shortUrl(r.url));
    p.t.push(f.title.v.split(TOKEN_SEP).map((w) => words.index.get(w)!));
    p.si.push(sites.index.get(f.site.v)!);
    p.bw.push(r.born.w - prev);
    prev = r.born.w;
    p.bc.push(r.born.c);
    p.bn.push(node(r.born));
    p.sa.push(f.savedAt.v - r.born.w);
    p.fl.push(
      (f.read.v ? FLAG_READ : 0) |
        (f.archived.v ? FLAG_ARCHIVED : 0) |
        (f.favourite.v ? FLAG_FAVOURITE : 0),
    );
    p.p.push(Math.round(f.progress.v * PROGRESS_STEPS));
    p.g.push(f.tags.v);
    pushed.push(pushes.get(r.id) ?? 0);
    FIELD_NAMES.forEach((name, fi) => {
      const h = f[name].h;
      if (compareHlc(h, r.born) !== 0) p.o.push(i, fi, h.w - r.born.w, h.c, node(h));
    });
  });
  prev = base;
  for (const r of dead) {
    p.di.push(r.id);
    p.dw.push(r.del.w - prev);
    prev = r.del.w;
    p.dc.push(r.del.c);
    p.dn.push(node(r.del));
    p.dk.push(r.kept === undefined ? 0 : r.kept - r.del.w);
  }
  // Only when something is pushed, so a list without pushes encodes as it always has.
  if (pushed.some((g) => g > 0)) p.k = pushed;
  return p;
}

/** Records (any order) → base64 of the deflated, packed column JSON. */
export function encodeRecords(records: readonly SyncRecord[], pushes: Pushes = new Map()): string {
  const text = JSON.stringify(buildPayload(records, pushes));
  return toBase64(deflateSync(packText(text), { level: DEFLATE_LEVEL }));
}

const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isNat = (v: unknown): v is number => isInt(v) && v >= 0;
const intArr = (v: unknown, len?: number): v is number[] =>
  Array.isArray(v) && (len === undefined || v.length === len) && v.every(isInt);
const strArr = (v: unknown, len?: number): v is string[] =>
  Array.isArray(v) &&
  (len === undefined || v.length === len) &&
  v.every((s) => typeof s === 'string');
const arrOf = (v: unknown, len: number, item: (x: unknown) => boolean): boolean =>
  Array.isArray(v) && v.length === len && v.every(item);

const LIVE_INT_COLUMNS = ['si', 'bw', 'bc', 'bn', 'sa', 'fl', 'p'] as const;
const DEAD_INT_COLUMNS = ['dw', 'dc', 'dn', 'dk'] as const;

function validPayload(v: unknown): v is Payload {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const p = v as Record<string, unknown>;
  if (p.v !== FORMAT || !Array.isArray(p.u) || !Array.isArray(p.di)) return false;
  const n = p.u.length;
  const d = p.di.length;
  return (
    strArr(p.n) &&
    p.n.every(isNodeId) &&
    isNat(p.b) &&
    strArr(p.u, n) &&
    strArr(p.w) &&
    arrOf(p.t, n, (x) => intArr(x) && x.length > 0) &&
    strArr(p.s) &&
    LIVE_INT_COLUMNS.every((k) => intArr(p[k], n)) &&
    arrOf(p.g, n, (x) => strArr(x)) &&
    intArr(p.o) &&
    p.o.length % OVERRIDE_WIDTH === 0 &&
    strArr(p.di, d) &&
    DEAD_INT_COLUMNS.every((k) => intArr(p[k], d)) &&
    (p.k === undefined || (intArr(p.k, n) && p.k.every(isNat)))
  );
}

function hlcAt(nodes: string[], w: number, c: number, ni: number): Hlc {
  const n = nodes[ni];
  if (n === undefined) throw new Error('bad node index');
  return { w, c, n };
}

function titleOf(words: string[], seq: number[]): string {
  return seq
    .map((i) => {
      const w = words[i];
      if (w === undefined) throw new Error('bad token index');
      return w;
    })
    .join(TOKEN_SEP);
}

function liveRecords(p: Payload): LiveRecord[] {
  let w = p.b;
  const out = p.u.map((short, i): LiveRecord => {
    w += p.bw[i]!;
    const born = hlcAt(p.n, w, p.bc[i]!, p.bn[i]!);
    const site = p.s[p.si[i]!];
    const flag = p.fl[i]!;
    if (site === undefined || flag < 0 || flag > MAX_FLAGS) throw new Error('bad column value');
    const values: EntryFields = {
      title: titleOf(p.w, p.t[i]!),
      site,
      savedAt: born.w + p.sa[i]!,
      read: (flag & FLAG_READ) !== 0,
      archived: (flag & FLAG_ARCHIVED) !== 0,
      favourite: (flag & FLAG_FAVOURITE) !== 0,
      progress: p.p[i]! / PROGRESS_STEPS,
      tags: p.g[i]!,
    };
    const f = {} as Record<FieldName, Stamped<unknown>>;
    for (const name of FIELD_NAMES) f[name] = { v: values[name], h: born };
    const url = longUrl(short);
    return { id: entryId(url), url, born, f: f as LiveRecord['f'] };
  });
  for (let k = 0; k < p.o.length; k += OVERRIDE_WIDTH) {
    const [i, fi, dw, c, ni] = p.o.slice(k, k + OVERRIDE_WIDTH) as number[];
    const r = out[i!];
    const name = FIELD_NAMES[fi!];
    if (!r || !name) throw new Error('bad override');
    r.f[name] = { v: r.f[name].v, h: hlcAt(p.n, r.born.w + dw!, c!, ni!) } as never;
  }
  return out;
}

function deadRecords(p: Payload): DeadRecord[] {
  let w = p.b;
  return p.di.map((id, i) => {
    w += p.dw[i]!;
    const r: DeadRecord = { id, del: hlcAt(p.n, w, p.dc[i]!, p.dn[i]!) };
    if (p.dk[i] !== 0) r.kept = w + p.dk[i]!;
    return r;
  });
}

/** Inflate, giving up past MAX_INFLATED so a crafted item cannot exhaust memory. */
function inflateBounded(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > MAX_INFLATED) throw new Error('inflated data too large');
    parts.push(chunk);
  });
  for (let i = 0; i < data.length; i += INFLATE_STEP)
    inflate.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
  if (data.length === 0) inflate.push(data, true);
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Inverse of `encodeRecords`; null for anything malformed (bad base64, deflate, JSON, values). */
export function decodeDocument(b64: string): { records: SyncRecord[]; pushes: Pushes } | null {
  try {
    const bytes = inflateBounded(fromBase64(b64));
    const p: unknown = JSON.parse(unpackText(bytes));
    if (!validPayload(p)) return null;
    const live = liveRecords(p);
    const records: SyncRecord[] = [...live, ...deadRecords(p)];
    const ids = new Set(records.map((r) => r.id));
    if (ids.size !== records.length || !records.every(isSyncRecord)) return null;
    const pushes = new Map<string, number>();
    p.k?.forEach((g, i) => {
      if (g > 0) pushes.set(live[i]!.id, g);
    });
    return { records, pushes };
  } catch {
    return null;
  }
}

/** The records of `decodeDocument`. */
export function decodeRecords(b64: string): SyncRecord[] | null {
  return decodeDocument(b64)?.records ?? null;
}
