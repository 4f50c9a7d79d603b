// The crawl server child (bench/crawl-server.mjs): started on a set of generated sites, asked over
// IPC (one request, its answer), stopped. Used by the in-process and whole-process crawl rows.
import { fork } from 'node:child_process';

const CHILD = new URL('../crawl-server.mjs', import.meta.url).pathname;

export function ipc(child, msg) {
  return new Promise((resolve, reject) => {
    const onMsg = (m) => {
      child.off('exit', onExit);
      m.ok ? resolve(m) : reject(new Error(m.error));
    };
    const onExit = (code) => reject(new Error(`crawl server exited (${code})`));
    child.once('message', onMsg);
    child.once('exit', onExit);
    child.send(msg);
  });
}

/** Serves `sites` (from generateSites), each on its own port with its force's latency: the child and each force's URL. */
export async function startCrawlServer(sites, latency) {
  const server = fork(CHILD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const { urls } = await ipc(server, { cmd: 'start', sites: sites.map((s) => ({ force: s.force, dir: s.dir, latencyMs: latency[s.force] })) });
    return { server, urls };
  } catch (e) {
    server.kill();
    throw e;
  }
}

export const stopCrawlServer = (server) => ipc(server, { cmd: 'stop' }).catch(() => server.kill());
