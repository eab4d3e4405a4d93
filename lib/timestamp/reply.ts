import * as asn1js from 'asn1js';
import { ContentInfo, SignedData, TimeStampResp, TSTInfo } from 'pkijs';
import { arrayBufferOf, positiveNonce } from './bytes';

/** id-ct-TSTInfo: the content a time-stamp token signs (RFC 3161 §2.4.2). */
const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';

/** Why a TSA's answer or a stored token was not taken: said to staff and recipients as it is. */
export class TimeStampError extends Error {
  override name = 'TimeStampError';
}

/**
 * The token in a TSA's reply (RFC 3161 §2.4.2): refused unless the TSA granted the request, the token
 * is a signed TSTInfo, and it echoes the request's nonce. Returns the token's DER, kept as it came.
 */
export function tokenFromReply(reply: Uint8Array, nonce: Uint8Array): Uint8Array {
  const parsed = asn1js.fromBER(arrayBufferOf(reply));
  if (parsed.offset === -1) throw new TimeStampError('The time-stamp authority’s answer is not a time-stamp reply.');
  let response: TimeStampResp;
  try {
    response = new TimeStampResp({ schema: parsed.result });
  } catch {
    throw new TimeStampError('The time-stamp authority’s answer is not a time-stamp reply.');
  }
  // PKIStatus: 0 granted, 1 granted with modifications; anything else is a refusal.
  const status: number = response.status.status;
  if (status !== 0 && status !== 1) {
    const text = response.status.statusStrings?.map((s) => s.valueBlock.value).join('; ');
    throw new TimeStampError(
      `The time-stamp authority refused the request (status ${status}${text ? `: ${text}` : ''}).`,
    );
  }
  if (!response.timeStampToken)
    throw new TimeStampError('The time-stamp authority granted the request but sent no token.');
  const token = new Uint8Array(response.timeStampToken.toSchema().toBER(false));
  const info = readToken(token).info;
  const echoed = info.nonce ? new Uint8Array(info.nonce.valueBlock.valueHexView) : undefined;
  if (!echoed || !sameInteger(echoed, nonce))
    throw new TimeStampError('The time-stamp token does not answer this request (its nonce differs).');
  return token;
}

/** A token's signed data and the TSTInfo it signs; a clear error for anything else. */
export function readToken(token: Uint8Array): { signedData: SignedData; info: TSTInfo } {
  try {
    const parsed = asn1js.fromBER(arrayBufferOf(token));
    if (parsed.offset === -1) throw new Error('not BER');
    const contentInfo = new ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== ContentInfo.SIGNED_DATA) throw new Error('not signed data');
    const signedData = new SignedData({ schema: contentInfo.content });
    if (signedData.encapContentInfo.eContentType !== TST_INFO_OID) throw new Error('not a TSTInfo');
    const content = signedData.encapContentInfo.eContent;
    if (!content) throw new Error('no content');
    const info = TSTInfo.fromBER(content.getValue());
    return { signedData, info };
  } catch {
    throw new TimeStampError('This is not an RFC 3161 time-stamp token.');
  }
}

/** Two INTEGER encodings of the same value (a leading zero byte may be added to keep it positive). */
function sameInteger(a: Uint8Array, b: Uint8Array): boolean {
  const trim = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    return bytes.subarray(start);
  };
  const x = trim(a);
  const y = trim(positiveNonce(b));
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}
