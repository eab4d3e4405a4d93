import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

/** Serves tests/e2e/fixtures on 127.0.0.1 at a free port. Never reaches beyond loopback. */
export async function startFixtureServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const name = new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/+/, '') || 'post.html';
    if (!/^[a-z0-9-]+\.html$/.test(name)) return void response.writeHead(404).end();
    try {
      const body = await readFile(join(FIXTURES, name));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  return { origin: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
