// One in-process crawl window in a process of its own, for the build at FOI_BENCH_ROOT (read by
// lib/stats.mjs; FOI_BENCH_LISTING names its listing style): the bench's crawl (crawl.mjs) with its
// warm-up harvest and `REPS` measured ones, nothing else. Prints the result as one JSON line.
import { benchCrawl } from './crawl.mjs';
import { withTempDir } from './lib/stats.mjs';

const reps = Number(process.env.REPS ?? 3);
const res = await withTempDir('window', (dir) => benchCrawl({ dir, reps, delayMs: 250 }));
const f = res.first;
process.stdout.write(`${JSON.stringify({ disclosures: f.disclosures.new, cpuMsPerDisclosure: f.cpuMsPerDisclosure, threadCpuMsPerDisclosure: f.threadCpuMsPerDisclosure })}\n`);
