import { PNG } from 'pngjs';

/** A decoded PNG with an RGBA reader, for checking captured pixels in tests. */
export function decodePng(bytes: Uint8Array) {
  const png = PNG.sync.read(Buffer.from(bytes));
  return {
    width: png.width,
    height: png.height,
    rgba(x: number, y: number): [number, number, number, number] {
      const i = (y * png.width + x) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
    },
  };
}
