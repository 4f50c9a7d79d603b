// One in-process crawl window in a process of its own, for the build at FOI_BENCH_ROOT (read by
// lib/stats.mjs; FOI_BENCH_LISTING names its listing style): the bench's crawl (crawl.mjs) with its
// warm-up harvest and three measured ones, nothing else. Prints the result as one JSON line.
import { benchCrawl } from './crawl.mjs';
import { withTempDir } from './lib/stats.mjs';

const { first } = await withTempDir('window', (dir) => benchCrawl({ dir, reps: 3, delayMs: 250 }));
process.stdout.write(`${JSON.stringify({ cpuMsPerDisclosure: first.cpuMsPerDisclosure, threadCpuMsPerDisclosure: first.threadCpuMsPerDisclosure })}\n`);
