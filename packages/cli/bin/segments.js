#!/usr/bin/env node
// The `segments` bin. It is this small committed file rather than dist/cli.js so that it exists before the package
// is built: pnpm links the bins of workspace packages at install time and warns when the target is missing.
import "../dist/cli.js";
