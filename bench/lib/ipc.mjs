// One request to the crawl server child (bench/crawl-server.mjs) over IPC, and its answer.
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
