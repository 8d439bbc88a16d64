import fc from 'fast-check';
import { recordChange, recordChanges } from '@/lib/store/changes';
import type { QariDb } from '@/lib/store/db';
import { SYNC_FIELDS, type ChangeRow } from '@/lib/store/entry';
import { dropDb, freshDb, outbox as pending } from './store-fixtures';

const URLS = ['https://a.example/1', 'https://a.example/2', 'https://b.example/3'];

const change = fc.record({
  canonicalUrl: fc.constantFrom(...URLS),
  op: fc.constantFrom('put' as const, 'delete' as const),
  fields: fc.subarray([...SYNC_FIELDS]),
  at: fc.integer({ min: 0, max: 1e6 }),
});

async function outbox(db: QariDb): Promise<Omit<ChangeRow, 'seq'>[]> {
  return (await pending(db)).map(({ seq: _seq, ...rest }) => ({
    ...rest,
    fields: [...rest.fields].sort(),
  }));
}

describe('recordChanges', () => {
  it('leaves the outbox as recording the same changes one by one does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(change, { maxLength: 4 }),
        fc.array(change, { maxLength: 8 }),
        async (earlier, batch) => {
          const one = freshDb();
          const many = freshDb();
          try {
            for (const db of [one, many]) {
              await db.transaction('rw', db.changes, async () => {
                for (const c of earlier) await recordChange(db, c);
              });
            }
            await one.transaction('rw', one.changes, async () => {
              for (const c of batch) await recordChange(one, c);
            });
            await many.transaction('rw', many.changes, () => recordChanges(many, batch));
            expect(await outbox(many)).toEqual(await outbox(one));
          } finally {
            await Promise.all([dropDb(one), dropDb(many)]);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
