// Compile each regular expression straight to machine code on its first use.
//
// V8's default ("tier-up") first compiles a pattern to bytecode and interprets it, then compiles
// it again to machine code on its second use. That suits a web page, where most patterns run
// once; the extractors run every pattern on line after line, so almost every pattern is compiled
// twice. Measured on `parse` of one small .txt (issue 17): the first document 85 → 50 ms CPU,
// the second 14 → 3 ms; matching itself is unchanged (the same machine code in the end).
// Imported first by parse.ts so that it runs before any extractor's pattern is used. The flag
// exists in the V8 of Node 20, 22 and 24; it changes speed only, never a match.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
