/**
 * One in-memory ts-morph project for all TypeScript the emitters write:
 * each module is built as a tree of statement structures (imports,
 * declarations, functions) and printed in one go.
 */
import {
  IndentationText,
  NewLineKind,
  Project,
  QuoteKind,
  StructureKind,
  type OptionalKind,
  type StatementStructures,
  type WriterFunction,
} from "ts-morph";
import { GENERATED_HEADER } from "./names.js";

export function newProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
}

export type Statements = (string | WriterFunction | StatementStructures | OptionalKind<StatementStructures>)[];

function isImportOrExport(s: Statements[number] | undefined): boolean {
  return typeof s === "object" && (s.kind === StructureKind.ImportDeclaration || s.kind === StructureKind.ExportDeclaration);
}

/**
 * Prints a module from its statements, under the generated header and a line on
 * what it holds; a blank line between declarations (not within runs of imports
 * or re-exports; prettier folds any doubled ones).
 */
export function printModule(project: Project, path: string, about: string, statements: Statements): string {
  const spaced: Statements = [];
  statements.forEach((s, i) => {
    if (i > 0 && !(isImportOrExport(s) && isImportOrExport(statements[i - 1]))) spaced.push((w) => w.blankLine());
    spaced.push(s);
  });
  const file = project.createSourceFile(path, { statements: spaced as StatementStructures[] }, { overwrite: true });
  const text = `${GENERATED_HEADER}\n// ${about}\n\n${file.getFullText()}`;
  project.removeSourceFile(file);
  return text;
}
