// Where a redirect may not lead: `parse <url>` follows redirects to any host (one page a user
// asked for), but a public page must not be able to send us to this machine, the LAN or a
// cloud metadata service (169.254.169.254) and have that answer printed as a disclosure.
// The check is made on the address actually connected to (a DNS lookup hook), so a name that
// resolves to 10.0.0.5 is caught as surely as the literal, and a name that changes its answer
// between two lookups cannot slip through. A start that is already local (a test server on
// 127.0.0.1) may redirect within its own kind of address.
import dns from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { createRequire } from 'node:module';
import type ipaddrModule from 'ipaddr.js';

// Loaded on the first check, not when `parse` of a local file loads the URL code.
let lib: typeof ipaddrModule | null = null;
const ipaddr = (): typeof ipaddrModule => (lib ??= createRequire(import.meta.url)('ipaddr.js') as typeof ipaddrModule);

export type AddressClass = 'public' | 'loopback' | 'link-local' | 'private' | 'metadata' | 'reserved';

/** Cloud instance-metadata endpoints (AWS, GCP, Azure, OpenStack: 169.254.169.254; ECS; Alibaba; AWS IPv6). */
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);

export function addressClass(address: string): AddressClass {
  let ip: ipaddrModule.IPv4 | ipaddrModule.IPv6;
  try {
    ip = ipaddr().process(address.replace(/^\[|\]$/g, '')); // ::ffff:a.b.c.d → a.b.c.d
  } catch {
    return 'reserved';
  }
  if (METADATA.has(ip.toNormalizedString()) || METADATA.has(ip.toString())) return 'metadata';
  switch (ip.range()) {
    case 'unicast':
      return 'public';
    case 'loopback':
    case 'unspecified': // 0.0.0.0 and :: connect to this machine
      return 'loopback';
    case 'linkLocal':
      return 'link-local';
    case 'private':
    case 'uniqueLocal':
    case 'carrierGradeNat':
      return 'private';
    default:
      return 'reserved';
  }
}

export class RefusedAddressError extends Error {
  readonly code = 'EREFUSEDADDR';
  constructor(host: string, address: string, cls: AddressClass) {
    super(`refused: a redirect to ${host}${host === address ? '' : ` (${address})`}, a ${cls} address, from a page that was not on one`);
  }
}

/**
 * The policy for one chain of redirects: the first request records what kind of address the
 * user started at; every later hop may reach public addresses, and others only of that kind.
 */
export class RedirectGuard {
  private start: Set<AddressClass> | null = null;
  private redirected = false;

  /** Call before each request after the first. */
  redirect(): void {
    this.redirected = true;
  }

  /** Throws when `address` (reached for `host`) may not be connected to at this point of the chain. */
  check(host: string, address: string): void {
    const cls = addressClass(address);
    if (!this.redirected) {
      (this.start ??= new Set()).add(cls);
      return;
    }
    if (cls !== 'public' && !this.start?.has(cls)) throw new RefusedAddressError(host, address, cls);
  }

  /** An IP-literal host is connected to without a lookup: checked here. */
  checkUrl(url: URL): void {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (ipaddr().isValid(host)) this.check(host, host);
  }

  /** A dns.lookup for http.Agent that applies the policy to every address a name resolves to. */
  readonly lookup = (hostname: string, options: LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      try {
        for (const a of addresses) this.check(hostname, a.address);
      } catch (e) {
        return callback(e as NodeJS.ErrnoException, '');
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
