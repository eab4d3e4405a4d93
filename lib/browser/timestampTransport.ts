import type { TimestampTransport } from '../store/timestamps';

/** A TSA that has not answered in this long is tried again later (the capture is never waiting on it). */
const TIMEOUT_MS = 20_000;
/** A time-stamp reply is a few kilobytes; a larger answer is not one. */
const MOST_BYTES = 256 * 1024;

/**
 * RFC 3161 over HTTP (§3.4): the request's DER posted as application/timestamp-query, the reply read
 * back. No cookies, no referrer, no cache: the TSA learns the digest and nothing of who asked.
 */
export const timestampTransport: TimestampTransport = async (url, request) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: Uint8Array.from(request),
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    redirect: 'error',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MOST_BYTES) throw new Error('its answer is too large to be a time-stamp reply');
  const reply = new Uint8Array(await response.arrayBuffer());
  if (reply.length > MOST_BYTES) throw new Error('its answer is too large to be a time-stamp reply');
  return reply;
};
