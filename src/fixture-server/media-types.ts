// Content-Type by file extension, for the fixture server. Text types carry no charset on
// purpose: a fixture page that is windows-1252 must reach the client undeclared unless the
// site's _faults.json adds a header (`{ "kind": "pass", "headers": { ... } }`).
import { extname } from 'node:path';

const BY_EXTENSION: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xls': 'application/vnd.ms-excel',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.rtf': 'application/rtf',
  '.zip': 'application/zip',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export function mediaTypeFor(filePath: string): string {
  return BY_EXTENSION[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Worth gzipping when the client asks: markup and text, not already-compressed formats. */
export function isCompressible(mediaType: string): boolean {
  return /^text\/|^application\/(json|xml)|\+xml$/.test(mediaType);
}
