import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BundlePathSchema, manifestJsonSchema } from '@/lib/bundle/manifest';

describe('manifest schema', () => {
  it('publishes the JSON Schema generated from the zod definition (run `npm run schemas` after changing it)', () => {
    const published = JSON.parse(
      readFileSync(new URL('../../../schemas/manifest.schema.json', import.meta.url), 'utf8'),
    );
    expect(published).toEqual(manifestJsonSchema());
  });

  it.each(['captures/001-abc/screenshot.png', 'manifest.json', 'a/b.c-d_e'])('accepts the bundle path %s', (path) => {
    expect(BundlePathSchema.safeParse(path).success).toBe(true);
  });

  it.each(['../etc/passwd', '/etc/passwd', 'a/../b', './a', 'a//b', 'a\\b', 'C:/x', 'a/'])(
    'rejects the unsafe path %s',
    (path) => {
      expect(BundlePathSchema.safeParse(path).success).toBe(false);
    },
  );
});
