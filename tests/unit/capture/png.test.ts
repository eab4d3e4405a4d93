import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataUrlToBlob, pngSize } from '@/lib/capture/png';

/** The first 24 bytes of a PNG of the given size (signature and IHDR), which is all pngSize reads. */
function pngHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}
const dataUrl = (bytes: Uint8Array) => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;

describe('captured PNGs', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('turns the data URL into the same bytes, typed, and knows its pixel size without reading it back', async () => {
    const bytes = pngHeader(1280, 720);
    const blob = dataUrlToBlob(dataUrl(bytes));
    expect(blob.type).toBe('image/png');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    const slice = vi.spyOn(blob, 'slice');
    expect(await pngSize(blob)).toEqual({ width: 1280, height: 720 });
    expect(slice).not.toHaveBeenCalled();
  });

  it('reads the size from the header of a PNG it did not make', async () => {
    expect(await pngSize(new Blob([pngHeader(2560, 1440)]))).toEqual({ width: 2560, height: 1440 });
  });

  it('refuses bytes that are not a PNG, and a data URL that is not base64', async () => {
    await expect(
      pngSize(dataUrlToBlob(`data:image/png;base64,${Buffer.from('GIF89a, not a PNG at all').toString('base64')}`)),
    ).rejects.toThrow(/not a PNG/);
    await expect(pngSize(new Blob(['GIF89a, not a PNG at all']))).rejects.toThrow(/not a PNG/);
    expect(() => dataUrlToBlob('data:image/png,plain')).toThrow(/unexpected form/);
  });

  it('uses the browser’s own base64 decoder where there is one, with the same result', async () => {
    const bytes = pngHeader(10, 20);
    const fromBase64 = vi.fn((base64: string) => new Uint8Array(Buffer.from(base64, 'base64')));
    vi.stubGlobal('Uint8Array', Object.assign(class extends Uint8Array {}, { fromBase64 }));
    const blob = dataUrlToBlob(dataUrl(bytes));
    vi.unstubAllGlobals();
    expect(fromBase64).toHaveBeenCalledOnce();
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });
});
