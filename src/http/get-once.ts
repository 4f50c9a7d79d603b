// A single capped GET, for `parse <url>`: no crawling manners needed for one page a
// user asked for, but still a size and time cap and a User-Agent that names us.
import { VERSION } from '../version.js';

export const DEFAULT_USER_AGENT = `foi-harvest/${VERSION} (+https://github.com/foi-harvest/foi-harvest; open-data research tool)`;

export interface GotDocument {
  url: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
}

export async function getOnce(url: string, opts: { maxBytes?: number; timeoutMs?: number; userAgent?: string } = {}): Promise<GotDocument> {
  const maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(new Error(`timed out after ${opts.timeoutMs ?? 30000} ms`)), opts.timeoutMs ?? 30000);
  try {
    const res = await fetch(url, { headers: { 'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT }, signal: ac.signal, redirect: 'follow' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) throw new Error(`body of ${declared} bytes exceeds the ${maxBytes}-byte cap`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (total > maxBytes) throw new Error(`body exceeds the ${maxBytes}-byte cap`);
      chunks.push(chunk);
    }
    return { url: res.url || url, status: res.status, contentType: res.headers.get('content-type'), bytes: Buffer.concat(chunks) };
  } catch (e) {
    const err = e as Error & { cause?: Error };
    if (ac.signal.aborted) throw ac.signal.reason instanceof Error ? ac.signal.reason : new Error('timed out');
    throw new Error(err.cause?.message ? `${err.message}: ${err.cause.message}` : err.message);
  } finally {
    clearTimeout(timer);
  }
}
