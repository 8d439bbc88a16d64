/**
 * A reading-list call's answer to a page: `{ ok: true, …result }`, or a failure carrying its
 * `_locales` message key (a full disk told apart from the rest).
 */
import type { LibraryFailure } from '../messages';
import { toStoreErrorOnDisk } from '../store/errors';

async function failure(err: unknown): Promise<LibraryFailure> {
  const e = await toStoreErrorOnDisk(err);
  return { ok: false, code: e.code, messageKey: e.messageKey };
}

/** Run a library call and answer `{ ok: true, …result }` or a failure with its message key. */
export async function answer<T extends object>(
  call: () => Promise<T>,
): Promise<({ ok: true } & T) | LibraryFailure> {
  try {
    return { ok: true, ...(await call()) };
  } catch (err) {
    return failure(err);
  }
}
