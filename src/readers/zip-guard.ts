// Zip bomb guard for XLSX and DOCX: read the zip's central directory (what every entry
// declares it inflates to) and refuse before any entry is inflated.
import { inflateRawSync } from 'node:zlib';
import { ReadError } from './types.js';

export const ZIP_LIMITS = {
  /** Total declared uncompressed bytes. */
  maxTotalBytes: 100 * 1024 * 1024,
  maxEntries: 5000,
  /** Declared size / compressed size for one entry larger than 1 MiB. */
  maxRatio: 200,
};

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
  /** 0 stored, 8 deflate. */
  method: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** The central directory's entries; a ReadError when there is no readable directory. */
export function zipEntries(bytes: Uint8Array, what: string): ZipEntryInfo[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65535 bytes, at the very end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ReadError(`corrupt ${what} (not a complete zip archive)`);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ReadError(`${what} refused: ZIP64 archive (larger than a disclosure attachment should be)`);
  if (count > ZIP_LIMITS.maxEntries) throw new ReadError(`${what} refused: ${count} zip entries (limit ${ZIP_LIMITS.maxEntries})`);
  if (cdOffset + cdSize > buf.length) throw new ReadError(`corrupt ${what} (zip directory out of bounds)`);
  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ReadError(`corrupt ${what} (bad zip directory entry ${k + 1})`);
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, compressed, uncompressed, method: buf.readUInt16LE(p + 10), offset: buf.readUInt32LE(p + 42) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Throws a ReadError naming the reason when the archive would inflate beyond the limits. */
export function assertSafeZip(bytes: Uint8Array, what: string, mustHave?: string): ZipEntryInfo[] {
  const entries = zipEntries(bytes, what);
  let total = 0;
  for (const e of entries) {
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff) throw new ReadError(`${what} refused: ZIP64 entry ${e.name}`);
    total += e.uncompressed;
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > e.compressed * ZIP_LIMITS.maxRatio) {
      throw new ReadError(`${what} refused: zip entry ${e.name} declares ${e.uncompressed} bytes from ${e.compressed} (zip bomb?)`);
    }
  }
  if (total > ZIP_LIMITS.maxTotalBytes) {
    throw new ReadError(`${what} refused: zip declares ${total} uncompressed bytes (limit ${ZIP_LIMITS.maxTotalBytes})`);
  }
  if (mustHave && !entries.some((e) => e.name.toLowerCase() === mustHave.toLowerCase())) throw new ReadError(`corrupt ${what} (the archive has no ${mustHave})`);
  for (const e of entries) assertInflatesAsDeclared(bytes, e, what);
  return entries;
}

/**
 * The directory can lie: an entry that declares 1 KiB may inflate to gigabytes, and the zip
 * libraries inflate it whole before they compare sizes. Inflate each entry here with its
 * declared size as a hard cap, so a lying bomb stops at that many bytes.
 */
function assertInflatesAsDeclared(bytes: Uint8Array, e: ZipEntryInfo, what: string): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) throw new ReadError(`corrupt ${what} (bad local header for ${e.name})`);
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  if (start + e.compressed > buf.length) throw new ReadError(`corrupt ${what} (zip entry ${e.name} runs past the end)`);
  if (e.method !== 8) return; // stored entries are their own size; other methods the libraries refuse
  try {
    inflateRawSync(buf.subarray(start, start + e.compressed), { maxOutputLength: Math.max(1, e.uncompressed) });
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ReadError(`${what} refused: zip entry ${e.name} inflates to more than the ${e.uncompressed} bytes it declares (zip bomb?)`);
    }
    throw new ReadError(`corrupt ${what} (zip entry ${e.name}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]})`);
  }
}
