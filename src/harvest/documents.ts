// One polite GET through the store: conditional on what the store already holds (ETag /
// Last-Modified), bytes kept content-addressed, every request logged. A 304, or a 200 whose
// bytes hash to what we had, is reported as unchanged so nothing downstream is redone.
import { sha256Fetched } from '../documents/hash.js';
import type { PoliteClient } from '../http/client.js';
import type { Store } from '../store/store.js';

/** The part of the HTTP client the harvester uses (tests may stand in for it). */
export type HttpGetter = Pick<PoliteClient, 'get'>;

export interface Fetched {
  /** The URL asked for (the key of the store's conditional-GET state). */
  url: string;
  /** Where it ended up after redirects (the base for its links). */
  finalUrl: string;
  status: number;
  bytes: Uint8Array;
  sha256: string;
  contentType: string | null;
  /** false for a 304, or for the same bytes as the store already held for this URL. */
  changed: boolean;
  /**
   * true when no request was made: the store's copy (see DocumentFetcher.stored). Always set,
   * so every Fetched has one shape (a field only some have made walkListing deoptimise).
   */
  fromStore?: boolean;
}

/** A URL that could not be fetched; `robots` when robots.txt forbade it (not a failure of ours or theirs). */
export class FetchFailed extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly robots: boolean,
    /** A 403 / 503 browser-challenge page: the site refuses scripted clients. */
    readonly blocked = false,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'FetchFailed';
  }
}

const mediaTypeOf = (contentType: string | null) => contentType?.split(';')[0].trim().toLowerCase() || null;

function reasonOf(e: unknown): { reason: string; robots: boolean; blocked: boolean; status: number | null } {
  const err = e as { reason?: string; status?: number; message?: string };
  const msg = (err?.message ?? String(e)).split('\n')[0];
  const robots = err?.reason === 'robots';
  return { reason: robots ? 'blocked by robots.txt' : msg, robots, blocked: err?.reason === 'blocked', status: typeof err?.status === 'number' ? err.status : null };
}

export class DocumentFetcher {
  constructor(
    private readonly http: HttpGetter,
    private readonly store: Store,
    private readonly runId: number,
  ) {}

  /** The store's copy of `url`, as the last run fetched it, or null: no request is made. */
  stored(url: string): Fetched | null {
    const copy = this.store.storedCopy(url);
    if (!copy) return null;
    return { url, finalUrl: copy.finalUrl, status: 304, bytes: copy.bytes, sha256: copy.sha256, contentType: copy.contentType, changed: false, fromStore: true };
  }

  async get(url: string, allowedHosts: string[]): Promise<Fetched> {
    const state = this.store.urlState(url);
    // Ask for a 304 only when the bytes it would stand for are really in the store.
    const stored = state?.sha256 ? this.store.getDocument(state.sha256) : null;
    let res;
    try {
      res = await this.http.get({
        url,
        allowedHosts,
        etag: stored ? state!.etag : null,
        lastModified: stored ? state!.lastModified : null,
      });
    } catch (e) {
      const { reason, robots, blocked, status } = reasonOf(e);
      // robots.txt forbade it: no request was made, so there is nothing to log.
      if (!robots) this.store.logFetch({ runId: this.runId, url, status, error: reason });
      throw new FetchFailed(url, reason, robots, blocked);
    }
    if (res.notModified) {
      if (!stored || !state?.sha256) {
        this.store.logFetch({ runId: this.runId, url, status: 304, error: '304 Not Modified for a document the store does not hold' });
        throw new FetchFailed(url, '304 Not Modified for a document the store does not hold', false);
      }
      this.store.logFetch({ runId: this.runId, url, status: 304, etag: res.etag, lastModified: res.lastModified, finalUrl: res.url === url ? null : res.url });
      return { url, finalUrl: res.url, status: 304, bytes: stored, sha256: state.sha256, contentType: state.contentType ?? res.contentType, changed: false, fromStore: false };
    }
    if (!res.bytes) {
      this.store.logFetch({ runId: this.runId, url, status: res.status, error: 'no body' });
      throw new FetchFailed(url, `HTTP ${res.status} with no body`, false);
    }
    // Hashed once: the store's hash of the body, and the pipeline's (page, attachment), are lookups.
    sha256Fetched(res.bytes);
    const sha256 = this.store.putDocument(res.bytes, mediaTypeOf(res.contentType));
    this.store.logFetch({
      runId: this.runId,
      url,
      status: res.status,
      etag: res.etag,
      lastModified: res.lastModified,
      bytes: res.bytes.length,
      sha256,
      contentType: res.contentType,
      // Links on the page resolve against where it ended up; a later run reading the store's copy needs that too.
      finalUrl: res.url === url ? null : res.url,
    });
    return { url, finalUrl: res.url, status: res.status, bytes: res.bytes, sha256, contentType: res.contentType, changed: sha256 !== state?.sha256, fromStore: false };
  }
}
