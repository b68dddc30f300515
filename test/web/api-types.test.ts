// The web app's typed client must describe the API the server really has: the committed
// web/src/lib/api/schema.d.ts is compared with one generated now from the OpenAPI document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/api-types.ts';

test('the committed API types match the OpenAPI document (run `npm run api-types` when this fails)', async () => {
  const fresh = await generateApiTypes();
  const committed = fs.readFileSync(API_TYPES_FILE, 'utf8');
  assert.ok(fresh.includes('"/rest/v1/shipments"'), 'the generated types describe the REST API');
  assert.equal(committed === fresh, true, 'web/src/lib/api/schema.d.ts is stale: run `npm run api-types` and commit it');
});
