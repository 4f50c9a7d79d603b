// Builds the source of src/records/disclosure-check.ts: the Disclosure schema of
// src/records/schema.ts, as plain data, with a small checker that turns it into nested
// closures when the module loads. Why: `parse` of one small file spent ~60 ms loading zod and
// compiling its schema; ajv's standalone code for the same schema avoided that but was 600 KB
// of JavaScript (~10 ms to load and compile on each start, issue 17). This file is ~15 KB.
// It does what ajv (removeAdditional: 'all', unicode: false) did, and what zod's parse does:
// the same verdict, keys in schema order, unknown keys dropped.
// tests/unit/records-check.test.ts fails when the committed file is out of date, and compares
// the check with zod on every fixture and on damaged records.

/** Descriptions and $schema say nothing about validity; dropping them keeps the file stable. */
function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'description' || k === '$schema' || k === 'title') continue;
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, strip(s)])) : strip(v);
  }
  return out;
}

const KNOWN = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'anyOf', 'enum', 'pattern', 'minLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);

/** The checker below knows these keywords only: a schema that uses another one is refused here. */
function assertKnown(node, at = '#') {
  if (Array.isArray(node)) return node.forEach((n, i) => assertKnown(n, `${at}/${i}`));
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (!KNOWN.has(k)) throw new Error(`disclosure check: schema keyword "${k}" at ${at} is not supported; extend scripts/lib/disclosure-check.mjs`);
    if (k === 'properties') for (const [p, s] of Object.entries(v)) assertKnown(s, `${at}/properties/${p}`);
    else if (k === 'items' || k === 'anyOf') assertKnown(v, `${at}/${k}`);
  }
  if (node.additionalProperties !== undefined && node.additionalProperties !== false) throw new Error(`disclosure check: additionalProperties at ${at} must be false`);
}

const CHECKER = `
const NO = Symbol('invalid');
/** The first problem found, as ajv reported it: where (a JSON pointer) and what. */
let issue = null;
const fail = (message) => {
  issue = { instancePath: '', message };
  return NO;
};
const TYPES = {
  string: (d) => typeof d === 'string',
  null: (d) => d === null,
  boolean: (d) => typeof d === 'boolean',
  number: (d) => typeof d === 'number' && isFinite(d),
  integer: (d) => typeof d === 'number' && !(d % 1) && !isNaN(d) && isFinite(d),
  array: (d) => Array.isArray(d),
  object: (d) => !!d && typeof d === 'object' && !Array.isArray(d),
};
const hasOwn = Object.prototype.hasOwnProperty;

/** Whether zod's output rebuilds this node (an object, or an array of them) with keys in schema order. */
const rebuilt = (s) => s.type === 'object' || (s.type === 'array' && !!s.items && rebuilt(s.items));

/**
 * A node of the schema → a function of a value that returns the value (objects rebuilt in schema
 * order where \`order\`, unknown keys deleted as ajv's removeAdditional did) or NO, with \`issue\` set.
 */
function compile(s, order) {
  if (s.anyOf) {
    const alts = s.anyOf.map((a) => compile(a, false));
    return (d) => {
      let first = null;
      for (const alt of alts) {
        const r = alt(d);
        if (r !== NO) return r;
        first ??= issue;
      }
      issue = first;
      return NO;
    };
  }
  const types = s.type === undefined ? [] : [].concat(s.type);
  const typeOk = types.length === 1 ? TYPES[types[0]] : (d) => types.some((t) => TYPES[t](d));
  const typeMsg = \`must be \${types.join(',')}\`;
  if (s.type === 'object') {
    const props = s.properties ?? {};
    const keys = Object.keys(props);
    const subs = keys.map((k) => compile(props[k], order && rebuilt(props[k])));
    const required = s.required ?? [];
    return (d) => {
      if (!typeOk(d)) return fail(typeMsg);
      for (const k of required) if (d[k] === undefined) return fail(\`must have required property '\${k}'\`);
      for (const k in d) if (!hasOwn.call(props, k)) delete d[k];
      const out = order ? {} : d;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const v = d[k];
        if (v !== undefined) {
          const r = subs[i](v);
          if (r === NO) {
            issue.instancePath = \`/\${k}\${issue.instancePath}\`;
            return NO;
          }
          if (order) out[k] = r;
        } else if (order) out[k] = v;
      }
      return out;
    };
  }
  if (s.type === 'array') {
    const item = s.items ? compile(s.items, order && rebuilt(s.items)) : (d) => d;
    const copy = order && !!s.items && rebuilt(s.items);
    return (d) => {
      if (!typeOk(d)) return fail(typeMsg);
      const out = copy ? new Array(d.length) : d;
      for (let i = 0; i < d.length; i++) {
        const r = item(d[i]);
        if (r === NO) {
          issue.instancePath = \`/\${i}\${issue.instancePath}\`;
          return NO;
        }
        if (copy) out[i] = r;
      }
      return out;
    };
  }
  const tests = [];
  if (s.minLength !== undefined) tests.push((d) => typeof d !== 'string' || d.length >= s.minLength || \`must NOT have fewer than \${s.minLength} characters\`);
  if (s.pattern !== undefined) {
    const re = new RegExp(s.pattern, 'u');
    tests.push((d) => typeof d !== 'string' || re.test(d) || \`must match pattern "\${s.pattern}"\`);
  }
  if (s.maximum !== undefined) tests.push((d) => typeof d !== 'number' || d <= s.maximum || \`must be <= \${s.maximum}\`);
  if (s.minimum !== undefined) tests.push((d) => typeof d !== 'number' || d >= s.minimum || \`must be >= \${s.minimum}\`);
  if (s.exclusiveMaximum !== undefined) tests.push((d) => typeof d !== 'number' || d < s.exclusiveMaximum || \`must be < \${s.exclusiveMaximum}\`);
  if (s.exclusiveMinimum !== undefined) tests.push((d) => typeof d !== 'number' || d > s.exclusiveMinimum || \`must be > \${s.exclusiveMinimum}\`);
  if (s.enum !== undefined) tests.push((d) => s.enum.includes(d) || 'must be equal to one of the allowed values');
  return (d) => {
    if (types.length && !typeOk(d)) return fail(typeMsg);
    for (const t of tests) {
      const r = t(d);
      if (r !== true) return fail(r);
    }
    return d;
  };
}

const check = compile(SCHEMA, true);

/** The record, valid and in schema order; null (with checkDisclosure.errors set) when invalid. */
export function checkDisclosure(value) {
  const r = check(value);
  if (r === NO) {
    checkDisclosure.errors = [issue];
    issue = null;
    return null;
  }
  checkDisclosure.errors = null;
  return r;
}
checkDisclosure.errors = null;
`;

export function disclosureCheckSource(z, DisclosureSchema) {
  const schema = strip(z.toJSONSchema(DisclosureSchema, { io: 'output' }));
  assertKnown(schema);
  return [
    '// GENERATED by scripts/compile-check.mjs from src/records/schema.ts — do not edit.',
    '// The Disclosure schema as data and a small checker built from it when the module loads, so',
    '// that validating a record needs no zod at run time. Regenerate after changing the schema:',
    '// npm run build && node scripts/compile-check.mjs',
    '// @ts-nocheck',
    '/* eslint-disable */',
    `const SCHEMA = ${JSON.stringify(schema)};`,
    CHECKER.trim(),
    '',
  ].join('\n');
}
