import { describe, expect, it } from 'vitest';
import { referenceInitials } from '@/lib/capture/metadata';
import { STAFF, form, testWorld } from '../fixtures';

describe('exhibit references', () => {
  it('take the capturer’s initials', () => {
    expect(referenceInitials('Jo Smith')).toBe('JS');
    expect(referenceInitials("Anne-Marie O'Neill")).toBe('AMO');
    expect(referenceInitials('Zoë  Ḿcdonald')).toBe('ZM');
    expect(referenceInitials('Mary Ann Jane Smith Jones')).toBe('MJ');
    expect(referenceInitials('  ')).toBe('X');
  });

  it('number each capturer’s captures in order, in the stored metadata and the bundle’s folder names', async () => {
    const world = await testWorld();
    const first = await world.capture.captureTab(1, 'visible', form());
    const second = await world.capture.captureTab(1, 'visible', form());
    await world.settings.saveProfile({ ...STAFF, name: 'Ravi Patel' });
    const third = await world.capture.captureTab(1, 'visible', form());
    expect([first, second, third].map((c) => c.metadata.reference)).toEqual(['JS/1', 'JS/2', 'RP/1']);
    expect((await world.db.captures.get(second.metadata.id))!.metadata.reference).toBe('JS/2');
    const { manifest } = await world.exporter.exportBundle({
      captureIds: [first.metadata.id, third.metadata.id],
      exportedBy: STAFF,
    });
    expect(manifest.captures.map((c) => c.folder)).toEqual(['captures/001-JS-1', 'captures/002-RP-1']);
  });

  it('are never reused, even when two captures are saved at once', async () => {
    const world = await testWorld();
    const both = await Promise.all([
      world.capture.captureTab(1, 'visible', form()),
      world.capture.captureTab(2, 'visible', form()),
    ]);
    expect(both.map((c) => c.metadata.reference).sort()).toEqual(['JS/1', 'JS/2']);
  });
});
