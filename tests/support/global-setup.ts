// Build once before the suite so end-to-end tests run the real compiled CLI, as `npm run build`
// makes it (tsc, then the bundle with its code cache that bin/foi-harvest.js runs).
// FOI_TEST_NO_BUILD=1 skips it (dist/ already built), e.g. while iterating on one file.
import { execSync } from 'node:child_process';
import { ROOT } from './cli.js';

export default function setup(): void {
  if (process.env.FOI_TEST_NO_BUILD === '1') return;
  execSync('npm run -s build', { cwd: ROOT, stdio: 'inherit' });
}
