/**
 * Stands in for src/platform/browser.ts in the background benchmark (scripts/bench.mjs aliases it):
 * the fake browser of the unit tests, one per process, with storage that answers at once.
 */
import { fakeBrowser } from '../test/background/fake-browser.ts';

export const fake = fakeBrowser();
export const ext = fake.ext;
