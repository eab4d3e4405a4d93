import { describe, expect, it } from 'vitest';
import { saveFile } from '@/lib/browser/downloads';
import { createExportFlow } from '@/lib/bundle/exportFlow';
import { STAFF, form, testWorld } from '../fixtures';

type Delta = { id: number; state?: { current?: string }; error?: { current?: string } };

/** A downloads API whose download ends the way `outcome` says, as Chrome reports it. */
function fakeDownloads(outcome: { state: 'complete' } | { state: 'interrupted'; error: string } | { reject: string }) {
  const listeners = new Set<(delta: Delta) => void>();
  const requests: { filename?: string; saveAs?: boolean }[] = [];
  return {
    requests,
    listeners,
    async download(options: { filename?: string; saveAs?: boolean }) {
      requests.push(options);
      if ('reject' in outcome) throw new Error(outcome.reject);
      setTimeout(() => {
        const delta: Delta = {
          id: 7,
          state: { current: outcome.state },
          error: 'error' in outcome ? { current: outcome.error } : undefined,
        };
        listeners.forEach((listener) => listener(delta));
      }, 5);
      return 7;
    },
    async search() {
      return [{ id: 7, state: 'in_progress' }];
    },
    onChanged: {
      addListener: (l: (delta: Delta) => void) => void listeners.add(l),
      removeListener: (l: (delta: Delta) => void) => void listeners.delete(l),
      hasListener: (l: (delta: Delta) => void) => listeners.has(l),
    },
  };
}
type Api = Parameters<typeof saveFile>[3];

describe('saveFile', () => {
  it('resolves when the download completes, with the file name and the Save-As setting', async () => {
    const downloads = fakeDownloads({ state: 'complete' });
    await saveFile(new Blob(['zip']), 'exhibit-x.zip', true, downloads as unknown as Api);
    expect(downloads.requests).toEqual([expect.objectContaining({ filename: 'exhibit-x.zip', saveAs: true })]);
    expect(downloads.listeners.size).toBe(0);
  });

  it('turns a dismissed Save-As dialog into a plain “cancelled” (Chrome: USER_CANCELED)', async () => {
    const downloads = fakeDownloads({ state: 'interrupted', error: 'USER_CANCELED' });
    await expect(saveFile(new Blob(['zip']), 'x.zip', true, downloads as unknown as Api)).rejects.toMatchObject({
      code: 'export-cancelled',
      message: 'Export cancelled. No file was saved and your captures are unchanged.',
    });
  });

  it('turns a dismissed Save-As dialog into a plain “cancelled” (Firefox: rejected call)', async () => {
    const downloads = fakeDownloads({ reject: 'Download canceled by the user' });
    await expect(saveFile(new Blob(['zip']), 'x.zip', true, downloads as unknown as Api)).rejects.toMatchObject({
      code: 'export-cancelled',
    });
  });

  it('reports a failed write in plain words', async () => {
    const downloads = fakeDownloads({ state: 'interrupted', error: 'FILE_NO_SPACE' });
    await expect(saveFile(new Blob(['zip']), 'x.zip', false, downloads as unknown as Api)).rejects.toMatchObject({
      code: 'export-failed',
      message: expect.stringContaining('FILE_NO_SPACE'),
    });
  });
});

describe('export flow', () => {
  it('records the export in the audit log once the file is saved', async () => {
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const saved: string[] = [];
    const exportAndSave = createExportFlow({
      exporter: world.exporter,
      evidence: world.evidence,
      saveFile: async (_zip, name) => void saved.push(name),
    });
    const result = await exportAndSave({ captureIds: [metadata.id], exportedBy: STAFF, askWhereToSave: false });
    expect(saved).toEqual([result.fileName]);
    const last = await world.db.audit.orderBy('seq').last();
    expect(last?.event).toEqual({
      action: 'bundle.exported',
      captureIds: [metadata.id],
      fileName: result.fileName,
      manifestSha256: result.manifestSha256,
    });
  });

  it('records nothing when saving is cancelled', async () => {
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const downloads = fakeDownloads({ state: 'interrupted', error: 'USER_CANCELED' });
    const exportAndSave = createExportFlow({
      exporter: world.exporter,
      evidence: world.evidence,
      saveFile: (zip, name, ask) => saveFile(zip, name, ask, downloads as unknown as Api),
    });
    await expect(
      exportAndSave({ captureIds: [metadata.id], exportedBy: STAFF, askWhereToSave: true }),
    ).rejects.toMatchObject({ code: 'export-cancelled' });
    expect(await world.db.audit.count()).toBe(1);
  });
});
