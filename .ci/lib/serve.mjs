// A tiny static file server for a built site, used by the browser checks.
// It behaves like the simple hosts the site is published on: a folder is
// served as its index.html, a folder without a trailing slash is redirected
// to one, and a missing path gets the site's 404.html with status 404.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
  '.yml': 'application/yaml; charset=utf-8',
};

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p) {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

// startServer serves root under basePath (e.g. "/" or "/parents/") on a
// random port of 127.0.0.1 and resolves to { origin, close }. headersFor,
// given a request's path, returns headers to add (the host's, such as a
// Content-Security-Policy).
export function startServer(root, basePath = '/', headersFor = () => ({})) {
  root = path.resolve(root);
  const server = http.createServer((req, res) => {
    const send = (status, file, headers = {}) => {
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headersFor(urlPath), ...headers });
      if (req.method === 'HEAD') {
        res.end();
      } else {
        fs.createReadStream(file).pipe(res);
      }
    };
    const notFound = () => {
      const page = path.join(root, '404.html');
      if (isFile(page)) {
        send(404, page);
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('404 not found (and the site has no 404.html)\n');
      }
    };

    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    if (!urlPath.startsWith(basePath)) {
      notFound();
      return;
    }
    const rel = urlPath.slice(basePath.length);
    const file = path.join(root, rel);
    // path.join normalises "..", so anything outside root is a traversal attempt.
    if (file !== root && !file.startsWith(root + path.sep)) {
      notFound();
      return;
    }
    if (isDir(file)) {
      if (!urlPath.endsWith('/')) {
        res.writeHead(301, { Location: urlPath + '/' });
        res.end();
        return;
      }
      const index = path.join(file, 'index.html');
      if (isFile(index)) {
        send(200, index);
      } else {
        notFound();
      }
      return;
    }
    if (isFile(file)) {
      send(200, file);
      return;
    }
    notFound();
  });

  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections();
          }),
      });
    });
  });
}

// basePathOf returns the path of a base URL such as
// "https://example.org/parents/" as "/parents/" (always ending in "/").
export function basePathOf(baseURL) {
  if (!baseURL) {
    return '/';
  }
  let p = new URL(baseURL).pathname;
  if (!p.endsWith('/')) {
    p += '/';
  }
  return p;
}
