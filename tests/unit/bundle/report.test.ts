import { describe, expect, it } from 'vitest';
import { renderReport } from '@/lib/bundle/report';
import type { StaffMember } from '@/lib/capture/metadata';
import type { CaptureView } from '@/lib/store/evidenceRepository';
import { STAFF, form, testWorld } from '../fixtures';

const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror="alert(2)">', '"><svg onload=alert(3)>'];

/** The report's input for one capture's view, as an export of it gives it. */
function reportInput(
  view: CaptureView,
  { exportedBy = STAFF, folder = 'c/1' }: { exportedBy?: StaffMember; folder?: string } = {},
) {
  return {
    exportedAtUtc: '2026-06-01T12:00:00.000Z',
    exportedBy,
    generatorVersion: '0.1.0',
    captures: [{ view, folder }],
    keyFingerprint: 'e'.repeat(64),
    auditHeadHash: 'f'.repeat(64),
  };
}

async function reportFor(overrides: Parameters<typeof form>[0], page = {}) {
  const { fakeTabs } = await import('../fixtures');
  const world = await testWorld({ tabs: fakeTabs({ page }) });
  const { metadata } = await world.capture.captureTab(1, 'visible', form(overrides));
  await world.evidence.editCapture(metadata.id, { field: 'note', to: HOSTILE[1]! }, STAFF);
  const view = (await world.evidence.getCapture(metadata.id))!;
  return renderReport(
    reportInput(view, { exportedBy: { ...STAFF, school: '<b>School</b>' }, folder: 'captures/001-x' }),
  );
}

describe('report.html', () => {
  it('shows control, bidi and invisible characters from pages and people as ⟨U+XXXX⟩, keeping line breaks only in prose', async () => {
    const { fakeTabs } = await import('../fixtures');
    const { postDetails } = await import('@/lib/extract/postDetails');
    const { reportDocument } = await import('@/lib/bundle/reportDocument');
    const post = postDetails('x', { authorName: 'Pat\u202egnp.exe', text: 'line one\nline two\u200b' });
    const world = await testWorld({
      tabs: fakeTabs({ page: { title: 'Title\u001b[2J\nSigning key fingerprint: 0000', post } }),
    });
    const { metadata } = await world.capture.captureTab(1, 'visible', form({ note: 'first\nsecond\u2066' }));
    const view = (await world.evidence.getCapture(metadata.id))!;
    const input = reportInput(view, { exportedBy: { ...STAFF, name: 'Jo\u200dSmith' } });
    const fields = reportDocument(input).sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'fields' ? b.fields : [])),
    );
    const value = (label: string) => fields.find((f) => f.label === label)?.value;
    expect(value('Page title')).toBe('Title⟨U+001B⟩[2J⟨U+000A⟩Signing key fingerprint: 0000');
    expect(value('Author’s name')).toBe('Pat⟨U+202E⟩gnp.exe');
    expect(value('Post text')).toBe('line one\nline two⟨U+200B⟩');
    expect(value('Note')).toBe('first\nsecond⟨U+2066⟩');
    expect(value('Exported by')).toMatch(/^Jo⟨U\+200D⟩Smith,/);
    const html = renderReport(input);
    expect(html).toContain('Pat⟨U+202E⟩gnp.exe');
    expect(value('Address the page gave itself')).toBeUndefined();
    expect(html).not.toMatch(/[\u202e\u200b\u2066\u200d\u001b]/);
  });

  it('shows notes, titles, author and selected text from pages and users as text, never markup', async () => {
    const html = await reportFor(
      { note: HOSTILE[0]!, author: { name: HOSTILE[2]!, profileUrl: 'https://social.example/"onmouseover="x' } },
      { title: HOSTILE[1]!, selectedText: HOSTILE[0]!, url: 'https://social.example/p?q=<script>' },
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toMatch(/<svg/i);
    expect(html).not.toContain('<b>School</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;');
    expect(html).toContain('&lt;b&gt;School&lt;/b&gt;');
  });

  it('gives the address the page gave itself beside the browser’s, when they differ', async () => {
    const { fakeTabs } = await import('../fixtures');
    const tabs = fakeTabs({
      getTab: async (id) => ({ id, windowId: 1, url: 'https://social.example/posts/123', active: true }),
      page: { url: 'https://social.example/elsewhere' },
    });
    const world = await testWorld({ tabs });
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const view = (await world.evidence.getCapture(metadata.id))!;
    const html = renderReport(reportInput(view));
    expect(html).toContain(
      '<dt>Page address</dt><dd class="url"><code>https://social.example/posts/123</code></dd>\n<dt>Address the page gave itself</dt><dd class="url"><code>https://social.example/elsewhere</code> <em>(not the address the browser showed',
    );
  });

  it('shows the post details read from the page, escaped, with corrections and gaps marked', async () => {
    const { fakeTabs } = await import('../fixtures');
    const { postDetails } = await import('@/lib/extract/postDetails');
    const world = await testWorld({
      tabs: fakeTabs({
        page: {
          post: postDetails('x', { authorName: 'Pat <b>', text: HOSTILE[0], permalink: 'https://x.com/pat/status/1' }),
        },
      }),
    });
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    await world.evidence.editCapture(metadata.id, { field: 'post', key: 'authorHandle', to: '@pat' }, STAFF);
    const view = (await world.evidence.getCapture(metadata.id))!;
    const html = renderReport(reportInput(view));
    expect(html).toContain('Post details (read from the x page)');
    expect(html).toContain('Pat &lt;b&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('@pat <em>(corrected; the page showed “nothing”)</em>');
    expect(html).toContain('<dt>Likes / reactions</dt><dd><em>not found on the page</em></dd>');
    expect(html).toContain('page.mhtml (MHTML saved by the browser)');
  });

  it('says how the post was told apart, and says so plainly when several were in view and none was picked', async () => {
    const { fakeTabs } = await import('../fixtures');
    const { postDetails, UNCLEAR_POST_WORDS } = await import('@/lib/extract/postDetails');
    const reportWith = async (post: ReturnType<typeof postDetails>) => {
      const world = await testWorld({ tabs: fakeTabs({ page: { post } }) });
      const { metadata } = await world.capture.captureTab(1, 'visible', form());
      const view = (await world.evidence.getCapture(metadata.id))!;
      return renderReport(reportInput(view));
    };
    expect(await reportWith(postDetails('x', { authorName: 'Pat' }, 'only-in-view'))).toContain(
      'Post details (read from the only post in view on the x page)',
    );
    const unclear = await reportWith(postDetails('facebook', {}, 'unclear'));
    expect(unclear).toContain(UNCLEAR_POST_WORDS);
    expect(unclear).toContain(
      '<dt>Author’s name</dt><dd><em>not taken: several posts, none picked on its own</em></dd>',
    );
  });

  it('says beside each value where it came from, a derived one as derived, the page’s markup escaped', async () => {
    const { fakeTabs } = await import('../fixtures');
    const { postDetails } = await import('@/lib/extract/postDetails');
    const post = postDetails('x', {
      authorName: {
        value: 'Pat',
        source: { kind: 'text', element: 'span[data-testid="<img src=x onerror=alert(1)>"]' },
      },
      postedAtIso: {
        value: '2026-06-02T19:45:10.123Z',
        source: { kind: 'post-id', derivation: 'X status ids carry the time the post was made' },
      },
      text: 'typed by hand',
    });
    const world = await testWorld({ tabs: fakeTabs({ page: { post } }) });
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const html = renderReport(reportInput((await world.evidence.getCapture(metadata.id))!));
    expect(html).toContain('(from the text of span[data-testid=&quot;&lt;img src=x onerror=alert(1)&gt;&quot;])');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('(derived, not shown on the page: X status ids carry the time the post was made)');
  });

  it('forbids scripts and remote resources through its CSP and has only relative images', async () => {
    const html = await reportFor({});
    expect(html).toContain(`default-src 'none'`);
    expect(html).toContain(`script-src 'none'`);
    expect(html).not.toMatch(/<(script|link|iframe|object)\b/i);
    for (const [, src] of html.matchAll(/<img src="([^"]*)"/g)) expect(src).toMatch(/^captures\//);
  });

  it('shows the category with the policy’s wording, the capture times, capturer, hashes and edit history', async () => {
    const html = await reportFor({ note: 'original' });
    expect(html).toContain('Defamatory statements');
    expect(html).toContain('Making defamatory statements about the school, Trust or staff at the school');
    expect(html).toContain('2026-06-01T09:00:01.000Z');
    expect(html).toContain('2026-06-01T10:00:01.000+01:00 (Europe/London, UTC+01:00)');
    expect(html).toContain('Jo Smith, Head of School');
    expect(html).toMatch(/<code>[0-9a-f]{64}<\/code>/);
    expect(html).toContain('Edits after capture');
    expect(html).toContain('note “original”');
  });
});

describe('presentation copies', () => {
  it('are made for each capture, named as copies, hashed, and shown by the report in place of the untouched original', async () => {
    const { createBundleExporter } = await import('@/lib/bundle/exportBundle');
    const { exportableAuditLines, loadSigningKey } = await import('@/lib/store');
    const { openZip } = await import('@/lib/bundle/zipReader');
    const { verifyBundle } = await import('@/lib/bundle/verify');
    const world = await testWorld();
    const { metadata } = await world.capture.captureTab(1, 'visible', form());
    const captions: string[][] = [];
    const exporter = createBundleExporter({
      evidence: world.evidence,
      auditLines: (c, k) => exportableAuditLines(world.db, c, k),
      signer: () => loadSigningKey(world.db),
      caption: async (png, lines) => (
        captions.push([...lines]),
        new Blob([await png.arrayBuffer(), 'caption'], { type: 'image/png' })
      ),
      generatorVersion: '0.1.0',
    });
    const { zip } = await exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF });
    expect(captions[0]).toEqual([
      expect.stringMatching(
        /^Exhibit JS\/1 — presentation copy of screenshot\.png \(SHA-256 [0-9a-f]{16}…\); the original is unaltered in this bundle$/,
      ),
      'Address: https://social.example/posts/123',
      expect.stringContaining('by Jo Smith, Head of School, Northwick Park Primary'),
    ]);
    const { entries } = await openZip(zip);
    const paths = entries.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['captures/001-JS-1/screenshot.png', 'captures/001-JS-1/presentation-screenshot.png']),
    );
    const report = new TextDecoder().decode(await entries.find((e) => e.path === 'report.html')!.read());
    expect(report).toContain('<img src="captures/001-JS-1/presentation-screenshot.png"');
    expect(report).toContain('not the original). The original is screenshot.png.');
    expect((await verifyBundle(zip)).ok).toBe(true);
  });
});
