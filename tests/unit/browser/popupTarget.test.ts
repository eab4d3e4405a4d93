import { describe, expect, it } from 'vitest';
import { modeFromQuery, targetFromQuery, targetTabId } from '@/lib/browser/popupTarget';

describe('what the popup acts on', () => {
  it('reads the tab, mode and right-clicked element from its address', async () => {
    expect(await targetTabId('?tabId=12&mode=element&target=345')).toBe(12);
    expect(modeFromQuery('?tabId=12&mode=element')).toBe('element');
    expect(targetFromQuery('?target=345')).toBe(345);
  });

  it('falls back to the visible area and no target for anything else', () => {
    expect(modeFromQuery('')).toBe('visible');
    expect(modeFromQuery('?mode=everything')).toBe('visible');
    expect(targetFromQuery('?target=1;alert(1)')).toBeUndefined();
  });
});
