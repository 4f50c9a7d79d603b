// Who we say we are: the tool, its version and a contact, as SPEC §8 asks.
import { VERSION } from '../version.js';

export const DEFAULT_USER_AGENT = `foi-harvest/${VERSION} (+https://github.com/foi-harvest/foi-harvest; open-data research tool)`;

/** The product token robots.txt groups are matched against: `foi-harvest/0.1.0 (…)` → `foi-harvest`. */
export function productToken(userAgent: string): string {
  const token = userAgent.trim().split(/[\s/]/)[0];
  return token || '*';
}
