import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

/** Serves tests/e2e/fixtures on 127.0.0.1 at a free port. Never reaches beyond loopback. */
export async function startFixtureServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const name = new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/+/, '') || 'post.html';
    if (!/^[a-z0-9-]+\.html$/.test(name)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(FIXTURES, name));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  };
  const server: Server = createServer((request, response) => void serve(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Closes what a suite opened, whatever of it was opened: a launch that failed leaves nothing to close. */
export async function closeAll(...things: ({ close(): Promise<void> } | undefined)[]): Promise<void> {
  for (const thing of things) if (thing) await thing.close();
}
