// Builds the source of src/records/disclosure-check.ts: the Disclosure schema of
// src/records/schema.ts written out as plain JavaScript checks, one function per schema node.
// Why generated code: `parse` of one small file spent ~60 ms loading zod and compiling its schema;
// ajv's standalone code for the same schema avoided that but was 600 KB of JavaScript (~10 ms to
// load and compile on each start). Up to round six this file held the schema as data and a small
// interpreter (interpretedCheck below) built closures from it when the module loaded; written out
// instead (~40 KB), a record is checked in ~3 µs rather than ~10 (issue 17: the check runs on every
// parsed document and on every stored or exported one).
// It does what ajv (removeAdditional: 'all', unicode: false) did, and what zod's parse does:
// the same verdict, keys in schema order, unknown keys dropped.
// tests/unit/records-check.test.ts fails when the committed file is out of date, compares the
// check with zod on every fixture and on damaged records, and its messages with the interpreter's.

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

const NO = Symbol('invalid');
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
 * The schema read as it is, node by node (what disclosure-check.ts did up to round six): the
 * reference the generated code is tested against, message for message. `check(value)` returns the
 * value (objects rebuilt in schema order, unknown keys deleted as ajv's removeAdditional did) or
 * null, with `check.errors` set to the first problem (a JSON pointer and what).
 */
export function interpretedCheck(schema) {
  let issue = null;
  const fail = (message) => {
    issue = { instancePath: '', message };
    return NO;
  };
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
    const typeMsg = `must be ${types.join(',')}`;
    if (s.type === 'object') {
      const props = s.properties ?? {};
      const keys = Object.keys(props);
      const subs = keys.map((k) => compile(props[k], order && rebuilt(props[k])));
      const required = s.required ?? [];
      return (d) => {
        if (!typeOk(d)) return fail(typeMsg);
        for (const k of required) if (d[k] === undefined) return fail(`must have required property '${k}'`);
        for (const k in d) if (!hasOwn.call(props, k)) delete d[k];
        const out = order ? {} : d;
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          const v = d[k];
          if (v !== undefined) {
            const r = subs[i](v);
            if (r === NO) {
              issue.instancePath = `/${k}${issue.instancePath}`;
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
            issue.instancePath = `/${i}${issue.instancePath}`;
            return NO;
          }
          if (copy) out[i] = r;
        }
        return out;
      };
    }
    const tests = [];
    if (s.minLength !== undefined) tests.push((d) => typeof d !== 'string' || d.length >= s.minLength || `must NOT have fewer than ${s.minLength} characters`);
    if (s.pattern !== undefined) {
      const re = new RegExp(s.pattern, 'u');
      tests.push((d) => typeof d !== 'string' || re.test(d) || `must match pattern "${s.pattern}"`);
    }
    if (s.maximum !== undefined) tests.push((d) => typeof d !== 'number' || d <= s.maximum || `must be <= ${s.maximum}`);
    if (s.minimum !== undefined) tests.push((d) => typeof d !== 'number' || d >= s.minimum || `must be >= ${s.minimum}`);
    if (s.exclusiveMaximum !== undefined) tests.push((d) => typeof d !== 'number' || d < s.exclusiveMaximum || `must be < ${s.exclusiveMaximum}`);
    if (s.exclusiveMinimum !== undefined) tests.push((d) => typeof d !== 'number' || d > s.exclusiveMinimum || `must be > ${s.exclusiveMinimum}`);
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
  const run = compile(schema, true);
  const check = (value) => {
    const r = run(value);
    if (r === NO) {
      check.errors = [issue];
      issue = null;
      return null;
    }
    check.errors = null;
    return r;
  };
  check.errors = null;
  return check;
}

// ---- code generation ---------------------------------------------------------------------------
// The same checks written out as straight-line JavaScript, one function per schema node: each
// property is read by its name at its own site, so V8 sees one object shape per site and can
// inline the leaves. The interpreter above reads every property through one generic loop whose
// sites see every shape in the record (megamorphic): ~3x slower per record, and the check runs
// on every parsed document and again on every stored one (issue 17).

const J = JSON.stringify;
const TYPE_EXPR = {
  string: "typeof d === 'string'",
  null: 'd === null',
  boolean: "typeof d === 'boolean'",
  number: "(typeof d === 'number' && isFinite(d))",
  integer: "(typeof d === 'number' && !(d % 1) && !isNaN(d) && isFinite(d))",
  array: 'Array.isArray(d)',
  object: "(!!d && typeof d === 'object' && !Array.isArray(d))",
};
/** Enums longer than this are tested with a Set (same SameValueZero as includes), shorter ones with ===. */
const ENUM_CHAIN = 8;

function generate(schema) {
  const consts = [];
  const memos = []; // one `let` per pattern: the last string it matched
  const fns = [];
  const byBody = new Map(); // identical leaves (a date, a sha256 …) share one function
  const byExpr = new Map(); // and identical constants one name
  const constant = (expr) => {
    if (byExpr.has(expr)) return byExpr.get(expr);
    const name = `K${consts.length}`;
    consts.push(`const ${name} = ${expr};`);
    byExpr.set(expr, name);
    return name;
  };
  const define = (body, doc, hint) => {
    const key = body.join('\n');
    const known = byBody.get(key);
    if (known) return known;
    const name = `${hint}${fns.length}`;
    fns.push(`/** ${doc} */\nfunction ${name}(d) {\n  ${body.join('\n  ')}\n}`);
    byBody.set(key, name);
    return name;
  };
  const typeTest = (types) => types.map((t) => TYPE_EXPR[t]).join(' || ');
  function node(s, order, path) {
    if (s.anyOf) {
      const alts = s.anyOf.map((a) => node(a, false, path));
      const body = ['let first = null;', 'let r;'];
      for (const a of alts) body.push(`r = ${a}(d);`, 'if (r !== NO) return r;', 'first ??= issue;');
      body.push('issue = first;', 'return NO;');
      return define(body, `${path}: any of ${alts.join(', ')}`, 'any');
    }
    const types = s.type === undefined ? [] : [].concat(s.type);
    const typeMsg = J(`must be ${types.join(',')}`);
    if (s.type === 'object') {
      const props = s.properties ?? {};
      const keys = Object.keys(props);
      if (keys.includes('__proto__')) throw new Error('disclosure check: a property named __proto__ cannot be generated');
      const subs = keys.map((k) => node(props[k], order && rebuilt(props[k]), `${path}.${k}`));
      // A Set of the known keys: faster than hasOwn on an object in the for-in below (2.7 against 3.4 µs a record).
      const known = constant(`new Set(${J(keys)})`);
      const body = [`if (!(${typeTest(types)})) return fail(${typeMsg});`];
      for (const k of s.required ?? []) body.push(`if (d[${J(k)}] === undefined) return fail(${J(`must have required property '${k}'`)});`);
      body.push(`for (const k in d) if (!${known}.has(k)) delete d[k];`);
      keys.forEach((k, i) => {
        body.push(`let v${i} = d[${J(k)}];`);
        body.push(`if (v${i} !== undefined) {`);
        body.push(`  const r = ${subs[i]}(v${i});`);
        body.push(`  if (r === NO) return at(${J(`/${k}`)});`);
        if (order) body.push(`  v${i} = r;`);
        body.push('}');
      });
      // One literal with every key, in schema order: the shape zod's output has.
      body.push(order ? `return { ${keys.map((k, i) => `${J(k)}: v${i}`).join(', ')} };` : 'return d;');
      return define(body, `${path}: an object`, 'obj');
    }
    if (s.type === 'array') {
      const item = s.items ? node(s.items, order && rebuilt(s.items), `${path}[]`) : null;
      const copy = order && !!s.items && rebuilt(s.items);
      const body = [`if (!(${typeTest(types)})) return fail(${typeMsg});`];
      if (item) {
        if (copy) body.push('const out = [];');
        body.push('for (let i = 0; i < d.length; i++) {', `  const r = ${item}(d[i]);`, "  if (r === NO) return at('/' + i);");
        if (copy) body.push('  out.push(r);');
        body.push('}');
        body.push(copy ? 'return out;' : 'return d;');
      } else body.push('return d;');
      return define(body, `${path}: an array`, 'arr');
    }
    const body = [];
    if (types.length) body.push(`if (!(${typeTest(types)})) return fail(${typeMsg});`);
    if (s.minLength !== undefined) body.push(`if (typeof d === 'string' && !(d.length >= ${s.minLength})) return fail(${J(`must NOT have fewer than ${s.minLength} characters`)});`);
    if (s.pattern !== undefined) {
      const re = constant(`new RegExp(${J(s.pattern)}, 'u')`);
      // The last string the pattern matched: a repeat (every row of a record carries its
      // document's sha256) is not matched again. Strings are immutable and the pattern has no
      // g or y flag, so a repeat matches as the first did.
      const last = `${re}last`;
      if (!memos.includes(`let ${last} = null;`)) memos.push(`let ${last} = null;`);
      body.push(
        `if (typeof d === 'string' && d !== ${last}) {`,
        `  if (!${re}.test(d)) return fail(${J(`must match pattern "${s.pattern}"`)});`,
        `  ${last} = d;`,
        '}',
      );
    }
    for (const [kw, op, word] of [['maximum', '<=', '<='], ['minimum', '>=', '>='], ['exclusiveMaximum', '<', '<'], ['exclusiveMinimum', '>', '>']]) {
      if (s[kw] !== undefined) body.push(`if (typeof d === 'number' && !(d ${op} ${J(s[kw])})) return fail(${J(`must be ${word} ${s[kw]}`)});`);
    }
    if (s.enum !== undefined) {
      const test = s.enum.length > ENUM_CHAIN ? `!${constant(`new Set(${J(s.enum)})`)}.has(d)` : `(${s.enum.map((v) => `d !== ${J(v)}`).join(' && ')})`;
      body.push(`if (${test}) return fail('must be equal to one of the allowed values');`);
    }
    body.push('return d;');
    return define(body, J(s), 'leaf');
  }
  const root = node(schema, true, 'record');
  return { consts: [...consts, ...memos], fns, root };
}

const RUNTIME = `
const NO = Symbol('invalid');
/** The first problem found, as ajv reported it: where (a JSON pointer) and what. */
let issue = null;
const fail = (message) => {
  issue = { instancePath: '', message };
  return NO;
};
/** A problem found under a key or index: its path grows by that step on the way out. */
const at = (step) => {
  issue.instancePath = step + issue.instancePath;
  return NO;
};
`;

export function disclosureCheckSource(z, DisclosureSchema) {
  const { consts, fns, root } = generate(disclosureCheckSchema(z, DisclosureSchema));
  return [
    '// GENERATED by scripts/compile-check.mjs from src/records/schema.ts — do not edit.',
    '// The Disclosure schema written out as plain checks, so that validating a record needs no zod',
    '// at run time and reads each property at its own site. Regenerate after changing the schema:',
    '// npm run build && node scripts/compile-check.mjs',
    '// @ts-nocheck',
    '/* eslint-disable */',
    RUNTIME.trim(),
    ...consts,
    '',
    fns.join('\n\n'),
    '',
    '/** The record, valid and in schema order; null (with checkDisclosure.errors set) when invalid. */',
    'export function checkDisclosure(value) {',
    `  const r = ${root}(value);`,
    '  if (r === NO) {',
    '    checkDisclosure.errors = [issue];',
    '    issue = null;',
    '    return null;',
    '  }',
    '  checkDisclosure.errors = null;',
    '  return r;',
    '}',
    'checkDisclosure.errors = null;',
    '',
  ].join('\n');
}

/** The schema the generated check is built from, plain and refused if it uses a keyword the generator does not know (tests: the interpreter reads the same). */
export function disclosureCheckSchema(z, DisclosureSchema) {
  const schema = strip(z.toJSONSchema(DisclosureSchema, { io: 'output' }));
  assertKnown(schema);
  return schema;
}
