import { Certificate } from 'pkijs';
import * as asn1js from 'asn1js';
import { z } from 'zod';
import { arrayBufferOf } from './bytes';

/**
 * A Time-Stamp Authority a school names (issue #20): where to send requests, and the certificate its
 * tokens must chain to — the one each bundle names, so a recipient can compare it with the TSA's own.
 */
export const TimeStampAuthoritySchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'A time-stamp authority’s address starts with https:// (or http://).' }),
  /** The TSA's root or issuing certificate, PEM ("-----BEGIN CERTIFICATE-----…"). */
  certificatePem: z
    .string()
    .max(20_000)
    .refine(
      (pem) => certificateDerOf(pem) !== null,
      'That is not a certificate in PEM form (-----BEGIN CERTIFICATE-----…).',
    ),
});
export type TimeStampAuthority = z.infer<typeof TimeStampAuthoritySchema>;

/** Off by default: nothing leaves the machine until a school turns it on and names its TSAs. */
export const TimestampSettingsSchema = z
  .object({
    enabled: z.boolean(),
    authorities: z.array(TimeStampAuthoritySchema).max(5),
  })
  .refine((settings) => !settings.enabled || settings.authorities.length > 0, {
    error: 'Name at least one time-stamp authority before turning timestamps on.',
  });
export type TimestampSettings = z.infer<typeof TimestampSettingsSchema>;

export const TIMESTAMPING_OFF: TimestampSettings = { enabled: false, authorities: [] };

/** The DER of the one certificate in a PEM text, or null when it holds none that parses. */
export function certificateDerOf(pem: string): Uint8Array | null {
  const body = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem)?.[1];
  if (!body) return null;
  try {
    const der = Uint8Array.from(atob(body.replace(/\s+/g, '')), (char) => char.charCodeAt(0));
    const parsed = asn1js.fromBER(arrayBufferOf(der));
    if (parsed.offset === -1) return null;
    new Certificate({ schema: parsed.result });
    return der;
  } catch {
    return null;
  }
}

/** A certificate's DER as PEM, the form `openssl ts -verify -CAfile` reads. */
export function pemOf(der: Uint8Array): string {
  const base64 = btoa(String.fromCharCode(...der));
  const lines = base64.match(/.{1,64}/g) ?? [];
  return ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----', ''].join('\n');
}

/** The origin pattern a browser asks permission for: the TSA's address alone (issue #20). */
export function originPatternOf(url: string): string {
  return `${new URL(url).origin}/*`;
}
