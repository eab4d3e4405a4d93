/** Bytes as the ArrayBuffer asn1js and pkijs read (a copy: never a view into a larger buffer). */
export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return Uint8Array.from(bytes).buffer;
}

/**
 * A nonce's bytes as a positive INTEGER's in its shortest (DER) form, the value the TSA must echo: the
 * top bit clear, and the first byte never zero — a leading zero byte is not DER, and openssl's TSA
 * refused such requests (about one in 256 random nonces).
 */
export function positiveNonce(nonce: Uint8Array): Uint8Array {
  const bytes = Uint8Array.from(nonce);
  if (bytes.length > 0) bytes[0] = (bytes[0] ?? 0) & 0x7f || 0x01;
  return bytes;
}

export function toHex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
