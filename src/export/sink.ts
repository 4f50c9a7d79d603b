// A file written in pieces: text is gathered into ~1 MiB chunks and appended with one
// synchronous write each, so an export of any size never builds one giant string (V8
// strings stop at ~512 MiB: a JSON export used to fail near 114k disclosures).
import { closeSync, openSync, writeSync } from 'node:fs';

const CHUNK = 1 << 20;

export class FileSink {
  private fd: number | null;
  private parts: string[] = [];
  private size = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  private flush(): void {
    if (!this.parts.length || this.fd === null) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    if (this.fd === null) return;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
      this.fd = null;
    }
  }
}
