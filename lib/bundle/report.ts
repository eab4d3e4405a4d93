import { describeEvent, entryLabel, type AuditEntry } from '../audit';
import { presentationFileName } from './manifest';
import { describeMethod, imageArtefacts } from '../capture/artefacts';
import type { CaptureMetadata } from '../capture/metadata';
import { POST_FIELDS, POST_FIELD_LABELS, type PostDetails } from '../extract/postDetails';
import { html, type SafeHtml } from '../html';
import { categoryById, describeCategory, stepById, type CategoryChoice } from '../policy';
import type { CaseView } from '../store/caseRepository';
import type { CaptureView } from '../store/evidenceRepository';
import type { StaffMember } from '../capture/metadata';

export interface ReportCapture {
  view: CaptureView;
  folder: string;
}

export interface ReportInput {
  exportedAtUtc: string;
  exportedBy: StaffMember;
  generatorVersion: string;
  captures: readonly ReportCapture[];
  caseView?: CaseView;
  /** Paths of presentation copies in the bundle; the report shows those in place of the originals. */
  presentationCopies?: ReadonlySet<string>;
  /** Fingerprint of the key that signs this bundle's manifest (manifest.digest.json). */
  keyFingerprint: string;
  auditHeadHash: string;
}

/**
 * `report.html`: printable and self-contained. No scripts, and a CSP that forbids them should
 * escaping ever fail; images are the bundle's own hashed files, referenced by relative path,
 * so the report shows exactly the files the manifest vouches for.
 */
export function renderReport(input: ReportInput): string {
  const page = html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; script-src 'none'">
<meta name="referrer" content="no-referrer">
<title>Evidence report — ${input.exportedBy.school}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="cover">
<h1>Evidence report</h1>
<p class="school">${input.exportedBy.school}</p>
<dl>
<dt>Exported by</dt><dd>${input.exportedBy.name}, ${input.exportedBy.role} (${input.exportedBy.email})</dd>
<dt>Exported at (UTC)</dt><dd>${input.exportedAtUtc}</dd>
<dt>Captures</dt><dd>${input.captures.length}</dd>
<dt>Audit log head</dt><dd><code>${input.auditHeadHash}</code></dd>
<dt>Signing key fingerprint</dt><dd><code>${input.keyFingerprint}</code> (the school can check it against Exhibit’s options)</dd>
<dt>Made with</dt><dd>Exhibit ${input.generatorVersion}</dd>
</dl>
<p>How to check this bundle: every file is listed with its SHA-256 in <code>manifest.json</code> and in <code>SHA256SUMS</code>
(run <code>sha256sum -c SHA256SUMS</code> in the unzipped folder, or Exhibit’s <code>npm run verify -- bundle.zip</code>).
Any changed, missing or added file makes the check fail. <code>manifest.digest.json</code> holds the manifest’s SHA-256
and an ECDSA P-256 signature over it by the key above.</p>
</header>
${input.caseView ? renderCase(input.caseView) : ''}
${input.captures.map((capture, index) => renderCapture(capture, index + 1, input))}
</body>
</html>
`;
  return page.html;
}

/** A case's summary, its actions and its chronology (issue #4). */
function renderCase(view: CaseView): SafeHtml {
  const d = view.details;
  return html`<section class="case">
<h2>Case: ${d.title}</h2>
<dl>
<dt>Status</dt><dd>${view.status}</dd>
<dt>Opened (UTC)</dt><dd>${view.openedAtUtc}</dd>
<dt>Person posting</dt><dd>${[d.personPosting.name, d.personPosting.relationship].filter(Boolean).join(', ') || '—'}</dd>
<dt>Profiles</dt><dd class="url">${d.personPosting.profileUrls.map((u) => html`<code>${u}</code> `)}</dd>
<dt>Affected</dt><dd>${d.affected || '—'}</dd>
<dt>Owner</dt><dd>${d.owner}</dd>
</dl>
<h3>Actions</h3>
${view.actions.length === 0 ? html`<p>None recorded.</p>` : html`<table><thead><tr><th>Step</th><th>Date</th><th>Who</th><th>Outcome and references</th></tr></thead><tbody>
${view.actions.map(({ current: a, history }) => html`<tr><td>${stepById(a.step).label}</td><td>${a.date}</td><td>${a.who}</td><td>${a.outcome}${a.reference ? html` (ref. ${a.reference})` : ''}${a.police ? html` Police: ${[a.police.force, a.police.crimeReference, a.police.officer].filter(Boolean).join(', ')}` : ''}${a.attachments.map((f) => html` Attachment ${f.fileName}, SHA-256 <code>${f.sha256}</code>.`)}${history.length > 1 ? html` <em>(corrected; ${history.map(entryLabel).join(', ')})</em>` : ''}</td></tr>`)}
</tbody></table>`}
<h3>Chronology</h3>
<ol class="history">
${view.chronology.map((entry) => html`<li>${entry.at} — ${entry.actor.name}: ${describeEvent(entry.event)} (${entryLabel(entry)})</li>`)}
</ol>
</section>
`;
}

function renderCapture({ view, folder }: ReportCapture, number: number, input: Pick<ReportInput, 'presentationCopies'>): SafeHtml {
  const m = view.metadata;
  const images = imageArtefacts(m);
  const edits = view.history.filter((entry) => entry.event.action === 'capture.edited');
  return html`<section class="capture">
<h2>${m.reference ? html`Exhibit ${m.reference}` : html`Capture ${number}`}: ${describeCategory(view.current.category)}</h2>
${categoryBlock(view.current.category)}
<dl>
<dt>Page address</dt><dd class="url"><code>${m.page.url}</code></dd>
<dt>Page title</dt><dd>${m.page.title}</dd>
<dt>Captured (UTC)</dt><dd>${m.capturedAtUtc}</dd>
<dt>Captured (local)</dt><dd>${m.capturedAtLocal} (${m.timeZone}, UTC${m.utcOffset})</dd>
<dt>Captured by</dt><dd>${m.capturedBy.name}, ${m.capturedBy.role} (${m.capturedBy.email}), ${m.capturedBy.school}</dd>
${m.author.name ? html`<dt>Post author</dt><dd>${m.author.name}</dd>` : ''}
${m.author.profileUrl ? html`<dt>Author profile</dt><dd class="url"><code>${m.author.profileUrl}</code></dd>` : ''}
<dt>Note</dt><dd class="note">${view.current.note || '—'}</dd>
${m.page.selectedText ? html`<dt>Selected text</dt><dd class="note">${m.page.selectedText}</dd>` : ''}
<dt>Page source</dt><dd>${pageSourceLabel(m)}</dd>
<dt>Captured</dt><dd>${MODE_WORDS[m.mode ?? 'visible']}; viewport ${m.page.viewport.width} × ${m.page.viewport.height} CSS px at device pixel ratio ${m.page.devicePixelRatio}</dd>
<dt>Browser</dt><dd>${m.environment.browserName} ${m.environment.browserVersion} on ${m.environment.os}; Exhibit ${m.environment.extensionVersion}</dd>
<dt>Capture id</dt><dd><code>${m.id}</code></dd>
</dl>
${m.post ? postDetailsBlock(m.post, view.current.post) : ''}
${m.pageSourceError ? html`<p class="warning">${m.pageSourceError}</p>` : ''}
${edits.length > 0 ? editHistory(m, edits) : ''}
${images.map((image, i) => {
  // The first image is shown as its presentation copy (with address and time) when the bundle has one.
  const shown = i === 0 && input.presentationCopies?.has(`${folder}/${presentationFileName(image.fileName)}`) ? presentationFileName(image.fileName) : image.fileName;
  const label = shown === image.fileName ? '' : html` Shown as the presentation copy ${shown} (caption added beneath; not the original). The original is ${image.fileName}.`;
  return html`<figure><img src="${folder}/${shown}" alt="${image.fileName} for capture ${number}"><figcaption>${folder}/${image.fileName}: ${describeMethod(image)}${image.note ? html`. ${image.note}` : ''}.${label}</figcaption></figure>`;
})}
<table class="hashes"><thead><tr><th>File</th><th>Bytes</th><th>SHA-256</th></tr></thead><tbody>
${m.artefacts.map((a) => html`<tr><td>${folder}/${a.fileName}</td><td>${a.bytes}</td><td><code>${a.sha256}</code></td></tr>`)}
</tbody></table>
</section>
`;
}

function postDetailsBlock(extracted: PostDetails, current: CaptureView['current']['post']): SafeHtml {
  return html`<h3>Post details (read from the ${extracted.platform === 'generic' ? 'page' : extracted.platform} page)</h3>
<dl class="post">
${POST_FIELDS.map((key) => {
  const value = current[key] ?? null;
  const corrected = value !== (extracted[key] ?? null);
  return html`<dt>${POST_FIELD_LABELS[key]}</dt><dd${key === 'text' ? html` class="note"` : ''}>${value ?? html`<em>not found on the page</em>`}${corrected ? html` <em>(corrected; the page showed “${extracted[key] ?? 'nothing'}”)</em>` : ''}</dd>`;
})}
</dl>`;
}

function categoryBlock(choice: CategoryChoice): SafeHtml {
  return html`<p class="policy">Policy: “${categoryById(choice.id).policyWording}”</p>`;
}

function editHistory(original: CaptureMetadata, edits: readonly AuditEntry[]): SafeHtml {
  return html`<h3>Edits after capture</h3>
<p>Recorded at capture: category “${describeCategory(original.category)}”, note “${original.note}”.</p>
<ol class="history">
${edits.map((entry) => html`<li>${entry.at} — ${entry.actor.name} ${describeEvent(entry.event)} (${entryLabel(entry)})</li>`)}
</ol>`;
}

const MODE_WORDS = { visible: 'the visible area of the tab', element: 'one element of the page (“This post”), with the visible area as context', 'full-page': 'the whole page' } as const;

function pageSourceLabel(m: CaptureMetadata): string {
  const source = m.artefacts.find((a) => a.kind === 'page-source');
  if (!source) return 'not kept';
  return source.method === 'pageCapture.saveAsMHTML' ? `${source.fileName} (MHTML saved by the browser)` : `${source.fileName} (the page’s DOM serialised at capture)`;
}

const STYLE = `
body { font: 11pt/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #111; }
h1 { margin: 0 0 .25rem; } .school { font-size: 1.3rem; margin: 0 0 1rem; }
dl { display: grid; grid-template-columns: 12rem 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
.note { white-space: pre-wrap; } .warning { color: #92400e; } .policy { font-style: italic; }
.capture { border-top: 2px solid #333; padding-top: 1rem; margin-top: 2rem; break-before: page; }
figure { margin: 1rem 0; } img { max-width: 100%; border: 1px solid #999; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #bbb; padding: .2rem .4rem; text-align: left; overflow-wrap: anywhere; }
code { font-size: 9pt; }
`;
