/**
 * A restore sends its backup's bodies to the offscreen document many to a message, each message
 * bounded in bodies and in HTML, and the offscreen side takes only such messages.
 */
import {
  MAX_BODIES_PER_MESSAGE,
  bodyMessages,
  isCleanBodiesAnswer,
  isOffscreenCleanBodiesRequest,
} from '@/lib/fetch/offscreen-protocol';
import { MAX_PAGE_BYTES } from '@/lib/fetch/fetch-html';

const URL_A = 'https://news.example/a';
const body = (chars: number, url = URL_A) => ({ html: 'x'.repeat(chars), url });
const request = (bodies: unknown) => ({
  target: 'qari-offscreen',
  type: 'offscreen:cleanBodies',
  bodies,
});

describe('bodyMessages', () => {
  it('puts many bodies in a message, within the count and the HTML bound, in order', () => {
    const small = Array.from({ length: 1234 }, (_, i) => body(10, `https://n.example/${i}`));
    const msgs = bodyMessages(small);
    expect(msgs.map((m) => m.length)).toEqual([500, 500, 234]);
    expect(msgs.flat()).toEqual(small);
    const big = [body(MAX_PAGE_BYTES / 2), body(MAX_PAGE_BYTES / 2), body(1), body(MAX_PAGE_BYTES)];
    expect(bodyMessages(big).map((m) => m.length)).toEqual([2, 1, 1]);
    for (const m of [...msgs, ...bodyMessages(big)])
      expect(isOffscreenCleanBodiesRequest(request(m))).toBe(true);
  });
});

describe('the offscreen side’s guard', () => {
  it('refuses a message over either bound, empty, or with a body not for a web page', () => {
    const many = Array.from({ length: MAX_BODIES_PER_MESSAGE + 1 }, () => body(1));
    for (const bad of [
      many,
      [body(MAX_PAGE_BYTES), body(1)],
      [],
      [body(1, 'javascript:alert(1)')],
      [{ html: 1, url: URL_A }],
      'x',
    ])
      expect(isOffscreenCleanBodiesRequest(request(bad))).toBe(false);
    expect(isOffscreenCleanBodiesRequest({ ...request([body(1)]), target: 'other' })).toBe(false);
  });

  it('takes back one HTML per body sent', () => {
    expect(isCleanBodiesAnswer({ html: ['a', 'b'] }, 2)).toBe(true);
    expect(isCleanBodiesAnswer({ html: ['a'] }, 2)).toBe(false);
    expect(isCleanBodiesAnswer({ html: ['a', 2] }, 2)).toBe(false);
  });
});
