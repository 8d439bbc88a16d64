import { keyAction, type KeyInput } from '@/lib/reader/keys';
import { parseReaderLocation, readerFrameUrl, withSection } from '@/lib/reader/location';

const BASE = 'chrome-extension://abc/reader.html';

describe('reader location', () => {
  it('reads the overlay token and the section from the hash', () => {
    expect(parseReaderLocation(`${BASE}#t=tok123&s=sec-2`)).toEqual({
      token: 'tok123',
      prepared: false,
      id: null,
      section: 'sec-2',
    });
  });

  it('tells a frame prepared ahead of a click from one opened by a command, keeping it with the section', () => {
    const page = `${BASE}`;
    const prepared = readerFrameUrl(page, 'a&b', true);
    expect(parseReaderLocation(prepared)).toMatchObject({ token: 'a&b', prepared: true });
    expect(parseReaderLocation(withSection(prepared, 'x'))).toMatchObject({
      token: 'a&b',
      prepared: true,
      section: 'x',
    });
    expect(parseReaderLocation(readerFrameUrl(page, 'tok', false))).toMatchObject({
      token: 'tok',
      prepared: false,
    });
  });

  it('reads a saved article id from the query and the section from the hash', () => {
    expect(parseReaderLocation(`${BASE}?id=42#s=%D9%85%D9%82%D8%AF%D9%85%D8%A9`)).toEqual({
      token: null,
      prepared: false,
      id: '42',
      section: 'مقدمة',
    });
    expect(parseReaderLocation(BASE)).toEqual({
      token: null,
      prepared: false,
      id: null,
      section: null,
    });
  });

  it('sets, replaces and removes the section, keeping the token and the id', () => {
    const a = withSection(`${BASE}#t=tok`, 'intro');
    expect(parseReaderLocation(a)).toEqual({
      token: 'tok',
      prepared: false,
      id: null,
      section: 'intro',
    });
    const b = withSection(a, 'القسم-الثاني');
    expect(parseReaderLocation(b)).toEqual({
      token: 'tok',
      prepared: false,
      id: null,
      section: 'القسم-الثاني',
    });
    expect(withSection(b, null)).toBe(`${BASE}#t=tok`);
    expect(parseReaderLocation(withSection(`${BASE}?id=7`, 'x'))).toEqual({
      token: null,
      prepared: false,
      id: '7',
      section: 'x',
    });
    expect(withSection(`${BASE}?id=7#s=x`, null)).toBe(`${BASE}?id=7`);
  });

  it('round-trips ids with characters that need escaping', () => {
    for (const id of ['a&b', 'a=b', '#x', 'سؤال؟', 'a b']) {
      expect(parseReaderLocation(withSection(`${BASE}#t=1`, id)).section).toBe(id);
    }
  });
});

describe('keyAction', () => {
  const key = (over: Partial<KeyInput>): KeyInput => ({
    key: '',
    code: '',
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    target: document.body,
    ...over,
  });

  it('maps j/n and Alt+ArrowDown to next, k/p and Alt+ArrowUp to previous', () => {
    expect(keyAction(key({ key: 'j', code: 'KeyJ' }))).toBe('next');
    expect(keyAction(key({ key: 'n', code: 'KeyN' }))).toBe('next');
    expect(keyAction(key({ key: 'ArrowDown', code: 'ArrowDown', altKey: true }))).toBe('next');
    expect(keyAction(key({ key: 'k', code: 'KeyK' }))).toBe('prev');
    expect(keyAction(key({ key: 'p', code: 'KeyP' }))).toBe('prev');
    expect(keyAction(key({ key: 'ArrowUp', code: 'ArrowUp', altKey: true }))).toBe('prev');
  });

  it('works with an Arabic keyboard layout (same physical keys)', () => {
    expect(keyAction(key({ key: 'ت', code: 'KeyJ' }))).toBe('next');
    expect(keyAction(key({ key: 'ن', code: 'KeyK' }))).toBe('prev');
    expect(keyAction(key({ key: '؟', code: 'Slash', shiftKey: true }))).toBe('help');
  });

  it('highlights the selection with H, on any layout, but not while typing a note', () => {
    expect(keyAction(key({ key: 'h', code: 'KeyH' }))).toBe('highlight');
    expect(keyAction(key({ key: 'ا', code: 'KeyH' }))).toBe('highlight');
    expect(keyAction(key({ key: 'h', code: 'KeyH', ctrlKey: true }))).toBeNull();
    const note = document.createElement('textarea');
    expect(keyAction(key({ key: 'h', code: 'KeyH', target: note }))).toBeNull();
  });

  it('leaves plain arrows, modified letters and typing in form controls alone', () => {
    expect(keyAction(key({ key: 'ArrowDown', code: 'ArrowDown' }))).toBeNull();
    expect(keyAction(key({ key: 'j', code: 'KeyJ', ctrlKey: true }))).toBeNull();
    expect(keyAction(key({ key: 'J', code: 'KeyJ', shiftKey: true }))).toBeNull();
    const input = document.createElement('input');
    expect(keyAction(key({ key: 'j', code: 'KeyJ', target: input }))).toBeNull();
    const select = document.createElement('select');
    expect(
      keyAction(key({ key: 'ArrowDown', code: 'ArrowDown', altKey: true, target: select })),
    ).toBeNull();
  });

  it('always reports Escape, even from a form control, and ? for help', () => {
    expect(
      keyAction(key({ key: 'Escape', code: 'Escape', target: document.createElement('input') })),
    ).toBe('close');
    expect(keyAction(key({ key: '?', code: 'Slash', shiftKey: true }))).toBe('help');
  });
});
