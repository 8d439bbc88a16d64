import fc from 'fast-check';
import {
  compareHlc,
  createClock,
  decodeHlc,
  encodeHlc,
  isHlc,
  MAX_COUNTER,
  MAX_OFFSET_MS,
  newNodeId,
  type Hlc,
} from '@/lib/sync/hlc';
import { stampFor } from '@/lib/sync/record';

const hlc: fc.Arbitrary<Hlc> = fc.record({
  w: fc.integer({ min: 0, max: 36 ** 9 - 1 }),
  c: fc.integer({ min: 0, max: MAX_COUNTER }),
  n: fc.stringMatching(/^[0-9a-z]{1,16}$/),
});

test('now() always moves forward, even when the wall clock stalls or goes back', () => {
  let wall = 1000;
  const clock = createClock('node1', () => wall);
  const seen: Hlc[] = [];
  for (const w of [1000, 1000, 999, 500, 1001, 1001, 2000, 1500]) {
    wall = w;
    seen.push(clock.now());
  }
  for (let i = 1; i < seen.length; i++) expect(compareHlc(seen[i]!, seen[i - 1]!)).toBe(1);
  expect(seen[0]).toEqual({ w: 1000, c: 0, n: 'node1' });
  expect(seen[6]).toEqual({ w: 2000, c: 0, n: 'node1' });
});

test('after receive(), local events sort after the remote one, unless it leads the wall clock by more than the maximum offset', () => {
  fc.assert(
    fc.property(fc.nat(1e12), hlc, (wall, remote) => {
      const clock = createClock('local', () => wall);
      clock.receive(remote);
      const now = clock.now();
      if (remote.w <= wall + MAX_OFFSET_MS) expect(compareHlc(now, remote)).toBe(1);
      else expect(now.w).toBeLessThanOrEqual(wall + MAX_OFFSET_MS + 1);
    }),
  );
});

test('a local edit sorts after the record it edits, even one stamped far ahead', () => {
  fc.assert(
    fc.property(fc.nat(1e12), hlc, (wall, remote) => {
      const clock = createClock('local', () => wall);
      const rec = { id: 'x', del: remote };
      expect(compareHlc(stampFor(clock, rec), remote)).toBe(1);
    }),
  );
});

test('a counter at its limit carries into the wall time', () => {
  const clock = createClock('n', () => 5, { w: 10, c: MAX_COUNTER, n: 'n' });
  expect(clock.now()).toEqual({ w: 11, c: 0, n: 'n' });
});

test('receive() ignores malformed timestamps', () => {
  const clock = createClock('n', () => 5);
  clock.receive({ w: Number.NaN, c: 0, n: 'x' } as Hlc);
  clock.receive({ w: 1e15, c: -1, n: 'x' } as Hlc);
  expect(clock.now()).toEqual({ w: 5, c: 0, n: 'n' });
});

test('the string form round-trips and sorts like the timestamps', () => {
  fc.assert(
    fc.property(hlc, hlc, (a, b) => {
      expect(decodeHlc(encodeHlc(a))).toEqual(a);
      const byString = encodeHlc(a) < encodeHlc(b) ? -1 : encodeHlc(a) > encodeHlc(b) ? 1 : 0;
      expect(byString).toBe(compareHlc(a, b));
    }),
  );
});

test('malformed strings and node ids are rejected', () => {
  expect(decodeHlc('')).toBeNull();
  expect(decodeHlc('00000000100001NODE')).toBeNull();
  expect(decodeHlc('000000001000')).toBeNull();
  expect(isHlc({ w: 1, c: 0, n: '' })).toBe(false);
  expect(() => createClock('Not A Node')).toThrow();
});

test('node ids are short base36 strings', () => {
  const ids = new Set(Array.from({ length: 200 }, () => newNodeId()));
  expect(ids.size).toBe(200);
  for (const id of ids) expect(id).toMatch(/^[0-9a-z]{10}$/);
});
