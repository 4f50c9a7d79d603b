// A small zip writer for the fixture scripts: reproducible bytes (a fixed DOS date), and an
// entry's headers may claim a size other than the real one (zip bombs that lie).
import { deflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';

export const crc32 = (buf) => zlibCrc32(buf) >>> 0;

// 2024-01-15 00:00 as a DOS date: fixed, so that re-running a script rewrites the same bytes.
export const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 15;

/** A valid zip of `entries`; an entry's `declared` size (if given) is what its headers claim it inflates to. */
export function zipOf(entries, { level } = {}) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, declared } of entries) {
    const nameBuf = Buffer.from(name);
    const comp = deflateRawSync(data, level === undefined ? {} : { level });
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0, 6);
    lh.writeUInt16LE(8, 8); // deflate
    lh.writeUInt16LE(0, 10);
    lh.writeUInt16LE(DOS_DATE, 12);
    lh.writeUInt32LE(crc32(data), 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(declared ?? data.length, 22);
    lh.writeUInt16LE(nameBuf.length, 26);
    lh.writeUInt16LE(0, 28);
    locals.push(lh, nameBuf, comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt16LE(0, 12);
    ch.writeUInt16LE(DOS_DATE, 14);
    ch.writeUInt32LE(crc32(data), 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(declared ?? data.length, 24);
    ch.writeUInt16LE(nameBuf.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, nameBuf);
    offset += 30 + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
