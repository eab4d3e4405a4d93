import { describe, expect, it } from 'vitest';
import { verifyBundle } from '@/lib/bundle/verify';
import { STAFF, form, testWorld } from '../fixtures';
import { HOSTILE_INPUTS } from './hostileInputs';
import { utf8, zipOf } from './zipFixtures';

describe('hostile and broken zips', () => {
  it('refuses a zip bomb before inflating it', async () => {
    const bomb = await HOSTILE_INPUTS.zipBomb.build();
    expect(bomb.size).toBeLessThan(2 ** 20);
    const report = await verifyBundle(bomb);
    expect(report).toMatchObject({
      ok: false,
      failures: [
        expect.stringMatching(/manifest\.json would unpack \d+ times larger than it is stored \(a zip bomb\)/),
      ],
    });
  });

  it('says a truncated bundle is damaged, not that it is not a zip', async () => {
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const { zip } = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    const truncated = zip.slice(0, Math.floor(zip.size * 0.7));
    expect(await verifyBundle(truncated)).toMatchObject({
      ok: false,
      failures: ['The zip is damaged or cut short (its table of contents cannot be read), so it cannot be checked.'],
    });
  });

  it('refuses absolute paths', async () => {
    const report = await verifyBundle(await zipOf(new Map([['/etc/cron.d/evil', utf8('* * * * * root rm -rf /')]])));
    expect(report.ok).toBe(false);
    expect(report.failures[0]).toMatch(/unsafe path/);
  });
});
