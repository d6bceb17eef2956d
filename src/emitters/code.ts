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

/** Prints a module from its statements, under the generated header and a line on what it holds. */
export function printModule(project: Project, path: string, about: string, statements: Statements): string {
  const file = project.createSourceFile(path, { statements: statements as StatementStructures[] }, { overwrite: true });
  const text = `${GENERATED_HEADER}\n// ${about}\n\n${file.getFullText()}`;
  project.removeSourceFile(file);
  return text;
}
