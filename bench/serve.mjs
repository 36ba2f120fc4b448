// The bench server: a folder at the root of 127.0.0.1, compressed with brotli, as real hosts do,
// from precompressed .br files when they are present.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { TYPES } from '../tests/e2e/browser-env.mjs';

/** Serves `dir` at the root of 127.0.0.1 on an ephemeral port, brotli-compressed when asked. */
export async function serve(dir) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    let file = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = { 'content-type': type, 'cache-control': 'no-cache' };
      if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!cache.has(file)) {
          const pre = await readFile(file + '.br').catch(() => null);
          cache.set(
            file,
            pre ?? brotliCompressSync(await readFile(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          );
        }
        res.writeHead(200, { ...headers, 'content-encoding': 'br', vary: 'accept-encoding' });
        return res.end(cache.get(file));
      }
      res.writeHead(200, headers);
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
