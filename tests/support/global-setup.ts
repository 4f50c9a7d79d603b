// Build once before the suite so end-to-end tests run the real compiled CLI.
// FOI_TEST_NO_BUILD=1 skips it (dist/ already built), e.g. while iterating on one file.
import { execSync } from 'node:child_process';
import { ROOT } from './cli.js';

export default function setup(): void {
  if (process.env.FOI_TEST_NO_BUILD === '1') return;
  execSync('npx tsc -p tsconfig.json', { cwd: ROOT, stdio: 'inherit' });
}
