import { verifyBundle, verifyEntries, type VerifyReport } from '../verify';
import { blobEntry } from '../zipReader';

/**
 * verify.html's script (issue #5): the recipient drops the bundle zip, or picks the unzipped folder,
 * and the same verifier as `npm run verify` says what passed and what did not. Bundled into the page
 * itself by scripts/verifyHtml.ts, so it runs from file:// with no install and no network.
 */
const result = document.getElementById('result')!;

function show(name: string, report: VerifyReport) {
  result.replaceChildren();
  result.className = report.ok ? 'pass' : 'fail';
  const heading = document.createElement('h2');
  heading.textContent = report.ok ? `PASS — ${name}` : `FAIL — ${name}: ${report.failures.length} problem(s)`;
  result.append(heading);
  const lines = report.ok
    ? [
        `${report.filesChecked} files match their SHA-256 in manifest.json and SHA256SUMS; the audit chain is intact.`,
        `The manifest is signed by the key with fingerprint ${report.signedBy}. Check that it is the school's.`,
      ]
    : report.failures;
  const list = document.createElement('ul');
  for (const line of lines) list.append(Object.assign(document.createElement('li'), { textContent: line }));
  result.append(list);
}

/** A bundle of gigabytes takes a while in a browser: say how far the check has got. */
const checking = (checked: number, of: number) => (result.textContent = `Checking file ${checked} of ${of}…`);

async function checkZip(file: File) {
  result.textContent = 'Checking…';
  show(file.name, await verifyBundle(file, checking));
}

/** The files of an unzipped bundle folder, named as inside the bundle (without the folder's own name). */
async function checkFolder(files: FileList) {
  result.textContent = 'Checking…';
  const entries = [...files].map((file) => blobEntry(file.webkitRelativePath.split('/').slice(1).join('/'), file));
  const folder = files[0]?.webkitRelativePath.split('/')[0] ?? 'folder';
  show(`${folder}/`, await verifyEntries(entries, checking));
}

const zipInput = document.getElementById('zip') as HTMLInputElement;
const folderInput = document.getElementById('folder') as HTMLInputElement;
zipInput.addEventListener('change', () => zipInput.files?.[0] && void checkZip(zipInput.files[0]));
folderInput.addEventListener('change', () => folderInput.files?.length && void checkFolder(folderInput.files));
document.addEventListener('dragover', (event) => event.preventDefault());
document.addEventListener('drop', (event) => {
  event.preventDefault();
  const file = event.dataTransfer?.files[0];
  if (file) void checkZip(file);
});
