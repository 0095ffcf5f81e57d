/** Fails early, with the fix, when the app has not been built or Chromium is missing. */
import { existsSync, statSync } from 'node:fs';
import { CHROMIUM_PATH, DIST_DIR } from './harness.ts';

export default function setup(): void {
  if (!existsSync(`${DIST_DIR}/index.html`)) {
    throw new Error(`No built app in ${DIST_DIR}: run "npm run build" first (npm run test:e2e does both).`);
  }
  if (!existsSync(CHROMIUM_PATH) || !statSync(CHROMIUM_PATH).isFile()) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`);
  }
}
