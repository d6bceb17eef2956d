/**
 * Writing TypeScript text already laid out as prettier (printWidth 120, the
 * options of output/format.ts) lays it out, for the few shapes the emitters
 * use: at thousands of tables, formatting every module with prettier was most
 * of generate's time. A module says whether it stayed within what these
 * layouts cover (`fits`); one that does not goes through prettier, so the
 * output is the same either way (test/adversarial/generate-scale.test.ts
 * checks the layouts against prettier).
 */
import { GENERATED_HEADER } from "./names.js";

export const WIDTH = 120;

/** A module under the generated header and its one-line description, ending in one newline. */
export function moduleText(about: string, blocks: readonly string[]): string {
  return `${GENERATED_HEADER}\n// ${about}\n\n${blocks.join("\n\n")}\n`;
}

/** A string literal with prettier's choice of quotes: double, unless the text holds more double quotes than single ones. */
export function jsString(value: string): string {
  if (!value.includes('"')) return JSON.stringify(value);
  const doubles = value.split('"').length - 1;
  const singles = value.split("'").length - 1;
  if (doubles <= singles) return JSON.stringify(value);
  return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** A one-line doc comment, or a block when `text` has several lines. */
export function doc(text: string, indent = ""): string {
  const lines = text.split("\n");
  if (lines.length === 1) return `${indent}/** ${text} */`;
  return [`${indent}/**`, ...lines.map((l) => `${indent} * ${l}`), `${indent} */`].join("\n");
}

/** `import { a, b } from "m";` (or `export`, `import type`), one name a line when it does not fit. */
export function importLine(keyword: string, names: readonly string[], from: string): string {
  const flat = `${keyword} { ${names.join(", ")} } from "${from}";`;
  // One name stays on the line, however long (prettier does not break it).
  if (flat.length <= WIDTH || names.length === 1) return flat;
  return `${keyword} {\n${names.map((n) => `  ${n},`).join("\n")}\n} from "${from}";`;
}

/** A function's first line: parameters on it when it fits, else one a line. */
export function functionHead(head: string, params: readonly string[], returnType: string): string {
  const flat = `${head}(${params.join(", ")}): ${returnType} {`;
  if (flat.length <= WIDTH) return flat;
  return `${head}(\n${params.map((p) => `  ${p},`).join("\n")}\n): ${returnType} {`;
}

/** A call as one statement at `indent`: on one line when it fits, else one argument a line. */
export function callStatement(indent: string, lead: string, args: readonly string[], end: string): string {
  const flat = `${indent}${lead}(${args.join(", ")})${end}`;
  if (flat.length <= WIDTH) return flat;
  return `${indent}${lead}(\n${args.map((a) => `${indent}  ${a},`).join("\n")}\n${indent})${end}`;
}

/**
 * Whether text written with these layouts is what prettier prints: ASCII only
 * (widths are lengths), no string with a quote or a backslash (prettier picks
 * quotes), and no code line over the width (prettier would break it in ways
 * not covered here). Comments may be longer: prettier leaves them.
 */
export function fits(text: string): boolean {
  if (isAscii(text)) {
    // The common case, without splitting a module of thousands of lines: only the line lengths are left to check.
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      if (end - start > WIDTH && !isCommentLine(text.slice(start, end))) return false;
      start = end + 1;
    }
    return true;
  }
  for (const line of text.split("\n")) {
    if (isCommentLine(line)) continue;
    if (!isAscii(line) || line.length > WIDTH) return false;
  }
  return true;
}

function isCommentLine(line: string): boolean {
  const t = line.trimStart();
  return t.startsWith("//") || t.startsWith("*") || t.startsWith("/*");
}

/** Printable ASCII (and the em dash of kqlgen's own texts, one column wide like ASCII): where a width is a length. */
export function isAscii(text: string): boolean {
  return /^[\x20-\x7e\n\u2014]*$/.test(text);
}

/**
 * `lhs = callee(args);` as prettier lays out an assignment whose right side is
 * a call: after `=` on the same line when `lhs = callee(` fits, else on the
 * next line; the arguments flat, or the last one (an object, `entries`)
 * hugged, or one a line. Undefined when the left side alone does not fit.
 */
export function assignCall(lhs: string, callee: string, args: readonly string[], entries?: readonly string[]): string | undefined {
  if (`${lhs} =`.length > WIDTH) return undefined;
  const sameLine = `${lhs} = ${callee}(`.length <= WIDTH;
  const prefix = sameLine ? `${lhs} = ` : `${lhs} =\n  `;
  const indent = sameLine ? "" : "  ";
  const lastLine = (text: string) => text.slice(text.lastIndexOf("\n") + 1);
  if (entries === undefined) {
    const flat = `${prefix}${callee}(${args.join(", ")});`;
    if (lastLine(flat).length <= WIDTH) return flat;
    return `${prefix}${callee}(\n${args.map((a) => `${indent}  ${a},`).join("\n")}\n${indent});`;
  }
  const hugHead = `${prefix}${callee}(${[...args, "{"].join(", ")}`;
  if (lastLine(hugHead).length <= WIDTH) return `${hugHead}\n${entries.map((e) => `${indent}  ${e},`).join("\n")}\n${indent}});`;
  return [
    `${prefix}${callee}(`,
    ...args.map((a) => `${indent}  ${a},`),
    `${indent}  {`,
    ...entries.map((e) => `${indent}    ${e},`),
    `${indent}  },`,
    `${indent});`,
  ].join("\n");
}
