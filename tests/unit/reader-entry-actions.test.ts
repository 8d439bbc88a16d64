import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  ACTION_LABEL,
  endActions,
  savedToolbarActions,
  statusPatch,
  type EntryActionId,
} from '@/lib/reader/entry-actions';

const status = fc.record({ read: fc.boolean(), archived: fc.boolean(), favourite: fc.boolean() });

/** The status after applying an action's patch. */
const apply = <T extends object>(s: T, id: EntryActionId): T => ({ ...s, ...statusPatch(id) });

describe('the saved page’s toolbar', () => {
  it('offers the list, archive, favourite, read/unread and delete, each toggling its own state', () => {
    fc.assert(
      fc.property(status, (s) => {
        const ids = savedToolbarActions(s);
        expect(ids[0]).toBe('back-to-list');
        expect(ids).toContain('delete');
        expect(ids).toContain(s.archived ? 'unarchive' : 'archive');
        expect(ids).toContain(s.read ? 'mark-unread' : 'mark-read');
        // Every status button changes exactly its own field, to the other value.
        for (const id of ids) {
          const patch = statusPatch(id);
          if (!patch) continue;
          const [field, value] = Object.entries(patch)[0]!;
          expect(s[field as keyof typeof s]).toBe(!value);
          expect(apply(s, id)).toEqual({ ...s, [field]: value });
        }
      }),
    );
  });
});

describe('after the last paragraph', () => {
  it('offers archive, save only when not saved, and the way back', () => {
    fc.assert(
      fc.property(status, fc.boolean(), (s, saved) => {
        const overlay = endActions('overlay', { ...s, saved });
        expect(overlay.includes('save')).toBe(!saved);
        expect(overlay.at(-1)).toBe('back-to-page');
        expect(overlay.includes('archive')).toBe(!s.archived);
        const page = endActions('saved', { ...s, saved: true });
        expect(page).not.toContain('save');
        expect(page.at(-1)).toBe('back-to-list');
        expect(page[0]).toBe(s.archived ? 'unarchive' : 'archive');
      }),
    );
  });
});

describe('the end’s save button beside the toolbar’s', () => {
  it('has a name of its own in every language, so the two can be told apart', () => {
    for (const lang of ['ar', 'en']) {
      const messages = JSON.parse(
        readFileSync(join(__dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'),
      ) as Record<string, { message: string }>;
      const end = messages[ACTION_LABEL.save]?.message;
      expect(end).toBeTruthy();
      expect(end).not.toBe(messages.readerSave!.message);
      expect(end).not.toBe(messages.readerSaved!.message);
    }
  });
});
