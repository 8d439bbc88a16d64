/** Hostile pages against the reader in Firefox: the scenarios shared with Chromium (../scenarios/hostile.ts). */
import type { Driver } from '../scenarios/driver';
import { firefoxDriver } from '../scenarios/firefox';
import { hostileScenarios } from '../scenarios/hostile';
import { integrityScenarios } from '../scenarios/integrity';

let d: Driver;
beforeAll(async () => {
  d = await firefoxDriver({ locale: 'ar' });
});
afterAll(async () => {
  await d?.close();
});

// Firefox has no IntersectionObserver v2 (isVisible): the clicks through covers are refused by
// the top-layer check (lib/page/top-layer.ts) alone.
describe('a page that goes after the reader, in Firefox', () => hostileScenarios(() => d));

describe('a page that goes after the reading list, in Firefox', () => integrityScenarios(() => d));
