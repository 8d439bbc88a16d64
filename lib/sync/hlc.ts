/**
 * Hybrid logical clock: wall time in ms, a counter for events within the same ms (or while the
 * wall clock lags a time already seen), and the node id as the final tie-break. Wall time alone
 * is not enough to order edits from two browsers: their clocks differ, and a clock that runs
 * behind would make its owner's newer edits lose. An HLC never goes backwards and is always
 * later than every timestamp its node has seen, so "edited after seeing X" always sorts after X.
 */

export interface Hlc {
  /** Wall time, ms since the epoch (the largest seen, not necessarily this machine's). */
  w: number;
  /** Orders events that share `w`. */
  c: number;
  /** The node (browser profile) that made the event. */
  n: string;
}

/**
 * How far a stamp from elsewhere may lead this machine's wall clock before the clock stops
 * following it (hybrid-logical-clock databases bound their maximum offset the same way): a
 * browser whose clock runs days ahead does not drag every other browser's stamps with it.
 */
export const MAX_OFFSET_MS = 5 * 60_000;

export interface HlcClock {
  readonly nodeId: string;
  /** A timestamp for a local event, later than everything seen so far. */
  now(): Hlc;
  /**
   * Note a timestamp from elsewhere so later local events sort after it; one more than
   * MAX_OFFSET_MS ahead of the wall clock is followed only that far.
   */
  receive(remote: Hlc): void;
}

/** base36 width of the wall time: 36^9 ms reaches the year 5138. */
const WALL_WIDTH = 9;
/** base36 width of the counter in the string form. */
const COUNTER_WIDTH = 4;
export const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;
const MAX_WALL = 36 ** WALL_WIDTH - 1;
const NODE_RE = /^[0-9a-z]{1,16}$/;
const ENCODED_RE = /^([0-9a-z]{9})([0-9a-z]{4})([0-9a-z]{1,16})$/;
const NODE_ID_LENGTH = 10;

export const isNodeId = (v: unknown): v is string => typeof v === 'string' && NODE_RE.test(v);

export function isHlc(v: unknown): v is Hlc {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Record<string, unknown>;
  return (
    Number.isSafeInteger(h.w) &&
    (h.w as number) >= 0 &&
    (h.w as number) <= MAX_WALL &&
    Number.isSafeInteger(h.c) &&
    (h.c as number) >= 0 &&
    (h.c as number) <= MAX_COUNTER &&
    isNodeId(h.n)
  );
}

/** Total order: wall time, then counter, then node id. */
export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  if (a.w !== b.w) return a.w < b.w ? -1 : 1;
  if (a.c !== b.c) return a.c < b.c ? -1 : 1;
  if (a.n !== b.n) return a.n < b.n ? -1 : 1;
  return 0;
}

export const maxHlc = (a: Hlc, b: Hlc): Hlc => (compareHlc(a, b) >= 0 ? a : b);

/**
 * Fixed-width string form (wall, counter, node), so that comparing two strings compares the
 * timestamps: it can be used directly as a sortable IndexedDB key.
 */
export function encodeHlc(h: Hlc): string {
  return (
    h.w.toString(36).padStart(WALL_WIDTH, '0') + h.c.toString(36).padStart(COUNTER_WIDTH, '0') + h.n
  );
}

export function decodeHlc(s: string): Hlc | null {
  const m = ENCODED_RE.exec(s);
  if (!m) return null;
  return { w: parseInt(m[1]!, 36), c: parseInt(m[2]!, 36), n: m[3]! };
}

/** A random node id for a browser profile (10 base36 characters, about 51 bits). */
export function newNodeId(random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < NODE_ID_LENGTH; i++) id += Math.floor(random() * 36).toString(36);
  return id;
}

/**
 * A clock for one node. `wall` is injectable so tests and the simulator run on a fake clock;
 * `last` resumes from a persisted or recovered timestamp after a restart.
 */
export function createClock(nodeId: string, wall: () => number = Date.now, last?: Hlc): HlcClock {
  if (!isNodeId(nodeId)) throw new Error(`invalid node id: ${nodeId}`);
  let w = last?.w ?? 0;
  let c = last?.c ?? 0;

  // A counter that would overflow its width moves the clock 1 ms ahead instead; the HLC stays
  // strictly increasing and within a ms of real time per 1.6 million events.
  const bump = (): void => {
    if (c < MAX_COUNTER) c += 1;
    else {
      w += 1;
      c = 0;
    }
  };

  return {
    nodeId,
    now() {
      const pt = Math.floor(wall());
      if (pt > w) {
        w = pt;
        c = 0;
      } else bump();
      return { w, c, n: nodeId };
    },
    receive(remote) {
      if (!isHlc(remote)) return;
      const bound = Math.floor(wall()) + MAX_OFFSET_MS;
      const rw = Math.min(remote.w, bound);
      const rc = rw < remote.w ? 0 : remote.c;
      if (rw > w || (rw === w && rc > c)) {
        w = rw;
        c = rc;
      }
    },
  };
}
