import fc from 'fast-check';
import { countLabelKey, rowState, type ReadingState } from '@/lib/popup/row-state';
import type { ListFilter } from '@/lib/store/articles';

const status = fc.record({
  read: fc.boolean(),
  archived: fc.boolean(),
  favourite: fc.boolean(),
  progress: fc.oneof(fc.double({ min: -1, max: 2, noNaN: false }), fc.constantFrom(0, 0.8, 1)),
});

describe('a list row’s reading state', () => {
  it('is exactly one of unread, in progress, read or archived, whatever the stored flags', () => {
    fc.assert(
      fc.property(status, (e) => {
        const s = rowState(e);
        const states: ReadingState[] = ['unread', 'progress', 'read', 'archived'];
        expect(states).toContain(s.state);
        // Archived wins over everything a reader did before archiving.
        if (e.archived) expect(s.state).toBe('archived');
        // Unread means nothing was read: no percentage beside it, not archived, not read.
        if (s.state === 'unread') expect(e.archived || e.read).toBe(false);
        // A percentage only for an article started and not finished.
        expect(s.progress !== null).toBe(s.state === 'progress');
        if (s.progress !== null) expect(s.progress > 0 && s.progress < 1).toBe(true);
        expect(s.favourite).toBe(e.favourite);
      }),
    );
  });

  it('says in progress at 80 %, read at the end or when marked read, unread at the start', () => {
    const base = { read: false, archived: false, favourite: false };
    expect(rowState({ ...base, progress: 0.8 })).toEqual({
      state: 'progress',
      progress: 0.8,
      favourite: false,
    });
    expect(rowState({ ...base, progress: 0.99 }).state).toBe('read');
    expect(rowState({ ...base, read: true, progress: 0.3 }).state).toBe('read');
    expect(rowState({ ...base, progress: 0 }).state).toBe('unread');
    expect(rowState({ ...base, archived: true, progress: 0.8 }).state).toBe('archived');
  });
});

describe('the count line', () => {
  it('names the filter it counts (the archived filter does not say «قائمة القراءة»)', () => {
    const filters: ListFilter[] = ['all', 'unread', 'archived', 'favourites'];
    const keys = filters.map((f) => countLabelKey(f, false));
    expect(keys).toEqual([
      'popupList',
      'popupFilterUnread',
      'popupFilterArchived',
      'popupFilterFavourites',
    ]);
    expect(countLabelKey('archived', true)).toBe('popupResults');
  });
});
