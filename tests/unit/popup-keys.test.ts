import { listKeyAction, type ListKeyInput } from '@/lib/popup/keys';

const input = document.createElement('input');
const button = document.createElement('button');
const row = document.createElement('div');

function key(k: string, over: Partial<ListKeyInput> = {}): ListKeyInput {
  return { key: k, code: '', altKey: false, ctrlKey: false, metaKey: false, target: row, ...over };
}

describe('listKeyAction', () => {
  it('moves with the arrows anywhere, including from the search box', () => {
    expect(listKeyAction(key('ArrowDown'))).toBe('next');
    expect(listKeyAction(key('ArrowUp', { target: input }))).toBe('prev');
  });

  it('opens with Enter from a row or the search box, not from a button', () => {
    expect(listKeyAction(key('Enter'))).toBe('open');
    expect(listKeyAction(key('Enter', { target: input }))).toBe('open');
    expect(listKeyAction(key('Enter', { target: button }))).toBeNull();
  });

  it('leaves typing alone: / and Delete and letters go to the search box', () => {
    expect(listKeyAction(key('/', { target: input }))).toBeNull();
    expect(listKeyAction(key('Delete', { target: input }))).toBeNull();
    expect(listKeyAction(key('ش', { code: 'KeyA', target: input }))).toBeNull();
  });

  it('deletes, focuses search and toggles status from the list, by physical key', () => {
    expect(listKeyAction(key('Delete'))).toBe('delete');
    expect(listKeyAction(key('/'))).toBe('search');
    expect(listKeyAction(key('ش', { code: 'KeyA' }))).toBe('archive');
    expect(listKeyAction(key('ب', { code: 'KeyF' }))).toBe('favourite');
    expect(listKeyAction(key('Home'))).toBe('first');
  });

  it('ignores browser shortcuts with modifiers', () => {
    expect(listKeyAction(key('ArrowDown', { altKey: true }))).toBeNull();
    expect(listKeyAction(key('Delete', { ctrlKey: true }))).toBeNull();
  });
});
