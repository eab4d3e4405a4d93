import { describe, expect, it } from 'vitest';
import { draftStatements } from '@/lib/bundle/statement';
import { openZip } from '@/lib/bundle/zipReader';
import { verifyBundle } from '@/lib/bundle/verify';
import { STAFF, form, testWorld } from '../fixtures';
import { fromUtf8 } from './zipFixtures';

describe('draft witness statements', () => {
  it('one per capturer: who they are, when and how each post was viewed and captured, the exhibits produced', async () => {
    const world = await testWorld();
    const a = await world.capture.captureTab(1, 'visible', form({ note: 'Seen at 9am' }));
    await world.settings.saveProfile({
      ...STAFF,
      name: 'Ravi Patel',
      email: 'ravi@northwick.example',
      role: 'Deputy Head',
    });
    const b = await world.capture.captureTab(1, 'visible', form());
    const statements = draftStatements([a, b]);
    expect(statements.map((s) => s.path)).toEqual([
      'statements/JS-jo.smith-draft-statement.txt',
      'statements/RP-ravi-draft-statement.txt',
    ]);
    const jo = statements[0]!.text;
    expect(jo).toMatch(/^DRAFT — .*not legal advice/);
    expect(jo).toContain('1. I am Jo Smith, Head of School at Northwick Park Primary.');
    expect(jo).toContain(
      `2. On ${a.metadata.capturedAtLocal} (Europe/London; ${a.metadata.capturedAtUtc} UTC) I viewed the page at https://social.example/posts/123`,
    );
    expect(jo).toContain('I produce this as exhibit JS/1.');
    expect(jo).toContain(`SHA-256 ${a.metadata.artefacts[0]!.sha256}`);
    expect(jo).toContain('My note at the time: "Seen at 9am"');
    expect(jo).toContain('I produce the exhibits JS/1.');
    expect(jo).not.toContain('RP/1');
    expect(statements[1]!.text).toContain('1. I am Ravi Patel, Deputy Head');
  });

  it('two capturers with the same initials and email name (one received from another school) get a statement each, and the bundle verifies (issue #15)', async () => {
    const world = await testWorld();
    const a = await world.capture.captureTab(1, 'visible', form());
    await world.settings.saveProfile({ ...STAFF, email: 'jo.smith@elsewhere.example', school: 'Elsewhere Academy' });
    const b = await world.capture.captureTab(1, 'visible', form());
    expect(draftStatements([a, b]).map((s) => s.path)).toEqual([
      'statements/JS-jo.smith-draft-statement.txt',
      'statements/JS-jo.smith-2-draft-statement.txt',
    ]);
    const { zip } = await world.exporter.exportBundle({
      captureIds: [a.metadata.id, b.metadata.id],
      exportedBy: STAFF,
    });
    const report = await verifyBundle(zip);
    expect(report.failures).toEqual([]);
  });

  it('say the address the page gave itself when it was not the browser’s, and mark what does not show (issue #15)', async () => {
    const { fakeTabs } = await import('../fixtures');
    const tabs = fakeTabs({
      getTab: async (id) => ({ id, windowId: 1, url: 'https://social.example/posts/123', active: true }),
      page: { url: 'https://social.example/elsewhere', title: 'Post \u202eevil' },
    });
    const world = await testWorld({ tabs });
    const a = await world.capture.captureTab(1, 'visible', form({ note: 'line one\nline two\u200b' }));
    const [statement] = draftStatements([a]);
    expect(statement!.text).toContain(
      'I viewed the page at https://social.example/posts/123, titled "Post ⟨U+202E⟩evil"',
    );
    expect(statement!.text).toContain(
      "The page's own code reported its address as https://social.example/elsewhere; the address above is the one the browser showed for the tab.",
    );
    expect(statement!.text).toContain('My note at the time: "line one\nline two⟨U+200B⟩"');
  });

  it('are in every bundle', async () => {
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const { zip } = await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    const { entries } = await openZip(zip);
    expect(fromUtf8(await entries.find((e) => e.path.startsWith('statements/'))!.read())).toContain(
      'Draft witness statement of Jo Smith',
    );
  });
});
