// Progress bars on stderr for long jobs, only when a person is watching: stderr is a
// terminal, the log is text, and TERM is not "dumb". Cron logs, pipes and files get none
// (not one control character), and then cli-progress is not even loaded. A bar is cleared
// when its job ends, so what stays on the screen is the summary.
export interface Progress {
  increment(): void;
  stop(): void;
}

const NONE: Progress = { increment() {}, stop() {} };

/** The bar on screen, if any: a log line is written above it, then the bar is drawn again. */
let onScreen: { redraw(): void } | null = null;

/** Writes to stderr without tearing a progress bar: the bar's line is cleared first and redrawn after. */
export function writeStderr(text: string): void {
  if (!onScreen) {
    process.stderr.write(text);
    return;
  }
  // ESC 7 saves the cursor where the bar now starts: cli-progress restores the saved position
  // when it stops, which would otherwise be the line the bar started on (now this text).
  process.stderr.write('\r\u001b[2K' + text + '\u001b7');
  onScreen.redraw();
}

export interface Terminal {
  isTTY?: boolean;
  env?: Record<string, string | undefined>;
  logFormat?: string;
}

/** Whether to draw a bar: the one decision every command shares. */
export function wantsProgress(t: Terminal = { isTTY: process.stderr.isTTY, env: process.env }): boolean {
  if (t.isTTY !== true) return false;
  if ((t.logFormat ?? 'text') !== 'text') return false;
  const env = t.env ?? {};
  if (env.TERM === 'dumb') return false;
  // The usual switch to turn progress off (honoured by npm, git and others).
  if (env.NO_PROGRESS || env.FOI_HARVEST_NO_PROGRESS) return false;
  return true;
}

async function bar(format: string) {
  const { default: cliProgress } = await import('cli-progress');
  return new cliProgress.SingleBar(
    { stream: process.stderr, clearOnComplete: true, hideCursor: true, format, fps: 8, etaBuffer: 50, barsize: 20, linewrap: false },
    cliProgress.Presets.shades_classic,
  );
}

export async function startProgress(total: number, enabled: boolean): Promise<Progress> {
  if (!enabled || total < 2) return NONE;
  const b = await bar(' {bar} {percentage}% | {value}/{total} | ETA: {eta_formatted}');
  b.start(total, 0);
  return { increment: () => b.increment(), stop: () => b.stop() };
}

/** What a harvest shows while it runs: forces done, disclosures, requests, the force being read. */
export interface HarvestProgress {
  forceDone(): void;
  disclosure(force: string): void;
  requests(n: number): void;
  stop(): void;
}

const NO_HARVEST: HarvestProgress = { forceDone() {}, disclosure() {}, requests() {}, stop() {} };

export async function startHarvestProgress(forces: number, enabled: boolean): Promise<HarvestProgress> {
  if (!enabled) return NO_HARVEST;
  const b = await bar('fetch {bar} {value}/{total} forces | {disclosures} disclosures | {requests} requests | {current}');
  const payload = { disclosures: 0, requests: 0, current: '' };
  b.start(forces, 0, payload);
  onScreen = {
    redraw: () => {
      // cli-progress draws only when the text changed; the line was just cleared, so forget it.
      (b as unknown as { lastDrawnString: string | null }).lastDrawnString = null;
      b.render();
    },
  };
  let done = 0;
  return {
    forceDone: () => b.update(++done, payload),
    disclosure: (force) => {
      payload.disclosures++;
      payload.current = force;
      b.update(done, payload);
    },
    requests: (n) => {
      if (n === payload.requests) return;
      payload.requests = n;
      b.update(done, payload);
    },
    stop: () => {
      onScreen = null;
      b.stop();
    },
  };
}
