// A plain static server for dist/ under a URL prefix, used by the Playwright "static-subpath" project
// to prove that the built site works from any sub-path of any static host (vite `base: './'`).
// Usage: node scripts/static-server.mjs [port=4174] [prefix=/nested/path/yuma/]
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const port = Number(process.argv[2] ?? 4174);
const prefix = (process.argv[3] ?? '/nested/path/yuma/').replace(/\/?$/, '/');
const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};

/** Maps a URL path to a file inside dist/, or null when it lies outside the prefix or dist/. */
function fileFor(urlPath) {
  if (!urlPath.startsWith(prefix)) return null;
  const rel = normalize(decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html');
  const file = join(DIST, rel.endsWith('/') ? rel + 'index.html' : rel);
  return file.startsWith(DIST) ? file : null;
}

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === prefix.slice(0, -1)) return res.writeHead(301, { location: prefix }).end();
  const file = fileFor(path);
  let ok = false;
  try { ok = file !== null && statSync(file).isFile(); } catch { /* missing: 404 below */ }
  if (!ok) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`static-server: dist/ at http://127.0.0.1:${port}${prefix}`));
