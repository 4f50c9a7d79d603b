// A PDF drawn with pdfkit in a test, as bytes: A4, 50 pt margins, a fixed creation date (so the
// same drawing gives the same file).
import PDFDocument from 'pdfkit';

export function pdfOf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { CreationDate: new Date('2024-01-01T00:00:00Z') }, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}
