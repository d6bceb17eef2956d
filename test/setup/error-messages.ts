/**
 * Every validation error carries a readable `message`, made from its path,
 * expectation and finding. Tests written before it compare errors by
 * `{ path, column, expected, found }`: when the expected object has no
 * `message`, this tester requires the actual one to be exactly the message
 * those fields give (so it is checked everywhere, not ignored), then compares
 * the rest as usual.
 */
import { expect } from "vitest";
import { errorMessage } from "../../templates/runtime/validation.js";

type Loose = Record<string, unknown>;

function errorLike(x: unknown): x is Loose {
  return typeof x === "object" && x !== null && !Array.isArray(x) && "path" in x && "expected" in x && "found" in x;
}

expect.addEqualityTesters([
  function messageOfErrors(a: unknown, b: unknown, customTesters) {
    if (!errorLike(a) || !errorLike(b)) return undefined;
    const aHas = "message" in a;
    const bHas = "message" in b;
    if (aHas === bHas) return undefined;
    const actual = aHas ? a : b;
    const wanted = aHas ? b : a;
    const { message, ...rest } = actual;
    if (typeof actual.path !== "string" || typeof actual.expected !== "string" || typeof actual.found !== "string") return undefined;
    if (message !== errorMessage(actual.path, actual.expected, actual.found)) return false;
    return this.equals(rest, wanted, customTesters);
  },
]);
