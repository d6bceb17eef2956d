/**
 * The JSON Schemas users give `dynamic` columns (kqlgen.config.json): checked
 * before anything is compiled, and turned into a TypeScript type.
 *
 * - `$ref` must be local (`#...`): kqlgen never reads a file or fetches a URL
 *   while generating. Local references must resolve; a schema that refers to
 *   itself without reaching into the value (`{"$ref":"#"}`) is refused, since
 *   its validator could never finish. `$id` is refused (it would move the base
 *   of references elsewhere).
 * - The TypeScript type is built here from the schema's structure; nothing of
 *   the schema is pasted as code but string keys and literals (escaped) and a
 *   `tsType`, which must parse as exactly one TypeScript type expression and
 *   is re-printed from its syntax tree (no imports, no `typeof`).
 */
import { createRequire } from "node:module";
import type { ts as TS } from "ts-morph";
import type { Location } from "../model/errors.js";
import { InputError } from "../model/errors.js";
import { pointerToken } from "../../templates/runtime/validation.js";

type Schema = { [key: string]: unknown } | boolean;

const MAX_DEPTH = 100;

/** Keywords whose subschemas apply to the same value (following them consumes nothing). */
const IN_PLACE_ONE = ["not", "if", "then", "else"];
const IN_PLACE_MANY = ["allOf", "anyOf", "oneOf"];
const IN_PLACE_MAP = ["dependentSchemas"];

function isObject(x: unknown): x is { [key: string]: unknown } {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function own(o: { [key: string]: unknown }, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** The subschema a local reference (`#`, `#/$defs/x`) points to, or undefined. */
function resolveLocal(root: Schema, ref: string): Schema | undefined {
  if (ref === "#") return root;
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    let token: string;
    try {
      token = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    } catch {
      return undefined;
    }
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(token)) node = node[Number(token)];
    else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return typeof node === "boolean" || isObject(node) ? node : undefined;
}

/** Checks a dynamic column's schema; throws an InputError naming the column and the place in the schema. */
export function checkUserSchema(root: Schema, loc: Location): void {
  const fail = (at: string, message: string): never => {
    throw InputError.of({ ...loc, at: `${loc.at ?? ""}/schema${at}` }, message);
  };
  // Structure: refs local and resolvable, no $id, depth bounded.
  const walk = (node: unknown, at: string, depth: number): void => {
    if (depth > MAX_DEPTH) fail(at, `the column's JSON Schema is nested deeper than ${MAX_DEPTH} levels: expected a shallower schema`);
    if (Array.isArray(node)) {
      node.forEach((x, i) => walk(x, `${at}/${i}`, depth + 1));
      return;
    }
    if (!isObject(node)) return;
    for (const key of ["$ref", "$dynamicRef", "$recursiveRef"]) {
      if (!Object.hasOwn(node, key)) continue;
      const ref = node[key];
      if (typeof ref !== "string" || !ref.startsWith("#")) {
        fail(`${at}/${pointerToken(key)}`, `${key} ${JSON.stringify(String(ref).slice(0, 80))} is not a local reference: expected "#" or "#/$defs/..." (kqlgen reads no files and fetches nothing while generating)`);
      }
      if (key === "$ref" && resolveLocal(root, ref as string) === undefined) {
        fail(`${at}/$ref`, `$ref ${JSON.stringify((ref as string).slice(0, 80))} points to nothing in this schema: expected a JSON Pointer to a subschema, such as "#/$defs/Name"`);
      }
    }
    if (Object.hasOwn(node, "$id") && at !== "") fail(`${at}/$id`, `$id is not supported inside a column's JSON Schema: expected references by JSON Pointer ("#/$defs/...")`);
    if (Object.hasOwn(node, "$id") && at === "") fail("/$id", `$id is not supported in a column's JSON Schema: kqlgen names the schema itself`);
    for (const [key, value] of Object.entries(node)) {
      if (key === "enum" || key === "const" || key === "examples" || key === "default") continue;
      walk(value, `${at}/${pointerToken(key)}`, depth + 1);
    }
  };
  walk(root, "", 0);

  // A cycle through references and in-place keywords only: the validator would never finish.
  const inPlace = (node: Schema): Schema[] => {
    if (!isObject(node)) return [];
    const next: Schema[] = [];
    const ref = own(node, "$ref");
    if (typeof ref === "string") next.push(resolveLocal(root, ref)!);
    for (const k of IN_PLACE_ONE) if (own(node, k) !== undefined) next.push(own(node, k) as Schema);
    for (const k of IN_PLACE_MANY) if (Array.isArray(own(node, k))) next.push(...(own(node, k) as Schema[]));
    for (const k of IN_PLACE_MAP) if (isObject(own(node, k))) next.push(...(Object.values(own(node, k) as object) as Schema[]));
    return next.filter((s) => typeof s === "boolean" || isObject(s));
  };
  const state = new Map<Schema, "open" | "done">();
  const visit = (node: Schema, chain: number): void => {
    if (typeof node === "boolean") return;
    const s = state.get(node);
    if (s === "open") fail("", "the column's JSON Schema refers to itself without reaching into the value (a $ref loop such as {\"$ref\":\"#\"}): expected every loop to pass through properties or items");
    if (s === "done" || chain > 10_000) return;
    state.set(node, "open");
    for (const n of inPlace(node)) visit(n, chain + 1);
    state.set(node, "done");
  };
  // Every subschema starts a chain: visit all nodes reachable structurally.
  const all = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(node)) return node.forEach((x) => all(x, depth + 1));
    if (!isObject(node)) return;
    visit(node, 0);
    for (const [key, value] of Object.entries(node)) {
      if (key === "enum" || key === "const" || key === "examples" || key === "default") continue;
      all(value, depth + 1);
    }
  };
  all(root, 0);
}

/** A `tsType` as a TypeScript type, re-printed from its syntax tree; throws when it is anything but one type expression. */
let typescript: typeof TS | undefined;

export function checkedTsType(text: unknown, fail: (message: string) => never): string {
  // TypeScript (through ts-morph) loads only when a schema has a tsType.
  const ts = (typescript ??= (createRequire(import.meta.url)("ts-morph") as { ts: typeof TS }).ts);
  if (typeof text !== "string") return fail(`tsType must be a string: found ${typeof text}`);
  const prefix = "type T = ";
  const file = ts.createSourceFile("tsType.ts", `${prefix}${text};`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics ?? [];
  const statement = file.statements[0];
  const bad = () => fail(`tsType ${JSON.stringify(text.slice(0, 80))} is not a single TypeScript type expression: expected a type such as "string[]" or "{ id: string }"`);
  if (diagnostics.length || file.statements.length !== 1 || !statement || !ts.isTypeAliasDeclaration(statement)) return bad();
  if (statement.type.getEnd() !== prefix.length + text.length) return bad();
  let refused: string | undefined;
  const scan = (node: TS.Node): void => {
    if (ts.isImportTypeNode(node)) refused = "an import type";
    else if (ts.isTypeQueryNode(node)) refused = "a typeof query";
    node.forEachChild(scan);
  };
  scan(statement.type);
  if (refused) return fail(`tsType ${JSON.stringify(text.slice(0, 80))} holds ${refused}: expected a type built from type names and literals`);
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  return printer.printNode(ts.EmitHint.Unspecified, statement.type, file).replace(/\s*\n\s*/g, " ");
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function literal(value: unknown): string | undefined {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return undefined;
}

function union(types: string[]): string {
  const unique = [...new Set(types)];
  if (unique.includes("unknown")) return "unknown";
  const rest = unique.filter((t) => t !== "never");
  return rest.length === 0 ? "never" : rest.join(" | ");
}

/** Parenthesised when it is a union or intersection (for `T[]` and `A & B`). */
function atom(type: string): string {
  return /[|&]/.test(type) ? `(${type})` : type;
}

/**
 * The TypeScript type of a checked column schema (see checkUserSchema). Loops
 * through references become `unknown` at the point they close.
 */
export function schemaToTs(root: Schema, loc: Location): string {
  const fail = (message: string): never => {
    throw InputError.of({ ...loc, at: `${loc.at ?? ""}/schema` }, message);
  };
  const stack = new Set<Schema>();
  const convert = (node: Schema, depth: number): string => {
    if (node === true) return "unknown";
    if (node === false) return "never";
    if (depth > MAX_DEPTH || stack.has(node)) return "unknown";
    stack.add(node);
    try {
      return convertObject(node, depth);
    } finally {
      stack.delete(node);
    }
  };
  const convertObject = (node: { [key: string]: unknown }, depth: number): string => {
    if (own(node, "tsType") !== undefined) return checkedTsType(own(node, "tsType"), fail);
    const parts: string[] = [];
    const ref = own(node, "$ref");
    if (typeof ref === "string") parts.push(convert(resolveLocal(root, ref) ?? true, depth + 1));
    if (Object.hasOwn(node, "const")) parts.push(literal(node.const) ?? "unknown");
    const en = own(node, "enum");
    if (Array.isArray(en)) parts.push(union(en.map((v) => literal(v) ?? "unknown")));
    for (const k of ["anyOf", "oneOf"]) {
      const list = own(node, k);
      if (Array.isArray(list)) parts.push(union(list.map((s) => atom(convert(s as Schema, depth + 1)))));
    }
    const allOf = own(node, "allOf");
    if (Array.isArray(allOf) && allOf.length) {
      const types = allOf.map((s) => convert(s as Schema, depth + 1)).filter((t) => t !== "unknown");
      if (types.length) parts.push(types.map(atom).join(" & "));
    }
    const typed = byType(node, depth);
    if (typed !== undefined) parts.push(typed);
    const known = parts.filter((t) => t !== "unknown");
    if (known.length === 0) return "unknown";
    return known.length === 1 ? known[0]! : known.map(atom).join(" & ");
  };
  const byType = (node: { [key: string]: unknown }, depth: number): string | undefined => {
    const type = own(node, "type");
    const types = typeof type === "string" ? [type] : Array.isArray(type) ? type.filter((t): t is string => typeof t === "string") : [];
    if (types.length === 0) {
      if (isObject(own(node, "properties"))) types.push("object");
      else if (own(node, "items") !== undefined) types.push("array");
      else return undefined;
    }
    return union(
      types.map((t) => {
        switch (t) {
          case "string":
            return "string";
          case "number":
          case "integer":
            return "number";
          case "boolean":
            return "boolean";
          case "null":
            return "null";
          case "array": {
            if (own(node, "prefixItems") !== undefined) return "unknown[]";
            const items = own(node, "items");
            return `${atom(items === undefined ? "unknown" : convert(items as Schema, depth + 1))}[]`;
          }
          case "object":
            return objectType(node, depth);
          default:
            return "unknown";
        }
      }),
    );
  };
  const objectType = (node: { [key: string]: unknown }, depth: number): string => {
    const props = own(node, "properties");
    const required = new Set(Array.isArray(own(node, "required")) ? (own(node, "required") as unknown[]).filter((r) => typeof r === "string") : []);
    const members: string[] = [];
    if (isObject(props)) {
      for (const [key, sub] of Object.entries(props)) {
        const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
        members.push(`${name}${required.has(key) ? "" : "?"}: ${convert(sub as Schema, depth + 1)}`);
      }
    }
    const extra = own(node, "additionalProperties");
    if (extra !== false && (members.length === 0 || extra !== undefined)) members.push("[k: string]: unknown");
    return `{ ${members.join("; ")} }`;
  };
  return convert(root, 0);
}
