// `npm run schemas`: regenerate schemas/*.json from the zod schemas (a test keeps them in step).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from '../records/schema.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, name), JSON.stringify(schema, null, 2) + '\n');
}
process.stdout.write(`wrote ${Object.keys(jsonSchemas()).length} schemas to ${dir}\n`);
