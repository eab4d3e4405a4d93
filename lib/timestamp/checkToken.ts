import { Certificate, type SignedData, type TSTInfo } from 'pkijs';
import * as asn1js from 'asn1js';
import { sha256Hex } from '../hash';
import { arrayBufferOf, toHex } from './bytes';
import { readToken, TimeStampError } from './reply';
import { SHA256_OID } from './request';

/** id-kp-timeStamping: the one purpose a TSA's certificate must carry, marked critical (RFC 3161 §2.3). */
const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
const EXTENDED_KEY_USAGE = '2.5.29.37';

/** What checking one token found, offline: the time it attests and who attests it, or why not. */
export interface TokenCheck {
  ok: boolean;
  /** The time the TSA attests (genTime), UTC. */
  attestedAtUtc?: string;
  /** The TSA, as its certificate's subject names it. */
  tsa?: string;
  /** The token's serial number (hex), its policy and the TSA certificate's SHA-256. */
  serial?: string;
  policy?: string;
  tsaCertificateSha256?: string;
  failures: string[];
}

/**
 * Checks a time-stamp token against the bytes it should stamp (a capture's metadata.json, a bundle's
 * manifest.json) and the certificates a bundle names as the TSA's chain (its root among them): the
 * imprint is those bytes' SHA-256, the signature verifies under the TSA's certificate, that
 * certificate is for time-stamping and was valid at the attested time, and its chain leads to a named
 * certificate. No network: nothing is fetched.
 */
export async function checkToken(
  token: Uint8Array,
  stamped: Uint8Array,
  namedCertificates: readonly Uint8Array[],
): Promise<TokenCheck> {
  const digest = sha256Hex(stamped);
  let signedData: SignedData;
  let info: TSTInfo;
  try {
    ({ signedData, info } = readToken(token));
  } catch (error) {
    return { ok: false, failures: [error instanceof TimeStampError ? error.message : String(error)] };
  }
  const attestedAtUtc = info.genTime.toISOString();
  const found: TokenCheck = {
    ok: false,
    attestedAtUtc,
    serial: toHex(new Uint8Array(info.serialNumber.valueBlock.valueHexView)),
    policy: info.policy,
    failures: [],
  };
  // CMS lists every signer's digest algorithm beside the content: a token whose list lost it was altered.
  const listed = signedData.digestAlgorithms.map((algorithm) => algorithm.algorithmId);
  if (!signedData.signerInfos.every((signer) => listed.includes(signer.digestAlgorithm.algorithmId)))
    found.failures.push('The token’s list of digest algorithms does not name its signer’s: it has been altered.');
  const imprint = new Uint8Array(info.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID || toHex(imprint) !== digest)
    found.failures.push(
      `The token stamps another digest (${toHex(imprint).slice(0, 16)}…), not this one (${digest.slice(0, 16)}…).`,
    );
  let named: Certificate[];
  try {
    named = namedCertificates.map((der) => Certificate.fromBER(arrayBufferOf(der)));
  } catch {
    found.failures.push('A certificate the bundle names for the time-stamp authority cannot be read.');
    return found;
  }
  const signer = signerCertificate(signedData, named);
  if (!signer) {
    found.failures.push('The token does not carry its time-stamp authority’s certificate.');
    return found;
  }
  found.tsa = subjectOf(signer);
  found.tsaCertificateSha256 = sha256Hex(new Uint8Array(signer.toSchema().toBER(false)));
  if (!isForTimeStamping(signer)) found.failures.push(`${found.tsa}’s certificate is not one for time-stamping.`);
  if (signer.notBefore.value > info.genTime || signer.notAfter.value < info.genTime)
    found.failures.push(
      `${found.tsa}’s certificate was not valid at the time it attests (${attestedAtUtc}): valid from ${signer.notBefore.value.toISOString()} to ${signer.notAfter.value.toISOString()}.`,
    );
  // A token for other bytes is refused for that alone: its signature can only be checked with the
  // bytes it stamps (pkijs checks the imprint as part of it), so saying more would mislead.
  if (found.failures.length === 0)
    found.failures.push(...(await signatureAndChain(signedData, stamped, named, found.tsa)));
  found.ok = found.failures.length === 0;
  return found;
}

/**
 * The signature over the token, then the chain from its signer to a named certificate at the attested
 * time (pkijs checks a TSTInfo's chain at its genTime, and its imprint against the stamped bytes).
 */
async function signatureAndChain(
  signedData: SignedData,
  stamped: Uint8Array,
  named: Certificate[],
  tsa: string,
): Promise<string[]> {
  const data = arrayBufferOf(stamped);
  try {
    const signed = await signedData.verify({ signer: 0, data, extendedMode: true });
    if (!signed.signatureVerified) return [`The token’s signature does not verify under ${tsa}’s certificate.`];
  } catch {
    return [`The token’s signature does not verify under ${tsa}’s certificate.`];
  }
  try {
    const chained = await signedData.verify({
      signer: 0,
      data,
      checkChain: true,
      trustedCerts: named,
      extendedMode: true,
    });
    if (chained.signatureVerified) return [];
  } catch {
    // said below
  }
  return [`${tsa}’s certificate does not lead to a certificate this bundle names for it.`];
}

/** The certificate that signed the token: in the token, or among those named. */
function signerCertificate(signedData: SignedData, named: Certificate[]): Certificate | undefined {
  const sid = signedData.signerInfos[0]?.sid as unknown;
  const candidates = [
    ...(signedData.certificates ?? []).filter((item): item is Certificate => item instanceof Certificate),
    ...named,
  ];
  if (sid && typeof sid === 'object' && 'serialNumber' in sid) {
    const serial = toHex(
      new Uint8Array((sid as { serialNumber: asn1js.Integer }).serialNumber.valueBlock.valueHexView),
    );
    return candidates.find((cert) => toHex(new Uint8Array(cert.serialNumber.valueBlock.valueHexView)) === serial);
  }
  return candidates[0];
}

function isForTimeStamping(certificate: Certificate): boolean {
  const usage = certificate.extensions?.find((extension) => extension.extnID === EXTENDED_KEY_USAGE);
  const purposes = (usage?.parsedValue as { keyPurposes?: string[] } | undefined)?.keyPurposes ?? [];
  return Boolean(usage?.critical) && purposes.includes(TIME_STAMPING);
}

const NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
};

/** A certificate's subject as people write it: "CN=…, O=…, C=…". */
export function subjectOf(certificate: Certificate): string {
  return certificate.subject.typesAndValues
    .map((part) => `${NAMES[part.type] ?? part.type}=${part.value.valueBlock.value}`)
    .join(', ');
}
