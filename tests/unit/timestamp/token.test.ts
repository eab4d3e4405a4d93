import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkToken, timeStampRequest, TimeStampError, tokenFromReply } from '@/lib/timestamp';
import { startLocalTsa, type LocalTsa } from './localTsa';

// Issue #20: RFC 3161 tokens from a local openssl TSA, checked offline by Exhibit and, independently,
// by `openssl ts -verify`; every hostile token refused with a clear message.
let tsa: LocalTsa;
beforeAll(async () => {
  tsa = await startLocalTsa();
}, 60_000);
afterAll(() => tsa.close());

const digestOf = async (text: string) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(new TextEncoder().encode(text))));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const nonce = () => crypto.getRandomValues(new Uint8Array(16));

async function stamped(text: string, signer: 'tsa' | 'expired' | 'not-yet-valid' = 'tsa') {
  const data = new TextEncoder().encode(text);
  const digest = await digestOf(text);
  const n = nonce();
  const token = tokenFromReply(tsa.reply(timeStampRequest(digest, n), signer), n);
  return { data, digest, token };
}

describe('RFC 3161 time-stamp tokens (issue #20)', () => {
  it('a token for a digest: Exhibit reads the attested time and the TSA, and openssl verifies it too', async () => {
    const before = Date.now();
    const { data, digest, token } = await stamped('metadata of capture A');
    const check = await checkToken(token, data, [tsa.rootDer]);
    expect(check).toMatchObject({ ok: true, failures: [], tsa: 'CN=Exhibit Test TSA, O=Exhibit tests, C=GB' });
    expect(check.policy).toBe('1.3.6.1.4.1.99999.1');
    const attested = Date.parse(check.attestedAtUtc!);
    expect(attested).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(attested).toBeLessThanOrEqual(Date.now() + 1000);
    expect(check.tsaCertificateSha256).toBe(
      hex(new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(tsa.tsaDer)))),
    );
    const verdict = tsa.opensslVerify({ 'token.der': token }, [
      '-digest',
      hex(digest),
      '-in',
      'token.der',
      '-token_in',
      '-CAfile',
      'root.crt',
      '-untrusted',
      'tsa.crt',
    ]);
    expect(verdict).toContain('Verification: OK');
  });

  it('refuses a token of another digest (another capture’s), naming both', async () => {
    const a = await stamped('metadata of capture A');
    const b = await stamped('metadata of capture B');
    const check = await checkToken(b.token, a.data, [tsa.rootDer]);
    expect(check.ok).toBe(false);
    expect(check.failures[0]).toBe(
      `The token stamps another digest (${hex(b.digest).slice(0, 16)}…), not this one (${hex(a.digest).slice(0, 16)}…).`,
    );
  });

  it('refuses a token with any byte flipped', async () => {
    const { data, token } = await stamped('metadata of capture A');
    // The last bytes are the signature's; 40 is in the list of digest algorithms, 100 in the signed
    // TSTInfo, the middle ones in the TSA's certificate.
    for (const at of [token.length - 3, Math.floor(token.length / 2), 100, 40]) {
      const flipped = Uint8Array.from(token);
      flipped[at] = (flipped[at] ?? 0) ^ 0x01;
      const check = await checkToken(flipped, data, [tsa.rootDer]);
      expect(check.ok, `byte ${at}`).toBe(false);
      expect(check.failures.length, `byte ${at}`).toBeGreaterThan(0);
    }
    const signature = Uint8Array.from(token);
    signature[token.length - 3] = (signature[token.length - 3] ?? 0) ^ 0x01;
    expect((await checkToken(signature, data, [tsa.rootDer])).failures).toContain(
      'The token’s signature does not verify under CN=Exhibit Test TSA, O=Exhibit tests, C=GB’s certificate.',
    );
  });

  it('refuses a TSA whose certificate does not lead to the certificate the bundle names', async () => {
    const { data, token } = await stamped('metadata of capture A');
    expect((await checkToken(token, data, [tsa.otherRootDer])).failures).toEqual([
      'CN=Exhibit Test TSA, O=Exhibit tests, C=GB’s certificate does not lead to a certificate this bundle names for it.',
    ]);
  });

  it('refuses a TSA certificate expired, or not yet valid, at the time it attests', async () => {
    for (const signer of ['expired', 'not-yet-valid'] as const) {
      const { data, token } = await stamped('metadata of capture A', signer);
      const check = await checkToken(token, data, [tsa.rootDer]);
      expect(check.ok, signer).toBe(false);
      expect(check.failures[0], signer).toMatch(
        /^CN=Exhibit Test TSA, O=Exhibit tests, C=GB’s certificate was not valid at the time it attests \(.+\): valid from 20(20|99)-/,
      );
    }
  });

  it('refuses garbage, a reply for another request, and a TSA’s refusal, each with a clear message', async () => {
    const digest = await digestOf('x');
    expect(await checkToken(new TextEncoder().encode('not a token at all'), new Uint8Array(1), [tsa.rootDer])).toEqual({
      ok: false,
      failures: ['This is not an RFC 3161 time-stamp token.'],
    });
    expect(() => tokenFromReply(new Uint8Array([1, 2, 3]), nonce())).toThrow(TimeStampError);
    const reply = tsa.reply(timeStampRequest(digest, nonce()));
    expect(() => tokenFromReply(reply, nonce())).toThrow(
      'The time-stamp token does not answer this request (its nonce differs).',
    );
    // A query for a digest this TSA does not accept (SHA-1): refused by the TSA, said as it is.
    writeFileSync(join(tsa.dir, 'data.txt'), 'x');
    execFileSync('openssl', ['ts', '-query', '-data', 'data.txt', '-sha1', '-no_nonce', '-out', 'sha1.tsq'], {
      cwd: tsa.dir,
    });
    const refusal = tsa.reply(new Uint8Array(execFileSync('cat', [join(tsa.dir, 'sha1.tsq')])));
    expect(() => tokenFromReply(refusal, nonce())).toThrow(/^The time-stamp authority refused the request \(status 2/);
  });

  it('makes a request a TSA answers whatever the nonce’s first byte (zero or with its top bit set)', async () => {
    const digest = await digestOf('metadata of capture A');
    for (const first of [0x00, 0x80, 0xff]) {
      const n = Uint8Array.from([first, 0x05, ...new Uint8Array(14).fill(7)]);
      expect(() => tokenFromReply(tsa.reply(timeStampRequest(digest, n)), n), `first byte ${first}`).not.toThrow();
    }
  });
});
