// Fuzzing `lightpath load` files in-process (the loader the command runs): mutated YAML text and
// values of the demo facility and observatory. A file is either loaded or refused with an expected
// error (LoadError, or an HttpError the command also prints as one line), never another exception;
// a refused file changes nothing; no file takes longer than the hang limit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { tempDir } from '../helpers/database.ts';
import { loadFile, LoadError } from '../../src/loader/load-file.ts';
import { loadSections } from '../../src/modules.ts';
import { HttpError } from '../../src/platform/http/errors.ts';
import { rowCounts, runFuzz, showBytes, reportFuzz } from './harness.ts';
import type { FuzzAnswer } from './harness.ts';
import { INVALID_UTF8, mutateBytes, mutateValue } from './mutate.ts';
import type { Random } from './prng.ts';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');

const YAML_CHUNKS = [
  ...INVALID_UTF8, Buffer.from([0]), Buffer.from(': '), Buffer.from('- '), Buffer.from('\t'), Buffer.from('  '), Buffer.from('\n  x: 1\n'), Buffer.from('&a '),
  Buffer.from('*a'), Buffer.from('*missing'), Buffer.from('<<: *a\n'), Buffer.from('!!binary '), Buffer.from('!!js/function '), Buffer.from('!!python/object '),
  Buffer.from('? '), Buffer.from('{'), Buffer.from('['), Buffer.from('['.repeat(5000)), Buffer.from('{a: '.repeat(2000)), Buffer.from('---\n'), Buffer.from('...\n'),
  Buffer.from('%YAML 1.1\n'), Buffer.from('"\\x00"'), Buffer.from("'"), Buffer.from('"'), Buffer.from('#'), Buffer.from('|\n'), Buffer.from('>-\n'),
  Buffer.from('x'.repeat(100_000)), Buffer.from('1e999'), Buffer.from('0x7fffffffffffffff'), Buffer.from('.nan'), Buffer.from('~'), Buffer.from('null'),
  // An alias bomb: each level refers to the one before it ten times.
  Buffer.from(`a0: &a0 [x]\n${Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`).join('\n')}\n`),
];

/** The demo files, with data product paths made absolute so a case file can live in a temporary directory. */
function seedFiles(): string[] {
  const observatory = fs.readFileSync(path.join(EXAMPLES, 'demo-observatory.yaml'), 'utf8')
    .replace(/file: demo-observatory\//g, `file: ${EXAMPLES}/demo-observatory/`)
    // Two frames are as good as twelve for finding faults, and load faster.
    .replace(/(( {6}- \{file: .*\n){2})( {6}- \{file: .*\n)+/, '$1');
  return [fs.readFileSync(path.join(EXAMPLES, 'demo-facility.yaml'), 'utf8'), observatory];
}

/** A file without its users section (they exist from the first load): hashing passwords is slow on purpose, so most cases skip it. */
const withoutUsers = (text: string) => text.replace(/^users:\n(?:[ #].*\n|\n)*/m, '');

function mutateYaml(random: Random, seed: string): Buffer {
  if (random.chance(0.5)) return mutateBytes(random, Buffer.from(seed), YAML_CHUNKS);
  const changed = mutateValue(random, YAML.parse(seed));
  const text = Buffer.from((random.chance(0.2) ? JSON.stringify(changed) : YAML.stringify(changed)) ?? '');
  return random.chance(0.25) ? mutateBytes(random, text, YAML_CHUNKS) : text;
}

describe('fuzz: lightpath load files', () => {
  let server: TestServer;
  let directory: string;
  const seeds = seedFiles();
  before(async () => {
    server = await startTestServer();
    directory = tempDir('lightpath-fuzz-load-');
    // Loaded once first, so that mutated files mostly update (as a second load does) rather than create.
    for (const [index, seed] of seeds.entries()) {
      fs.writeFileSync(path.join(directory, `seed-${index}.yaml`), seed);
      await loadFile(server.platform, path.join(directory, `seed-${index}.yaml`), loadSections);
    }
  });
  after(async () => {
    await server.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  test('found by fuzzing: a user\'s name or email longer than the API allows is refused with a message', async () => {
    for (const field of ['full_name', 'email']) {
      const file = path.join(directory, `long-${field}.yaml`);
      fs.writeFileSync(file, `users:\n  - username: demo\n    ${field}: ${'x'.repeat(301)}\n`);
      await assert.rejects(loadFile(server.platform, file, loadSections), (error) => error instanceof LoadError && error.message.includes(field));
    }
  });

  test('mutated files are loaded or refused with a message, never half-applied or crashing the loader', async (t) => {
    const stats = await runFuzz<{ name: string; body: Buffer }>({
      name: 'lightpath load',
      generate: (random, index) => {
        const seed = random.pick(seeds);
        return { name: `case-${index}${random.chance(0.1) ? '.json' : '.yaml'}`, body: mutateYaml(random, random.chance(0.2) ? seed : withoutUsers(seed)) };
      },
      // The command's outcomes in HTTP terms: loaded 200, refused with a message 400, anything else 500.
      send: async (input): Promise<FuzzAnswer> => {
        const file = path.join(directory, input.name);
        fs.writeFileSync(file, input.body);
        try {
          await loadFile(server.platform, file, loadSections);
          return { status: 200, body: '' };
        } catch (error) {
          if (error instanceof LoadError || (error instanceof HttpError && error.statusCode < 500)) {
            return { status: 400, body: JSON.stringify({ detail: error.message }) };
          }
          return { status: 500, body: `${(error as Error).constructor?.name}: ${(error as Error).stack ?? error}` };
        } finally {
          fs.rmSync(file, { force: true });
        }
      },
      counts: () => rowCounts(server.platform.db),
      show: (input) => `${input.name}: ${showBytes(input.body, 4000)}`,
    }, { seconds: 6 });
    reportFuzz(t, stats);
  });
});
