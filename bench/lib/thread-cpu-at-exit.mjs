// Preloaded (`node --import`) into a whole `fetch` process by the crawl's whole-process row: at
// exit, writes the process's CPU split by thread (lib/thread-cpu.mjs) as JSON to the file named
// by FOI_BENCH_THREAD_CPU_OUT. Works for any build, so the baseline's split is read the same way.
import { writeFileSync } from 'node:fs';
import { threadCpuMs } from './thread-cpu.mjs';

const out = process.env.FOI_BENCH_THREAD_CPU_OUT;
if (out) process.on('exit', () => writeFileSync(out, JSON.stringify(threadCpuMs())));
