import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = (dir: string) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8'));

// The production builds (npm run build) ask for the fewest permissions; only the e2e build adds <all_urls>.
describe('built manifests', () => {
  it.each([
    [
      'chrome-mv3',
      ['activeTab', 'scripting', 'downloads', 'contextMenus', 'alarms', 'unlimitedStorage', 'pageCapture'],
    ],
    ['firefox-mv3', ['activeTab', 'scripting', 'downloads', 'contextMenus', 'alarms', 'unlimitedStorage']],
  ])('%s asks only for %j', (dir, permissions) => {
    const m = manifest(dir);
    expect(m.manifest_version).toBe(3);
    expect(m.permissions).toEqual(permissions);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_permissions).toBeUndefined();
    // Firefox may ask for one site at a time, at the moment of a full-page capture (tabs.captureTab).
    expect(m.optional_host_permissions).toEqual(dir === 'firefox-mv3' ? ['*://*/*'] : ['https://*/*', 'http://*/*']);
    expect(m.content_scripts ?? []).toEqual([]); // the page reader is injected on demand, never declared
    expect(m.content_security_policy).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
  });

  it('gives Firefox its add-on id and declares no data collection', () => {
    expect(manifest('firefox-mv3').browser_specific_settings.gecko).toMatchObject({
      id: 'exhibit@northwickpark.academy',
      data_collection_permissions: { required: ['none'] },
    });
  });

  it.each(['chrome-mv3', 'firefox-mv3'])(
    '%s has Exhibit’s icons at 16, 32, 48 and 128 px, on the store listing and the toolbar button, whose title is kept',
    (dir) => {
      const m = manifest(dir);
      const icons = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };
      expect(m.icons).toEqual(icons);
      expect(m.action.default_icon).toEqual(
        Object.fromEntries(Object.entries(icons).map(([size, path]) => [size, `/${path}`])),
      );
      expect(m.action.default_title).toBe('Capture evidence with Exhibit');
      for (const [size, path] of Object.entries(icons)) {
        const png = readFileSync(`.output/${dir}/${path}`);
        expect([png.readUInt32BE(16), png.readUInt32BE(20)], path).toEqual([Number(size), Number(size)]); // IHDR width, height
      }
    },
  );

  it('adds <all_urls> in the e2e build only', () => {
    expect(manifest('chrome-mv3-e2e').host_permissions).toEqual(['<all_urls>']);
  });
});
