// Content type from the bytes first, then the declared type, then the name: forces
// serve PDFs as application/octet-stream and name HTML pages ".aspx".
import { bomlessUtf16, bufferView } from '../documents/decode.js';
import type { MediaType } from './types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLS = 'application/vnd.ms-excel';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/** Which entry names a zip's local headers announce (enough to tell XLSX from DOCX). */
function zipKind(bytes: Uint8Array): MediaType | null {
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 16))).toString('latin1');
  // An OpenDocument file names its type in its first entry, "mimetype".
  if (head.slice(0, 200).includes(ODS)) return ODS;
  if (head.includes('xl/')) return XLSX;
  if (head.includes('word/')) return DOCX;
  return null;
}

export function sniffMediaType(bytes: Uint8Array, declared?: string | null, name?: string | null): MediaType | null {
  // The name's extension, read where a rule asks for it (most pages are decided without it).
  let extension: string | undefined;
  const ext = () => (extension ??= /\.([a-z0-9]+)$/.exec((name ?? '').toLowerCase().replace(/[?#].*$/, ''))?.[1] ?? '');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'application/pdf'; // %PDF
  // A PDF may carry junk before its header; pdf.js accepts it within the first KiB.
  if (bytes.length > 5 && bufferView(bytes, 0, 1024).includes('%PDF-')) return 'application/pdf';
  // Excel 97-2003 (BIFF in a compound file): its directory names a "Workbook" (or "Book") stream.
  if (startsWith(bytes, CFB)) {
    const dir = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString('utf16le');
    return /Workbook|\bBook\b/.test(dir) || ext() === 'xls' ? XLS : null;
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const k = zipKind(bytes);
    if (k) return k;
    if (ext() === 'xlsx') return XLSX;
    if (ext() === 'ods') return ODS;
    if (ext() === 'docx') return DOCX;
    return null;
  }
  const text = headText(bytes).replace(/^\uFEFF/, '').trimStart();
  // The opening tags are at most 14 characters: only those are lower-cased to find one.
  if (/^(<!doctype html|<html|<head|<body|<meta|<title|<!--|<div|<p[\s>]|<h[1-6][\s>]|<table)/.test(text.slice(0, 16).toLowerCase())) return 'text/html';
  // Read only where a page does not open with a tag (most HTML is decided above).
  const decl = (declared ?? '').toLowerCase().split(';')[0].trim();
  if (hasBinaryBytes(bytes)) return null;
  if (decl === 'text/html' || decl === 'application/xhtml+xml' || ['html', 'htm', 'aspx', 'php'].includes(ext())) {
    return /<[a-z!][^>]*>/.test(text.toLowerCase()) ? 'text/html' : 'text/plain';
  }
  if (decl === 'text/csv' || ext() === 'csv') return 'text/csv';
  return 'text/plain';
}

/** The first 2 KiB as text, in UTF-16 where a BOM says so (a UTF-16 page is still HTML). */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 2048);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  const utf16 = bomlessUtf16(head);
  if (utf16) return new TextDecoder(utf16).decode(head);
  return bufferView(head).toString('utf8');
}

/**
 * Text has few control bytes; many C0 controls (NUL included) mean binary, unless UTF-16
 * (with a BOM, or without one: see bomlessUtf16). A few stray NULs in a text export are text (readers blank them), not binary.
 */
function hasBinaryBytes(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  if (bomlessUtf16(bytes)) return false;
  const n = Math.min(bytes.length, 8192);
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 9 || (b > 13 && b < 32)) ctl++;
  }
  return n > 0 && ctl / n > 0.05;
}

export const MEDIA = { XLSX, DOCX, XLS, ODS } as const;
