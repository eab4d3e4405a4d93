/** Width and height from a PNG's IHDR chunk, without decoding the image. */
export async function pngSize(png: Blob): Promise<{ width: number; height: number }> {
  const header = new DataView(await png.slice(0, 24).arrayBuffer());
  const isPng = header.byteLength === 24 && header.getUint32(0) === 0x89504e47 && header.getUint32(12) === 0x49484452;
  if (!isPng) throw new Error('The browser returned an image that is not a PNG.');
  return { width: header.getUint32(16), height: header.getUint32(20) };
}

/** Decodes a `data:image/png;base64,…` URL (what captureVisibleTab returns) without fetch(). */
export function dataUrlToBlob(dataUrl: string): Blob {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(dataUrl);
  if (!match) throw new Error('The browser returned a capture in an unexpected form.');
  const binary = atob(match[2]!);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: match[1] });
}
