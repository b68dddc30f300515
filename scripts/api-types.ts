// The web app's typed API client is generated from Lightpath's OpenAPI document. This builds the
// app on a throw-away SQLite data directory, takes /rest/openapi.json from it, and turns it into
// TypeScript with openapi-typescript. `npm run api-types` writes web/src/lib/api/schema.d.ts; the
// test in test/web/api-types.test.ts fails when the committed file differs from a fresh one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../src/config.ts';
import { openPlatform } from '../src/platform/context.ts';
import { buildApp } from '../src/app.ts';

export const API_TYPES_FILE = path.resolve(import.meta.dirname, '..', 'web', 'src', 'lib', 'api', 'schema.d.ts');

const HEADER = '// Generated from /rest/openapi.json by `npm run api-types` (scripts/api-types.ts). Do not edit.\n\n';

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightpath-api-types-'));
  try {
    const config = loadConfig({ LIGHTPATH_DATA_DIR: dataDir });
    const platform = await openPlatform(config, pino({ level: 'silent' }));
    try {
      const app = await buildApp(platform);
      await app.ready();
      const document = app.swagger() as unknown as Record<string, unknown>;
      await app.close();
      return document;
    } finally {
      await platform.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS((await openApiDocument()) as any, { alphabetize: true });
  return HEADER + astToString(ast);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.writeFileSync(API_TYPES_FILE, await generateApiTypes());
  console.log(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)}`);
}
