import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A Time-Stamp Authority made with openssl alone (shared/notes/browser-and-tooling.md), behind a small
 * HTTP server on 127.0.0.1: a P-256 root, a TSA certificate for time-stamping only, and `openssl ts
 * -reply` answering each query. Also a second TSA certificate whose validity is given (expired, or not
 * yet valid), and an unrelated root, for the hostile cases.
 */
export interface LocalTsa {
  url: string;
  dir: string;
  rootDer: Uint8Array;
  /** The root certificate as a school pastes it into the options (PEM). */
  rootPem: string;
  tsaDer: Uint8Array;
  /** A root that signed nothing here: a chain to it must fail. */
  otherRootDer: Uint8Array;
  /** Every query's body, as the server received it. */
  queries: Uint8Array[];
  /** Asks the TSA directly, as the server does: the reply's DER. */
  reply(query: Uint8Array, signer?: 'tsa' | 'expired' | 'not-yet-valid'): Uint8Array;
  /**
   * `openssl ts -verify` as a recipient runs it, on files written into the TSA's folder (name → bytes),
   * with the rest of its arguments: its output ("Verification: OK"), or the error it exits with.
   */
  opensslVerify(files: Record<string, Uint8Array | string>, args: string[]): string;
  /** What the server does next: answer, wait first, or fail with an HTTP status. */
  behave(next: { delayMs?: number; status?: number }): void;
  close(): Promise<void>;
}

const openssl = (dir: string, ...args: string[]) =>
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = mkdtempSync(join(tmpdir(), 'exhibit-tsa-'));
  writeFileSync(
    join(dir, 'ext.cnf'),
    [
      '[req]',
      'distinguished_name = dn',
      '[dn]',
      '[root]',
      'basicConstraints = critical,CA:TRUE',
      'keyUsage = critical,keyCertSign,cRLSign',
      'subjectKeyIdentifier = hash',
      '[tsa]',
      'basicConstraints = critical,CA:FALSE',
      'keyUsage = critical,digitalSignature',
      'extendedKeyUsage = critical,timeStamping',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      '',
    ].join('\n'),
  );
  // Words split on spaces; a subject (which has spaces) goes last, after -subj.
  const run = (words: string, subject?: string) =>
    openssl(dir, ...words.split(' '), ...(subject ? ['-subj', subject] : []));
  const root = (name: string, subject: string) => {
    run(`ecparam -name prime256v1 -genkey -noout -out ${name}.key`);
    run(
      `req -x509 -new -key ${name}.key -days 3650 -sha256 -config ext.cnf -extensions root -out ${name}.crt`,
      subject,
    );
  };
  root('root', '/CN=Exhibit Test Root CA/O=Exhibit tests/C=GB');
  root('other', '/CN=Some Other Root/O=Elsewhere/C=GB');
  run('ecparam -name prime256v1 -genkey -noout -out tsa.key');
  run('req -new -key tsa.key -config ext.cnf -out tsa.csr', '/CN=Exhibit Test TSA/O=Exhibit tests/C=GB');
  run(
    'x509 -req -in tsa.csr -CA root.crt -CAkey root.key -set_serial 4097 -days 365 -sha256 -extfile ext.cnf -extensions tsa -out tsa.crt',
  );
  // Certificates with given dates: `openssl ca` is the one command of 3.0 that sets both.
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = here',
      '[here]',
      'dir = .',
      'database = ./index.txt',
      'new_certs_dir = .',
      'certificate = ./root.crt',
      'private_key = ./root.key',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      'preserve = yes',
      'serial = ./caserial',
      '[any]',
      'commonName = supplied',
      'organizationName = supplied',
      'countryName = supplied',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'caserial'), '1001\n');
  const dated = (name: string, start: string, end: string) =>
    run(
      `ca -batch -config ca.cnf -in tsa.csr -startdate ${start} -enddate ${end} -extfile ext.cnf -extensions tsa -notext -out ${name}.crt`,
    );
  dated('expired', '20200101000000Z', '20210101000000Z');
  dated('not-yet-valid', '20990101000000Z', '20991231000000Z');
  writeFileSync(join(dir, 'tsaserial'), '01\n');
  const tsaConfig = (signer: string) =>
    [
      '[tsa]',
      'default_tsa = here',
      '[here]',
      'dir = .',
      'serial = ./tsaserial',
      'crypto_device = builtin',
      `signer_cert = ./${signer}.crt`,
      'certs = ./root.crt',
      'signer_key = ./tsa.key',
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.99999.1',
      'digests = sha256',
      'accuracy = secs:1',
      'ordering = no',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n');
  for (const signer of ['tsa', 'expired', 'not-yet-valid'])
    writeFileSync(join(dir, `${signer}.cnf`), tsaConfig(signer));
  const der = (name: string) => new Uint8Array(openssl(dir, 'x509', '-in', `${name}.crt`, '-outform', 'DER'));

  let count = 0;
  const reply = (query: Uint8Array, signer: 'tsa' | 'expired' | 'not-yet-valid' = 'tsa') => {
    const name = `q${++count}`;
    writeFileSync(join(dir, `${name}.tsq`), query);
    openssl(dir, 'ts', '-reply', '-config', `${signer}.cnf`, '-queryfile', `${name}.tsq`, '-out', `${name}.tsr`);
    return new Uint8Array(readFileSync(join(dir, `${name}.tsr`)));
  };
  const queries: Uint8Array[] = [];
  let next: { delayMs?: number; status?: number } = {};
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = new Uint8Array(Buffer.concat(chunks));
      queries.push(body);
      const { delayMs = 0, status } = next;
      next = {};
      setTimeout(() => {
        if (status) return void response.writeHead(status).end('no');
        try {
          response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(reply(body));
        } catch {
          response.writeHead(400).end('bad query');
        }
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the TSA has no port');
  return {
    url: `http://127.0.0.1:${address.port}/tsa`,
    dir,
    rootDer: der('root'),
    rootPem: readFileSync(join(dir, 'root.crt'), 'utf8'),
    tsaDer: der('tsa'),
    otherRootDer: der('other'),
    queries,
    reply,
    opensslVerify: (files, args) => {
      for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
      return execFileSync('openssl', ['ts', '-verify', ...args], { cwd: dir, encoding: 'utf8' });
    },
    behave: (value) => {
      next = value;
    },
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}

/** What the extension's transport does (lib/browser/timestampTransport.ts), in Node: POST, the reply or the HTTP error. */
export const postToTsa = async (url: string, request: Uint8Array): Promise<Uint8Array> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: Uint8Array.from(request),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};
