#!/usr/bin/env node
// Writes src/records/disclosure-check.ts from the built schema (run `npm run build` first).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { disclosureCheckSource } from './lib/disclosure-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { DisclosureSchema } = await import(join(root, 'dist', 'records', 'schema.js'));
writeFileSync(join(root, 'src', 'records', 'disclosure-check.ts'), disclosureCheckSource(z, DisclosureSchema));
