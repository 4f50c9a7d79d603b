// A progress bar on stderr for long store jobs, only when a person is watching (a TTY);
// cron logs and pipes get none, and then cli-progress is not even loaded.
export interface Progress {
  increment(): void;
  stop(): void;
}

const NONE: Progress = { increment() {}, stop() {} };

export async function startProgress(total: number, enabled: boolean): Promise<Progress> {
  if (!enabled || total < 2) return NONE;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return { increment: () => bar.increment(), stop: () => bar.stop() };
}
