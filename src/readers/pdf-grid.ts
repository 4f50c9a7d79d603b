// A page's ruled grid from its stroked paths, as pdf-parse's getPageTables builds it (its own
// LineStore, Line and Rectangle classes, fed the same paths, transforms and viewport), without
// loading pdf-parse's entry, which loads pdf.js (~90 ms a process): pdf-text reads the text and
// pdf-lines the paths, so a PDF read here needs no pdf.js at all. A test compares the result with
// pdf-parse's getPageTables on every ruled PDF we have.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEsm } from './load-esm.js';
import { OPS, type PathOps } from './pdf-paths.js';
import { transform } from './pdf-text.js';

interface Point {
  x: number;
  y: number;
}
interface Shape {
  transform(m: number[]): void;
}
/** The part of pdf-parse's geometry module used here. */
interface Geometry {
  LineStore: new () => { add(line: unknown): void; addRectangle(rect: unknown): void };
  Line: new (from: Point, to: Point) => Shape;
  Point: new (x: number, y: number) => Point;
  Rectangle: new (at: Point, width: number, height: number) => Shape;
}

let geometry: Promise<Geometry> | undefined;

/** pdf-parse's geometry classes (its ESM build, the same version as the finder pdf.ts falls back on). */
function loadGeometry(): Promise<Geometry> {
  // Resolved once per process: resolving the package searches the file system (~0.5 ms, a ruled page each).
  return (geometry ??= loadEsm<Geometry>(geometryUrl()));
}

/** pdf-parse's main entry is dist/pdf-parse/cjs/index.cjs; the ESM build's geometry sits beside it. */
function geometryUrl(): string {
  const entry = createRequire(import.meta.url).resolve('pdf-parse');
  return pathToFileURL(join(dirname(entry), '..', 'esm', 'geometry', 'index.js')).href;
}

/** The store pdf-parse's getPageTables returns for a page whose operator list is `ops`, under `viewportTransform`. */
export async function ruledGrid<T>(ops: PathOps, viewportTransform: number[]): Promise<T> {
  const { LineStore, Line, Point, Rectangle } = await loadGeometry();
  const store = new LineStore();
  let matrix = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as [number, unknown, ArrayLike<number> | null] | number[] | null;
    if (fn === OPS.constructPath) {
      const [op, , box] = args as [number, unknown, ArrayLike<number> | null];
      if (op !== OPS.stroke) continue;
      const mm = box ?? [Infinity, Infinity, -Infinity, -Infinity];
      if (mm[0] === Infinity) continue;
      const width = mm[2] - mm[0];
      const height = mm[3] - mm[1];
      // pdf-parse's getPathGeometry: a rectangle, or a line over 5 units long.
      if (width > 5 && height > 5) {
        const rect = new Rectangle(new Point(mm[0], mm[1]), width, height);
        rect.transform(matrix);
        rect.transform(viewportTransform);
        store.addRectangle(rect);
      } else if ((width > 5 && height === 0) || (width === 0 && height > 5)) {
        const line = new Line(new Point(mm[0], mm[1]), new Point(mm[2], mm[3]));
        line.transform(matrix);
        line.transform(viewportTransform);
        store.add(line);
      }
    } else if (fn === OPS.save) stack.push(matrix);
    else if (fn === OPS.restore) matrix = stack.pop() ?? matrix;
    else if (fn === OPS.transform) matrix = transform(matrix, args as number[]);
  }
  return store as T;
}
