import { checkToken, type TokenCheck } from './checkToken';
import { timeStampRequest } from './request';
import { tokenFromReply } from './reply';
import { certificateDerOf, type TimeStampAuthority } from './settings';

/** Sends a request's DER to a TSA and gives back its reply's DER (lib/browser/timestampTransport.ts). */
export type TimestampTransport = (url: string, request: Uint8Array) => Promise<Uint8Array>;

export interface ObtainedToken {
  token: Uint8Array;
  check: TokenCheck & { attestedAtUtc: string; tsa: string };
  authority: TimeStampAuthority;
  /** The certificate the school named for that authority, which the token chains to. */
  namedCertificate: Uint8Array;
}

/**
 * Asks the authorities in order for a token over these bytes' SHA-256 — only the digest and a nonce
 * leave — and gives the first that checks against the certificate named for its authority. Throws,
 * saying what each authority answered, when none gives one.
 */
export async function obtainToken(
  authorities: readonly TimeStampAuthority[],
  stamped: Uint8Array,
  transport: TimestampTransport,
): Promise<ObtainedToken> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(stamped)));
  const errors: string[] = [];
  for (const authority of authorities) {
    try {
      const named = certificateDerOf(authority.certificatePem);
      if (!named) throw new Error('its certificate cannot be read');
      const nonce = crypto.getRandomValues(new Uint8Array(16));
      const token = tokenFromReply(await transport(authority.url, timeStampRequest(digest, nonce)), nonce);
      const check = await checkToken(token, stamped, [named]);
      if (!check.ok || !check.attestedAtUtc || !check.tsa) throw new Error(check.failures.join(' '));
      return {
        token,
        check: { ...check, attestedAtUtc: check.attestedAtUtc, tsa: check.tsa },
        authority,
        namedCertificate: named,
      };
    } catch (error) {
      errors.push(`${new URL(authority.url).host}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(errors.join(' · ') || 'No time-stamp authority is named.');
}
