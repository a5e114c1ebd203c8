/**
 * A response serializer compiled once from a zod schema, for hot routes whose answers are built by the shop's
 * own code from database rows.
 *
 * fastify-type-provider-zod serializes every answer by running the zod schema over it (`safeEncode`, every
 * UUID, instant and enum checked against its pattern) and then `JSON.stringify`: for a page of 25 queue rows
 * that costs more CPU than reading them. Here the same schema is turned into JSON Schema once, at start, and
 * compiled by fast-json-stringify (what Fastify uses for JSON Schema routes): an answer is written field by
 * field with no checks. What stays the same: only the fields the schema names are written (anything else on
 * the object is left out, as zod's strip did), a missing required field is an error (500) rather than a
 * silently different answer, and the OpenAPI document still comes from the zod schema.
 *
 * Only plain shapes are supported (objects, arrays, strings, numbers, booleans, enums, and any of those or
 * null); anything else (unions, tuples, records) fails at start, naming the path, instead of being guessed.
 */
import fastJson from 'fast-json-stringify';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  [key: string]: unknown;
};

const knownTypes = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);
/** Keywords that only check values (the zod schema checks them in tests; they cost nothing to drop here). */
const checkOnly = new Set([
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'enum',
  'const',
  'description',
  'additionalProperties',
  'readOnly',
  '$schema',
]);

/** The JSON Schema fast-json-stringify compiles: only `type`, `properties`, `required` and `items`. */
function plain(schema: JsonSchema, path: string): JsonSchema {
  if (schema.anyOf) {
    const others = schema.anyOf.filter((s) => s.type !== 'null');
    const only = others[0];
    if (others.length !== 1 || schema.anyOf.length !== 2 || !only) {
      throw new Error(`compiled serializer: ${path} is a union, which it does not support`);
    }
    const inner = plain(only, path);
    return { ...inner, type: [inner.type as string, 'null'] };
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (checkOnly.has(key)) continue;
    if (key === 'type') {
      const types = Array.isArray(value) ? value : [value];
      if (!types.every((t) => typeof t === 'string' && knownTypes.has(t))) {
        throw new Error(`compiled serializer: ${path} has type ${JSON.stringify(value)}`);
      }
      out.type = value as string | string[];
    } else if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([name, s]) => [
          name,
          plain(s, `${path}.${name}`),
        ]),
      );
    } else if (key === 'required') {
      out.required = value as string[];
    } else if (key === 'items' && !Array.isArray(value)) {
      out.items = plain(value as JsonSchema, `${path}[]`);
    } else {
      throw new Error(`compiled serializer: ${path} uses ${key}, which it does not support`);
    }
  }
  if (!out.type) throw new Error(`compiled serializer: ${path} has no type`);
  return out;
}

/** `schema` (a zod schema of plain shapes) as a function from an answer to its JSON text. */
export function compileSerializer(schema: z.ZodType): (data: unknown) => string {
  const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7' }) as JsonSchema;
  return fastJson(plain(json, '$') as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
}

/**
 * A route's `serializerCompiler`: the answers whose zod schema is in `compiled` go through compiled
 * serializers; every other status code (the error answers) keeps the zod serializer.
 */
export function compiledResponses(
  ...compiled: z.ZodType[]
): <T>(route: FastifyRouteSchemaDef<T>) => (data: unknown) => string {
  const fast = new Map<unknown, (data: unknown) => string>(
    compiled.map((schema) => [schema, compileSerializer(schema)]),
  );
  return (route) => fast.get(route.schema) ?? serializerCompiler(route as never);
}
