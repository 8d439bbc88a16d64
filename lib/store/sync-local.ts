/**
 * The reading list (Dexie) as the sync engine's `LocalAdapter` (contract in `lib/sync/local.ts`).
 *
 * The write path (`lib/store/write.ts`) records every local change in the outbox (`changes`) with
 * its wall time; this adapter turns those into sync records: each changed field stamped with an HLC no earlier than
 * the edit and later than every stamp the entry already carries (`stampFor`), a save of an absent
 * or deleted entry starting a new life, a delete leaving a tombstone. The records, tombstones
 * included, live in `syncMeta`. The outbox is absorbed at the start of `list()` and again inside
 * `apply()`'s transaction, so an edit the reader makes while a cycle is merging is stamped and
 * merged with the remote state before anything is written: it is never overwritten.
 *
 * Applying merged records writes only the fields whose winning stamp changed, so values the sync
 * format shortens (long titles) are not written back over the local ones.
 */
import { createClock, type Hlc } from '../sync/hlc';
import type { LocalAdapter } from '../sync/local';
import { mergeRecord } from '../sync/merge';
import {
  deleteRecord,
  editRecord,
  entryId,
  FIELD_NAMES,
  isLive,
  isSyncRecord,
  MAX_URL,
  newRecord,
  sameLocalState,
  sameRecord,
  stampFor,
  type DeadRecord,
  type EntryFields,
  type FieldName,
  type LiveRecord,
  type SyncRecord,
} from '../sync/record';
import { observeChanges } from './changes';
import type { QariDb, SyncMetaRow } from './db';
import type { ChangeRow, EntryRow, SyncField } from './entry';
import { applyRemote, type RemoteUpdate, type SyncValues } from './sync-adapter';
import { entryTables } from './write';

/** Store fields → record fields (`url` is the record's key, not a field). */
const FIELD_OF: Partial<Record<SyncField, FieldName>> = {
  title: 'title',
  siteName: 'site',
  savedAt: 'savedAt',
  read: 'read',
  archived: 'archived',
  favourite: 'favourite',
  progress: 'progress',
  tags: 'tags',
};

export interface DexieSyncAdapterOptions {
  /** This browser's node id (the engine's), for the stamps of local edits. */
  nodeId: string;
  /** Wall clock, ms; `Date.now` by default. */
  now?: () => number;
}

export type DexieSyncAdapter = LocalAdapter;

// The `listState` mark saying every entry saved before sync existed has its first record: after
// the first cycle, a worker start reads no article row and no sync-meta key to find out again.
const BOOTSTRAPPED = 'syncBootstrapped';

function valuesOf(row: EntryRow): EntryFields {
  return {
    title: row.meta.title,
    site: row.meta.siteName ?? '',
    savedAt: row.savedAt,
    read: row.read === 1,
    archived: row.archived === 1,
    favourite: row.favourite === 1,
    progress: row.progress,
    tags: row.tags,
  };
}

function patchOf(row: EntryRow, fields: readonly SyncField[]): Partial<EntryFields> {
  const all = valuesOf(row);
  const out: Partial<Record<FieldName, unknown>> = {};
  for (const f of fields) {
    const name = FIELD_OF[f];
    if (name) out[name] = all[name];
  }
  return out as Partial<EntryFields>;
}

/** Record fields → the store's, for the fields named. */
function storeValues(rec: LiveRecord, names: readonly FieldName[]): Partial<SyncValues> {
  const out: Partial<SyncValues> = {};
  for (const n of names) {
    const v = rec.f[n].v;
    if (n === 'site') out.siteName = (v as string) || null;
    else (out as Record<string, unknown>)[n] = v;
  }
  return out;
}

/** What the entry row must change for the stored record `cur` to become `merged`. */
function updateFor(cur: SyncRecord | undefined, merged: SyncRecord): RemoteUpdate | null {
  if (!isLive(merged)) {
    const url = merged.url ?? cur?.url;
    return url && cur && isLive(cur) ? { canonicalUrl: url, deleted: true } : null;
  }
  const life = cur && isLive(cur) && sameStamp(cur.born, merged.born) ? cur : null;
  const names = life
    ? FIELD_NAMES.filter((n) => !sameStamp(life.f[n].h, merged.f[n].h))
    : FIELD_NAMES;
  if (names.length === 0) return null;
  const fields = storeValues(merged, names);
  if (!life) fields.url = merged.url;
  return { canonicalUrl: merged.url, fields };
}

const sameStamp = (a: Hlc, b: Hlc): boolean => a.w === b.w && a.c === b.c && a.n === b.n;

export function createDexieSyncAdapter(
  db: QariDb,
  opts: DexieSyncAdapterOptions,
): DexieSyncAdapter {
  const now = opts.now ?? Date.now;
  let bootstrapped = false;

  /**
   * The stamp of a local edit made at `at`: an HLC at the edit's own time, unless the entry
   * already carries a later stamp (another browser's clock runs ahead), then just after it.
   */
  const stampAt = (rec: SyncRecord | undefined, at: number): Hlc =>
    stampFor(
      createClock(opts.nodeId, () => Math.min(at, now())),
      rec,
    );

  async function recordOf(id: string): Promise<SyncRecord | undefined> {
    const row = await db.syncMeta.get(id);
    return row && isSyncRecord(row.rec) ? row.rec : undefined;
  }

  async function absorbOne(ch: ChangeRow): Promise<void> {
    if (ch.canonicalUrl.length > MAX_URL) return; // too long for the sync format: stays local
    const id = entryId(ch.canonicalUrl);
    const cur = await recordOf(id);
    if (ch.op === 'delete') {
      // An entry no other browser was told about needs no tombstone.
      if (cur && isLive(cur))
        await db.syncMeta.put({ id, rec: deleteRecord(cur, stampAt(cur, ch.at)) });
      return;
    }
    const row = await db.articles.where('canonicalUrl').equals(ch.canonicalUrl).first();
    if (!row) return;
    const h = stampAt(cur, ch.at);
    const rec =
      cur && isLive(cur)
        ? editRecord(cur, patchOf(row, ch.fields), h)
        : newRecord(ch.canonicalUrl, valuesOf(row), h);
    await db.syncMeta.put({ id, rec });
  }

  /** Stamp the outbox into records; call inside a transaction over articles, changes, syncMeta. */
  async function absorbPending(): Promise<void> {
    const pending = await db.changes.orderBy('seq').toArray();
    for (const ch of pending) await absorbOne(ch);
    if (pending.length) await db.changes.bulkDelete(pending.map((c) => c.seq));
  }

  /** Entries saved before sync existed (no outbox change left): give them a first record. */
  async function bootstrap(): Promise<void> {
    if ((await db.listState.get(BOOTSTRAPPED))?.value === 1) return;
    const known = new Set(await db.syncMeta.toCollection().primaryKeys());
    const fresh: SyncMetaRow[] = [];
    for (const row of await db.articles.toArray()) {
      const id = entryId(row.canonicalUrl);
      if (known.has(id) || row.canonicalUrl.length > MAX_URL) continue;
      known.add(id);
      const rec = newRecord(row.canonicalUrl, valuesOf(row), stampAt(undefined, row.updatedAt));
      fresh.push({ id, rec });
    }
    if (fresh.length) await db.syncMeta.bulkPut(fresh);
    await db.listState.put({ id: BOOTSTRAPPED, value: 1 });
  }

  const absorb = (): Promise<void> =>
    db
      .transaction('rw', [db.articles, db.changes, db.syncMeta, db.listState], async () => {
        await absorbPending();
        if (!bootstrapped) await bootstrap();
      })
      .then(() => {
        bootstrapped = true;
      });

  return {
    async list() {
      await absorb();
      const rows = await db.syncMeta.toArray();
      return rows.map((r) => r.rec).filter(isSyncRecord);
    },

    async apply(put: SyncRecord[], forget: DeadRecord[]) {
      await db.transaction('rw', [...entryTables(db), db.syncMeta], async () => {
        await absorbPending();
        const updates: RemoteUpdate[] = [];
        for (const r of put) {
          if (!isSyncRecord(r)) continue;
          const cur = await recordOf(r.id);
          const merged = cur ? mergeRecord(cur, r) : r;
          if (
            cur &&
            sameRecord(cur, merged) &&
            cur.url === merged.url &&
            sameLocalState(cur, merged)
          )
            continue;
          await db.syncMeta.put({ id: r.id, rec: merged });
          const u = updateFor(cur, merged);
          if (u) updates.push(u);
        }
        if (updates.length) await applyRemote(db, updates, now());
        for (const t of forget) {
          const cur = await recordOf(t.id);
          if (cur && !isLive(cur) && sameStamp(cur.del, t.del)) await db.syncMeta.delete(t.id);
        }
      });
    },

    subscribe(onChange) {
      return observeChanges(db, () => {
        void db.changes
          .toArray()
          .then((rows) => onChange([...new Set(rows.map((c) => entryId(c.canonicalUrl)))]))
          .catch(() => onChange([]));
      });
    },
  };
}
