// The web app served by the server itself: a fixture bundle run through the build's post-processor
// (so these tests do not depend on the app's pages), then every answer checked on the wire — the
// page for app routes with its security headers, cached assets, precompressed variants, the server's
// own paths still answering JSON 404, no file outside the bundle, and a 503 while nothing is built.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { postprocessBundle } from '../../scripts/web-build/postprocess.js';
import { sourceHash } from '../../scripts/web-build/source-hash.js';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { tempDir } from '../helpers/database.ts';
import { startObservatory } from '../tom/observatory.ts';
import type { Observatory } from '../tom/observatory.ts';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
  + "media-src 'self' blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
  + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
// As SvelteKit writes it: the one inline bootstrap, reading document.currentScript. "$&" checks
// that the text is moved as it is.
const BOOTSTRAP = '\n{ __sveltekit_x = { base: "$&" }; const element = document.currentScript.parentElement; import("/_app/immutable/entry/start.Ab12.js"); }\n';
const START_JS = 'export const start = () => "started";\n'.repeat(40);
const STYLE = 'body { color: black; }\n'.repeat(40);

function writeBundle(dir: string, page: string): void {
  const files: Record<string, string> = {
    'index.html': page,
    '_app/immutable/entry/start.Ab12.js': START_JS,
    '_app/immutable/assets/app.Cd34.css': STYLE,
    '_app/version.json': '{"version":"1"}',
    'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<rect/>'.repeat(30)}</svg>`,
    'robots.txt': 'User-agent: *\nDisallow: /\n',
    '.source-hash': 'not for clients\n',
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

const fixturePage = (scripts: string) => `<!doctype html><html><head><link href="/_app/immutable/entry/start.Ab12.js" rel="modulepreload">`
  + `<link href="/_app/immutable/assets/app.Cd34.css" rel="stylesheet"></head><body><div id="app">${scripts}</div></body></html>`;

/** A GET sent exactly as written (no client normalising "..", which a hostile client would not do). */
function rawGet(port: number, rawPath: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: rawPath }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => {
        resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type'] ?? ''), body });
      });
    }).on('error', reject);
  });
}

describe('the build post-processor', () => {
  test('moves the one inline script to a hashed classic script under _app/immutable', () => {
    const dir = tempDir('lightpath-web-');
    writeBundle(dir, fixturePage(`<script>${BOOTSTRAP}</script>`));
    const { bootScript, compressed } = postprocessBundle(dir);
    assert.match(bootScript, /^\/_app\/immutable\/boot-[0-9a-f]{16}\.js$/);
    const page = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    assert.ok(page.includes(`<div id="app"><script src="${bootScript}"></script></div>`), page);
    assert.doesNotMatch(page, /type="module"/);
    assert.equal(fs.readFileSync(path.join(dir, bootScript), 'utf8'), BOOTSTRAP);
    // js, css, html, svg and json get smaller siblings; robots.txt is not on the list.
    assert.ok(compressed >= 4, String(compressed));
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'index.html.gz'))).toString(), page);
    assert.ok(fs.existsSync(path.join(dir, `${bootScript}.br`)));
    assert.ok(!fs.existsSync(path.join(dir, 'robots.txt.gz')));
    fs.rmSync(dir, { recursive: true });
  });

  test('fails loudly unless the page has exactly one inline script', () => {
    for (const scripts of ['<script src="/a.js"></script>', `<script>${BOOTSTRAP}</script><script>alert(1)</script>`]) {
      const dir = tempDir('lightpath-web-');
      writeBundle(dir, fixturePage(scripts));
      assert.throws(() => postprocessBundle(dir), /index\.html has [02] inline scripts; exactly one/);
      fs.rmSync(dir, { recursive: true });
    }
  });
});

describe('the web app served by lightpath serve', () => {
  let obs: Observatory;
  let server: TestServer;
  let webDir: string;
  let port: number;
  let bootScript: string;
  let page: string;
  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

  before(async () => {
    const dir = tempDir('lightpath-web-');
    webDir = path.join(dir, 'build');
    writeBundle(webDir, fixturePage(`<script>${BOOTSTRAP}</script>`));
    bootScript = postprocessBundle(webDir).bootScript;
    page = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
    // Outside the bundle: what traversal and symlinks must never reach.
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the bundle');
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(webDir, 'leak.txt'));
    fs.symlinkSync(dir, path.join(webDir, '_app', 'immutable', 'outside'));
    obs = await startObservatory({ LIGHTPATH_WEB_DIR: webDir });
    server = obs.server;
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as { port: number }).port;
  });
  after(() => obs.close());

  test('app routes get the page, with its security headers and no long caching', async () => {
    for (const url of ['/', '/shipments/12/', '/shipments/12', '/users/feedback/0123abcd/new/', '/staff/automounters/?beamline=SIM-1', '/index.html']) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['content-type'], 'text/html; charset=utf-8', url);
      assert.equal(response.body, page, url);
      assert.equal(response.headers['content-security-policy'], CSP, url);
      assert.equal(response.headers['x-frame-options'], 'DENY');
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['referrer-policy'], 'same-origin');
      assert.equal(response.headers['cross-origin-opener-policy'], 'same-origin');
      assert.match(String(response.headers['permissions-policy']), /camera=\(\)/);
      assert.equal(response.headers['cache-control'], 'no-cache');
      assert.ok(response.headers.etag);
    }
  });

  test('the page runs no inline script, and what it loads is served', async () => {
    const html = (await get('/')).body;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0][1], ` src="${bootScript}"`);
    assert.equal(scripts[0][2], '');
    const boot = await get(bootScript);
    assert.equal(boot.statusCode, 200);
    assert.equal(boot.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(boot.body, BOOTSTRAP);
  });

  test('hashed assets are cached for a year; other files are revalidated', async () => {
    const cases: Array<[string, string, string]> = [
      ['/_app/immutable/entry/start.Ab12.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/_app/immutable/assets/app.Cd34.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/_app/version.json', 'application/json; charset=utf-8', 'no-cache'],
      ['/favicon.svg', 'image/svg+xml', 'no-cache'],
      ['/robots.txt', 'text/plain; charset=utf-8', 'no-cache'],
    ];
    for (const [url, type, cache] of cases) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['content-type'], type, url);
      assert.equal(response.headers['cache-control'], cache, url);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(response.headers['content-encoding'], undefined, url);
      assert.equal(response.body, fs.readFileSync(path.join(webDir, url)).toString(), url);
    }
  });

  test('a revalidation with the ETag is a 304', async () => {
    for (const url of ['/', '/favicon.svg']) {
      const first = await get(url);
      const again = await get(url, { 'if-none-match': String(first.headers.etag) });
      assert.equal(again.statusCode, 304, url);
      assert.equal(again.body, '');
      assert.equal((await get(url, { 'if-none-match': '"other"' })).statusCode, 200, url);
    }
  });

  test('HEAD answers the headers alone', async () => {
    for (const url of ['/', '/shipments/', '/_app/immutable/entry/start.Ab12.js']) {
      const response = await server.app.inject({ method: 'HEAD', url });
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.body, '');
      const file = url.startsWith('/_app/') ? url : '/index.html';
      assert.equal(response.headers['content-length'], String(fs.statSync(path.join(webDir, file)).size), url);
    }
  });

  test('precompressed variants go to clients that accept them', async () => {
    const url = '/_app/immutable/entry/start.Ab12.js';
    const brotli = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.equal(zlib.brotliDecompressSync(brotli.rawPayload).toString(), START_JS);
    assert.equal(brotli.headers.vary, 'Accept-Encoding');
    assert.equal(brotli.headers['cache-control'], 'public, max-age=31536000, immutable');
    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(gzip.rawPayload).toString(), START_JS);
    assert.notEqual(gzip.headers.etag, brotli.headers.etag);
    for (const refused of ['identity', 'br;q=0, gzip;q=0', '*;q=0', '']) {
      const plain = await get(url, { 'accept-encoding': refused });
      assert.equal(plain.headers['content-encoding'], undefined, refused);
      assert.equal(plain.body, START_JS, refused);
    }
    const pageAnswer = await get('/sessions/3/', { 'accept-encoding': 'br' });
    assert.equal(pageAnswer.headers['content-encoding'], 'br');
    assert.equal(zlib.brotliDecompressSync(pageAnswer.rawPayload).toString(), page);
    assert.equal(pageAnswer.headers['content-security-policy'], CSP);
  });

  test("the server's own paths never fall back to the page: unknown ones are JSON 404", async () => {
    const paths = ['/api', '/api/', '/api/v3/nothing/', '/rest', '/rest/v2/', '/rest/v1/no-such-list', '/download', '/download/nothing/',
      '/data', '/data/', '/healthz/', '/healthz/x', '/readyz/x', '/metrics/x', '/auth/nothing', '/%61pi/nothing/'];
    for (const url of paths) {
      for (const method of ['GET', 'HEAD'] as const) {
        const response = await server.app.inject({ method, url });
        assert.equal(response.statusCode, 404, `${method} ${url}`);
        assert.match(String(response.headers['content-type']), /^application\/json/, `${method} ${url}`);
        if (method === 'GET') assert.deepEqual(response.json(), { detail: 'Not found.' }, url);
      }
    }
    // And their routes still answer as before.
    assert.deepEqual((await get('/healthz')).json(), { status: 'ok' });
    assert.equal((await get('/rest/openapi.json')).statusCode, 200);
    assert.match((await get('/metrics')).body, /^# HELP /m, '/metrics is the Prometheus scrape, not the page');
  });

  test('the telescope page address is the app\'s target page; its photometry CSV stays the server\'s', async () => {
    const target = await obs.target('web-app-m13');
    for (const url of [`/targets/${target.id}/`, '/targets/999999/']) {
      const answer = await get(url);
      assert.equal(answer.statusCode, 200, url);
      assert.match(String(answer.headers['content-type']), /^text\/html/, 'the app shows it, or its not-found page');
    }
    assert.match(String((await get(`/targets/${target.id}/data/download/`)).headers['content-type']), /^text\/csv/);
  });

  test('a missing asset is a 404, not the page; other methods are not served', async () => {
    for (const url of ['/_app/immutable/entry/start.Gone.js', '/_app/immutable/', '/_app']) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.deepEqual(response.json(), { detail: 'Not found.' });
    }
    for (const method of ['POST', 'PUT', 'DELETE'] as const) {
      const response = await server.app.inject({ method, url: '/shipments/' });
      assert.equal(response.statusCode, 404, method);
      assert.deepEqual(response.json(), { detail: 'Not found.' });
    }
  });

  test('nothing outside the bundle is served: no "..", encoded or not, no symlink out, no hidden file', async () => {
    const attempts = ['/_app/../../package.json', '/_app/%2e%2e/%2e%2e/package.json', '/_app/..%2f..%2fpackage.json', '/..%2fsecret.txt',
      '/%2e%2e/secret.txt', '/..%5csecret.txt', '/_app/immutable/..%2f..%2f..%2fsecret.txt', '//etc/passwd', '/leak.txt',
      '/_app/immutable/outside/secret.txt', '/favicon.svg%00.js', '/.source-hash'];
    for (const attempt of attempts) {
      const answer = await rawGet(port, attempt);
      assert.doesNotMatch(answer.body, /outside the bundle|not for clients|"name": "lightpath"|root:/, attempt);
      // Either a plain refusal or the app's page, never a file.
      if (answer.status === 200) assert.equal(answer.body, page, attempt);
      else assert.deepEqual([answer.status, JSON.parse(answer.body)], [404, { detail: 'Not found.' }], attempt);
    }
  });
});

describe('the web app before it is built', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { LIGHTPATH_WEB_DIR: path.join(tempDir('lightpath-web-'), 'never-built') } });
  });
  after(() => server.close());

  test('its pages answer a plain 503 saying how to build it; the API is unaffected', async () => {
    for (const url of ['/', '/shipments/12/', '/favicon.svg']) {
      const response = await server.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 503, url);
      assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8');
      assert.match(response.body, /the web app is not built: run npm run build:web/i);
    }
    assert.deepEqual((await server.app.inject({ method: 'GET', url: '/api/nothing' })).json(), { detail: 'Not found.' });
    assert.deepEqual((await server.app.inject({ method: 'GET', url: '/healthz' })).json(), { status: 'ok' });
  });
});

describe('scripts/build-web.js deciding whether to build', () => {
  // A copy of the script in a tree of its own: its web app, and no node_modules (as after
  // npm install --omit=dev), so nothing here runs Vite.
  const repo = path.resolve(import.meta.dirname, '../..');
  const root = tempDir('lightpath-build-web-');
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts', 'build-web.js'), ...args], { cwd: root, encoding: 'utf8' });
  before(() => {
    fs.cpSync(path.join(repo, 'scripts', 'build-web.js'), path.join(root, 'scripts', 'build-web.js'));
    fs.cpSync(path.join(repo, 'scripts', 'web-build'), path.join(root, 'scripts', 'web-build'), { recursive: true });
    fs.mkdirSync(path.join(root, 'web', 'src'), { recursive: true });
    fs.writeFileSync(path.join(root, 'web', 'src', 'app.html'), '<div>%sveltekit.body%</div>');
    fs.writeFileSync(path.join(root, 'package-lock.json'), '{}');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('--check fails until the recorded source hash matches, and again once a source changes', () => {
    const missing = run('--check');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /missing or stale: run npm run build:web/);
    writeBundle(path.join(root, 'web', 'build'), fixturePage(''));
    fs.writeFileSync(path.join(root, 'web', 'build', '.source-hash'), `${sourceHash(root)}\n`);
    assert.equal(run('--check').status, 0);
    assert.match(run().stdout, /^build-web: the web app bundle in web\/build is up to date; nothing to build\n$/);
    fs.writeFileSync(path.join(root, 'web', 'src', 'app.html'), '<main>%sveltekit.body%</main>');
    assert.equal(run('--check').status, 1);
  });

  test('without the build tools it says so in one line and lets npm go on', () => {
    const forced = run('--force');
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /^build-web: not building the web app: its build tools are not installed .*\n$/);
    assert.equal(run('--no-such-option').status, 2);
  });
});

describe('the real web app, as npm test builds it', () => {
  // Built from a snapshot of web/ with the real scripts, so sources edited meanwhile (or another
  // build writing web/build) cannot disturb it; node_modules is the checkout's own.
  const repo = path.resolve(import.meta.dirname, '../..');
  const root = tempDir('lightpath-real-web-');
  const buildWeb = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts', 'build-web.js'), ...args], { cwd: root, encoding: 'utf8' });
  let server: TestServer;
  before(async () => {
    const generated = new Set([path.join(repo, 'web', 'build'), path.join(repo, 'web', '.svelte-kit')]);
    fs.cpSync(path.join(repo, 'web'), path.join(root, 'web'), { recursive: true, filter: (source) => !generated.has(source) });
    fs.cpSync(path.join(repo, 'scripts'), path.join(root, 'scripts'), { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(repo, file), path.join(root, file));
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'));
    const built = buildWeb();
    assert.equal(built.status, 0, `${built.stdout}${built.stderr}`);
    assert.match(built.stdout, /^build-web: built the web app into web\/build/);
    server = await startTestServer({ env: { LIGHTPATH_WEB_DIR: path.join(root, 'web', 'build') } });
  });
  after(async () => {
    await server?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('the bundle is fresh, its page runs no inline script, and everything it references is served', async () => {
    const check = buildWeb('--check');
    assert.equal(check.status, 0, `${check.stdout}${check.stderr}`);
    assert.match(check.stdout, /up to date/);
    const answer = await server.app.inject({ method: 'GET', url: '/' });
    assert.equal(answer.statusCode, 200, answer.body);
    const scripts = [...answer.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
    assert.ok(scripts.length > 0);
    for (const [tag, attributes, text] of scripts) {
      assert.match(attributes, /\ssrc="\/_app\/immutable\/[^"]+\.js"/, tag);
      assert.equal(text.trim(), '', tag);
    }
    const referenced = [...answer.body.matchAll(/<(?:script|link)\b[^>]*\s(?:src|href)="([^"]+)"/gi)].map((match) => match[1]);
    for (const url of referenced) {
      const file = await server.app.inject({ method: 'GET', url });
      assert.equal(file.statusCode, 200, url);
      if (url.endsWith('.js')) assert.equal(file.headers['content-type'], 'text/javascript; charset=utf-8', url);
    }
  });
});
