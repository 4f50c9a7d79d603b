// CPU time by thread, for the crawl rows: how much of a crawl's CPU is our code on the main
// thread and how much is V8's compiler and GC helpers (and libuv's pool) on the others.
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU ms of this process's main thread and of all its other threads, from /proc (Linux; null
 * elsewhere). process.cpuUsage() counts both.
 */
export function threadCpuMs() {
  try {
    let main = 0;
    let other = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(f[11]) + Number(f[12])) * 10; // utime + stime, in clock ticks of 10 ms (USER_HZ 100)
      if (tid === String(process.pid)) main += ms;
      else other += ms;
    }
    return { main, other };
  } catch {
    return null;
  }
}
