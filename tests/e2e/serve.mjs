// Serves a built dist/ folder on loopback the way a static host does: files as they are,
// index.html for every navigation that is not a file (SPA fallback), and optionally a replacement config.json.
// Usage: node serve.mjs DIST PORT [CONFIG_JSON_FILE]
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A file named after its content's hash, as the build names its scripts, styles and wasm. */
export const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

// The hosting configurations ship in dist/ but are not the site's to serve (as in public/nginx.conf).
const HOSTING_FILES = ['/nginx.conf', '/_headers', '/_redirects', '/staticwebapp.config.json'];

export function serve(dist, port, configFile) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (HOSTING_FILES.includes(path)) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    const file = path === '/config.json' && configFile ? configFile : join(dist, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    try {
      const body = await readFile(file);
      // As the shipped configurations: the page and its settings are never stored; a file whose
      // name holds its content's hash is kept a year (Trunk's hashes drop leading zeros).
      const cacheControl = ['/', '/index.html', '/config.json'].includes(path)
        ? 'no-store'
        : HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': cacheControl });
      response.end(body);
    } catch {
      // Navigations get the app (user principal names in routes contain dots); assets 404.
      if (!(request.headers.accept ?? '').includes('text/html')) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': types['.html'], 'cache-control': 'no-store' });
      response.end(await readFile(join(dist, 'index.html')));
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** `serve` on a free port: answers the site's address and `stop`. */
export async function serveHere(dist, configFile) {
  const server = await serve(dist, 0, configFile);
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    async stop() {
      // A browser connection still open must not keep the caller waiting for the server to close.
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * `serve` in a process of its own, on a free port: a page's requests are answered at once,
 * whatever the caller's event loop is busy with (a driver handles every network event of the
 * page it drives). Answers the site's address and `stop`; the server also ends with its caller.
 */
export function serveApart(dist, configFile) {
  return new Promise((resolvePromise, reject) => {
    const args = [import.meta.filename, dist, '0', ...(configFile ? [configFile] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/ on (http:\/\/\S+)\//);
      if (!match) return;
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.once('exit', r));
      resolvePromise({ url: match[1], stop: () => (child.kill(), exited) });
    });
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${seen}`)));
  });
}

if (import.meta.filename === process.argv[1]) {
  const [dist, port, configFile] = process.argv.slice(2);
  const server = await serve(dist, Number(port), configFile);
  console.log(`serving ${dist} on http://127.0.0.1:${server.address().port}/`);
  // Started by `serveApart`: ends with its caller's channel.
  if (process.connected) process.once('disconnect', () => process.exit(0));
}
