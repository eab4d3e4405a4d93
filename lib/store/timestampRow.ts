/**
 * A capture's trusted timestamp (issue #20): queued with the capture when a school has timestamps on,
 * tried until a time-stamp authority's token is obtained. The token (DER) is kept as it came; the
 * audit entry `capture.timestamped` records its hash and what it attests.
 */
export interface TimestampRow {
  captureId: string;
  /** The digest sent: SHA-256 of the capture's canonical metadata (its `capture.created` entry's). */
  metadataSha256: string;
  state: 'pending' | 'stamped';
  queuedAtUtc: string;
  /** When to try next while pending (backing off after each failure). */
  nextTryAtUtc: string;
  attempts: number;
  /** Why the last try failed, as each authority answered. */
  lastError?: string;
  token?: Uint8Array;
  tsaUrl?: string;
  tsa?: string;
  attestedAtUtc?: string;
  tokenSha256?: string;
  /** The certificate the school named for that TSA when the token was checked: a bundle names it. */
  namedCertificate?: Uint8Array;
}
