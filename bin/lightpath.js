#!/usr/bin/env node
// The `lightpath` command. Sources are TypeScript, compiled on the fly by tsx: no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
const code = await main(process.argv.slice(2));
// A command that failed may leave timers or connections open: it has said why, so it ends here.
if (code !== 0) process.exit(code);
