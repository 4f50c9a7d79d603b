// Build once before the suite so end-to-end tests run the real compiled CLI.
import { execSync } from 'node:child_process';
import { ROOT } from './cli.js';

export default function setup(): void {
  execSync('npx tsc -p tsconfig.json', { cwd: ROOT, stdio: 'inherit' });
}
