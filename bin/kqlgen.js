#!/usr/bin/env node
// The `kqlgen` command: a thin launcher for the compiled CLI in dist/.
import module from "node:module";

// Node 22.1+: V8's compiled code of kqlgen's modules (and TypeScript's, when generate compiles) kept between runs.
module.enableCompileCache?.();
const { main } = await import("../dist/src/cli/main.js");

process.exitCode = await main(process.argv.slice(2));
