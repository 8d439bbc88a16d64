/**
 * The reading list database's name and schema version, kept apart from Dexie so the popup's
 * first paint can read the database raw without loading Dexie (`lib/popup/first-page.ts`).
 */
export const DB_NAME = 'qari';
export const DB_VERSION = 8;
/** The version IndexedDB itself reports: Dexie opens it at ten times its own version number. */
export const IDB_VERSION = DB_VERSION * 10;
