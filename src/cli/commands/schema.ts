// `foi-harvest schema` — the dataset's JSON Schema (the same documents as schemas/).
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the dataset (the same files as schemas/)')
    .argument('[table]', 'one table (disclosures, questions, periods, exemptions, figures, cases, attachments) or "disclosure" for the nested form')
    .action(async (table?: string) => {
      const { jsonSchemas } = await import('../../records/schema.js');
      const { UsageError } = await import('../errors.js');
      const all = jsonSchemas();
      if (table) {
        const doc = all[`${table}.schema.json`];
        if (!doc) throw new UsageError(`schema: no table "${table}" (one of ${Object.keys(all).map((k) => k.replace('.schema.json', '')).join(', ')})`);
        process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
      } else process.stdout.write(JSON.stringify(all, null, 2) + '\n');
    });
}
