/**
 * @module
 * The OpenAPI 3.1 document of an `ApiApp`, from the zod schemas its routes validate with: zod's own
 * JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1), schemas given a name by `named` under
 * `components/schemas` and referred to with `$ref` wherever they appear.
 */
import * as z from "zod/mini";
import { namedSchemas, type ApiApp, type ApiRoute, type Content } from "./api-routes.ts";

export type JsonSchema = { [keyword: string]: unknown; properties?: Record<string, JsonSchema>; required?: string[]; description?: string; $ref?: string };

export interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description?: string; license?: { name: string; identifier?: string; url?: string } };
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  tags?: { name: string; description?: string }[];
  components: { securitySchemes: Record<string, object>; schemas: Record<string, JsonSchema> };
  paths: Record<string, Record<string, Operation>>;
}

type Schema = z.core.$ZodType;
const COMPONENTS = "#/components/schemas/";
/** Ids of the schemas that are not named: converted with the rest, then written in place. */
const INLINE = "~";

function schemasOf(route: ApiRoute): Schema[] {
  const contents: Content[] = [route.request?.body?.content ?? {}, ...Object.values(route.responses).map((r) => r.content ?? {})];
  const { params, query } = route.request ?? {};
  return [params, query, ...contents.flatMap((c) => Object.values(c).map((m) => m.schema))].filter((s) => s !== undefined);
}

/**
 * Every schema of the routes as JSON Schema, converted together so that a named schema becomes a
 * `$ref`. Converted as input: requests are documented as a client writes them (a field with a
 * default may be left out); the response schemas have no defaults or transforms, so their input
 * and output are the same.
 */
function convert(routes: readonly ApiRoute[]) {
  const registry = z.registry<{ id: string }>();
  for (const [schema, name] of namedSchemas()) registry.add(schema, { id: name });
  let unnamed = 0;
  for (const schema of routes.flatMap(schemasOf)) if (!registry.has(schema)) registry.add(schema, { id: `${INLINE}${unnamed++}` });
  const { schemas } = z.toJSONSchema(registry, { io: "input", uri: (id) => COMPONENTS + id }) as unknown as { schemas: Record<string, JsonSchema> };
  const converted: Record<string, JsonSchema> = {};
  for (const [id, { $schema: _dialect, $id: _self, ...schema }] of Object.entries(schemas)) converted[id] = schema;
  // A route-level schema that is also a part of another one stays inline there as well.
  const inline = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(inline);
    if (value === null || typeof value !== "object") return value;
    const ref = (value as JsonSchema).$ref;
    if (ref?.startsWith(COMPONENTS + INLINE)) return inline(converted[ref.slice(COMPONENTS.length)]);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inline(v)]));
  };
  const components: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(converted)) if (!id.startsWith(INLINE)) components[id] = inline(schema) as JsonSchema;
  const jsonOf = (schema: Schema): JsonSchema => {
    const id = registry.get(schema)!.id;
    return id.startsWith(INLINE) ? (inline(converted[id]) as JsonSchema) : { $ref: COMPONENTS + id };
  };
  return { components, jsonOf };
}

/**
 * A name for the operation, from its method and path (`GET /v1/corridors/{corridor}/quotes` is
 * `getV1CorridorsCorridorQuotes`): unique, because method and path are.
 */
export function operationIdOf(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

/** What every route answers besides its own responses: what the middleware in front of it can answer. */
export type SharedResponses = (route: ApiRoute) => ApiRoute["responses"];

export function openApiDocument31(app: ApiApp<any>, base: Omit<OpenApiDocument, "paths" | "components">, shared: SharedResponses = () => ({})): OpenApiDocument {
  // A route's own description of a status wins over the shared one.
  const routes = app.apiRoutes.map((route) => ({ ...route, responses: { ...shared(route), ...route.responses } }));
  const { components, jsonOf } = convert(routes);
  const content = (c: Content) => Object.fromEntries(Object.entries(c).map(([mediaType, { schema }]) => [mediaType, { schema: jsonOf(schema) }]));
  const parameters = (where: Parameter["in"], schema: Schema | undefined): Parameter[] => {
    if (!schema) return [];
    const object = jsonOf(schema);
    return Object.entries(object.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === "path" || (object.required ?? []).includes(name),
      ...(property.description ? { description: property.description } : {}),
      schema: property,
    }));
  };
  const paths: OpenApiDocument["paths"] = {};
  for (const route of routes) {
    const { request = {}, responses, method, path, ...described } = route;
    const operation: Operation = { operationId: operationIdOf(method, path), ...described, responses: {} };
    const params = [...parameters("path", request.params), ...parameters("query", request.query)];
    if (params.length) operation.parameters = params;
    if (request.body) operation.requestBody = { required: request.body.required, content: content(request.body.content) };
    for (const [status, r] of Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b))) operation.responses[status] = { description: r.description, ...(r.content ? { content: content(r.content) } : {}) };
    (paths[path] ??= {})[method] = operation;
  }
  return { ...base, components: { securitySchemes: app.securitySchemes, schemas: components }, paths };
}
