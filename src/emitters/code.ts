/**
 * One in-memory ts-morph project for all TypeScript the emitters write:
 * declarations are built as AST nodes, then printed.
 */
import { IndentationText, NewLineKind, Project, QuoteKind, type SourceFile } from "ts-morph";
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

export function newSourceFile(project: Project, path: string): SourceFile {
  return project.createSourceFile(path, "", { overwrite: true });
}

/** The file's text under the generated header and a line on what it holds. */
export function printSourceFile(file: SourceFile, about: string): string {
  return `${GENERATED_HEADER}\n// ${about}\n\n${file.getFullText()}`;
}
