/**
 * fast-check arbitraries derived from the served document's JSON Schemas (OpenAPI 3.1 = JSON
 * Schema 2020-12), for the keywords the document uses: `$ref`, `type` (one or several), `enum`,
 * `const`, number bounds, `pattern`, `format: date`, `minLength`/`maxLength`, `items`,
 * `prefixItems`, `minItems`/`maxItems`, `uniqueItems`, `properties`, `required`,
 * `additionalProperties`, `oneOf`/`anyOf`/`allOf`. Every value generated is valid against the
 * schema it came from (the contract test checks that with ajv before sending it).
 *
 * Numbers lean to what the API meets (index levels from 1 to 20,000) but reach the float limits
 * too, so a schema-valid request can still be one the API must refuse (a forecast that is not
 * finite: a documented 422).
 */
import fc from 'fast-check';

type Schema = Record<string, unknown>;

/** Resolves `#/...` references against the document. */
function deref(document: Schema, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node as Schema)[key], document) as Schema;
  return deref(document, {
    ...target,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')),
  });
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + (integer ? 1 : Number.MIN_VALUE)
        : integer
          ? -1_000_000
          : -Number.MAX_VALUE;
  const max =
    typeof schema.maximum === 'number'
      ? schema.maximum
      : typeof schema.exclusiveMaximum === 'number'
        ? schema.exclusiveMaximum - (integer ? 1 : Number.MIN_VALUE)
        : integer
          ? 1_000_000
          : Number.MAX_VALUE;
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  const realistic = fc.double({
    min: Math.max(min, 1),
    max: Math.min(max, 20_000),
    noNaN: true,
    noDefaultInfinity: true,
  });
  const anywhere = fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return min <= 20_000 && max >= 1
    ? fc.oneof({ arbitrary: realistic, weight: 4 }, { arbitrary: anywhere, weight: 1 })
    : anywhere;
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'date' || typeof schema.pattern === 'string') {
    if (schema.format === 'date') {
      return fc
        .record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 1, max: 12 }) })
        .map(({ y, m }) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`)
        .filter((s) => typeof schema.pattern !== 'string' || new RegExp(schema.pattern).test(s));
    }
    return fc.stringMatching(new RegExp(schema.pattern as string));
  }
  return fc.string({
    minLength: typeof schema.minLength === 'number' ? schema.minLength : 0,
    maxLength: Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 40, 40),
  });
}

function arrayArbitrary(document: Schema, schema: Schema): fc.Arbitrary<unknown[]> {
  if (Array.isArray(schema.prefixItems)) {
    return fc.tuple(...schema.prefixItems.map((s) => schemaArbitrary(document, s as Schema)));
  }
  const items = schemaArbitrary(document, (schema.items as Schema | undefined) ?? {});
  const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxLength =
    typeof schema.maxItems === 'number' ? Math.min(schema.maxItems, minLength + 16) : minLength + 4;
  return schema.uniqueItems === true
    ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
    : fc.array(items, { minLength, maxLength });
}

function objectArbitrary(document: Schema, schema: Schema): fc.Arbitrary<Schema> {
  const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, s]) => [key, schemaArbitrary(document, s)]),
  );
  const known = fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object') {
    const values = schemaArbitrary(document, extra as Schema);
    return fc
      .tuple(
        known,
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), values, { maxKeys: 4 }),
      )
      .map(([k, more]) => ({ ...more, ...k }));
  }
  return known;
}

/**
 * An arbitrary of values valid against `schema` (a schema of `document`, references resolved).
 *
 * @throws Error for a keyword it cannot generate for (`not`, `if`), naming it.
 */
export function schemaArbitrary(document: Schema, input: Schema): fc.Arbitrary<unknown> {
  const schema = deref(document, input);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  if ('not' in schema || 'if' in schema) throw new Error('schemaArbitrary: not/if unsupported');
  const { oneOf, anyOf, allOf, ...base } = schema;
  if (Array.isArray(allOf)) {
    return schemaArbitrary(
      document,
      Object.assign({}, base, ...allOf.map((s) => deref(document, s as Schema))),
    );
  }
  const branches = (oneOf ?? anyOf) as Schema[] | undefined;
  if (Array.isArray(branches)) {
    // Each branch narrows the base (for oneOf, a value that meets two branches is refused by ajv
    // before it is sent; the branches the document uses exclude each other).
    return fc.oneof(
      ...branches.map((branch) => {
        const narrowed = deref(document, branch);
        const merged: Schema = { ...base, ...narrowed };
        if (base.properties && narrowed.required && !narrowed.properties) {
          merged.properties = base.properties;
          merged.required = [
            ...new Set([
              ...((base.required as string[]) ?? []),
              ...(narrowed.required as string[]),
            ]),
          ];
          // Without the other branches' fields, so that exactly one branch holds.
          const others = branches
            .flatMap((b) => (deref(document, b).required as string[] | undefined) ?? [])
            .filter((k) => !(narrowed.required as string[]).includes(k));
          merged.properties = Object.fromEntries(
            Object.entries(base.properties as Schema).filter(([k]) => !others.includes(k)),
          );
        }
        return schemaArbitrary(document, merged);
      }),
    );
  }
  const type = schema.type;
  if (Array.isArray(type)) {
    return fc.oneof(...type.map((t) => schemaArbitrary(document, { ...schema, type: t })));
  }
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'string':
      return stringArbitrary(schema);
    case 'array':
      return arrayArbitrary(document, schema);
    case 'object':
      return objectArbitrary(document, schema);
    default:
      if (schema.properties) return objectArbitrary(document, schema);
      return fc.jsonValue();
  }
}
