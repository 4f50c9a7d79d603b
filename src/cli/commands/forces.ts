// `foi-harvest forces` — the force registry: id, name, platform, disclosure-log URL, supported.
import type { Command } from 'commander';

interface ForcesOptions {
  format: string;
}

export function register(program: Command): void {
  program
    .command('forces')
    .description('list the force registry: id, name, platform, disclosure-log URL and whether fetch supports it')
    .option('--format <format>', 'table | json', 'table')
    .action(async (opts: ForcesOptions) => {
      const { UsageError } = await import('../errors.js');
      const { FORCES } = await import('../../sources/registry.js');
      if (opts.format === 'json') {
        const rows = FORCES.map((f) => ({
          id: f.id,
          name: f.name,
          aliases: f.aliases,
          platform: f.platform,
          country: f.country,
          act: f.act,
          hosts: f.hosts,
          disclosure_log_url: f.disclosure_log_url,
          supported: f.supported,
          whatdotheyknow: f.whatdotheyknow?.url_name ?? null,
          evidence: f.evidence,
        }));
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      if (opts.format !== 'table') throw new UsageError(`forces: unknown --format "${opts.format}" (table or json)`);
      const header = ['id', 'name', 'platform', 'supported', 'disclosure_log_url'];
      const rows = FORCES.map((f) => [f.id, f.name, f.platform, f.supported ? 'yes' : 'no', f.disclosure_log_url]);
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
      const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
      process.stdout.write([line(header), ...rows.map(line)].join('\n') + '\n');
    });
}
