// Politeness per host: one request at a time, and a pause between one request's end and
// the next one's start (so starts are always at least the delay apart, whatever the
// connection setup costs). A global limiter bounds how many hosts are fetched at once.
import type { LimitFunction } from 'p-limit';

interface HostState {
  /** Settles when the request ahead of us on this host is done. */
  tail: Promise<void>;
  /** Earliest time (ms) the next request may start. */
  nextAt: number;
  delayMs: number;
}

export type Sleep = (ms: number) => Promise<void>;

export class HostGate {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly defaultDelayMs: number,
    private readonly limit: LimitFunction,
    private readonly sleep: Sleep,
  ) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { tail: Promise.resolve(), nextAt: 0, delayMs: this.defaultDelayMs };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** A longer delay for one host (robots.txt Crawl-delay); never shorter than the default. */
  setDelay(host: string, delayMs: number): void {
    const s = this.state(host);
    s.delayMs = Math.max(this.defaultDelayMs, delayMs);
  }

  delayOf(host: string): number {
    return this.state(host).delayMs;
  }

  /** Nothing more to this host for `ms` (the server asked us to back off: Retry-After). */
  holdOff(host: string, ms: number): void {
    const s = this.state(host);
    s.nextAt = Math.max(s.nextAt, Date.now() + ms);
  }

  /** Runs `fn` as this host's next request, once the host is free and its delay has passed. */
  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const s = this.state(host);
    const ahead = s.tail;
    let release!: () => void;
    s.tail = new Promise<void>((r) => (release = r));
    await ahead;
    try {
      // A loop: a Retry-After may push nextAt further while we sleep.
      for (let wait = s.nextAt - Date.now(); wait > 0; wait = s.nextAt - Date.now()) await this.sleep(wait);
      return await this.limit(fn);
    } finally {
      s.nextAt = Math.max(s.nextAt, Date.now() + s.delayMs);
      release();
    }
  }
}
