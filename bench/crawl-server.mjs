// Child process of the crawl bench: serves the generated sites on 127.0.0.1 (one port per
// force, via the project's fixture server) so that serving costs no CPU in the crawler's
// process. Talks over IPC: {cmd:'start', sites:[{force,dir,latencyMs}]} → {ports},
// {cmd:'logs'} → per-force request logs since the last call, {cmd:'stop'}.
const { startSite } = await import(new URL('../dist/fixture-server/server.js', import.meta.url).href);

const servers = new Map();
process.on('message', async (msg) => {
  try {
    if (msg.cmd === 'start') {
      for (const s of msg.sites) servers.set(s.force, await startSite(s.dir, { latencyMs: s.latencyMs }));
      process.send({ ok: true, urls: Object.fromEntries([...servers].map(([f, s]) => [f, s.url])) });
    } else if (msg.cmd === 'logs') {
      const logs = {};
      for (const [f, s] of servers) logs[f] = s.requests.splice(0).map((r) => ({ path: r.path, status: r.status, bytes: r.bytes, at: r.at }));
      process.send({ ok: true, logs });
    } else if (msg.cmd === 'stop') {
      await Promise.all([...servers.values()].map((s) => s.close()));
      process.send({ ok: true });
      process.disconnect();
    }
  } catch (e) {
    process.send({ ok: false, error: String(e?.message ?? e) });
  }
});
process.on('disconnect', () => process.exit(0));
