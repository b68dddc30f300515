#!/usr/bin/env node
// The `lightpath` command. Sources are TypeScript, compiled on the fly by tsx: no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
