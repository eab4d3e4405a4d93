import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, MessageImprint, TimeStampReq } from 'pkijs';
import { arrayBufferOf, positiveNonce } from './bytes';

/** id-sha256: every digest Exhibit asks a Time-Stamp Authority to stamp is a SHA-256 (RFC 3161 §2.4.1). */
export const SHA256_OID = '2.16.840.1.101.3.4.2.1';

/**
 * An RFC 3161 time-stamp request for one SHA-256 digest: all that leaves the machine. It asks for the
 * TSA's certificate in the token (certReq) and carries a random nonce, which the reply must echo.
 */
export function timeStampRequest(digest: Uint8Array, nonce: Uint8Array): Uint8Array {
  if (digest.length !== 32) throw new Error('A time-stamp request carries a SHA-256 digest of 32 bytes.');
  const request = new TimeStampReq({
    version: 1,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: arrayBufferOf(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: arrayBufferOf(positiveNonce(nonce)) }),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER(false));
}
