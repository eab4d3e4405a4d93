import { parseFingerprint } from '../signing';
import { describeCheck, folderCheck, runCheck, zipCheck, type CheckWords, type NamedCheck } from '../verdict';
import { required } from '../../required';

/**
 * verify.html's script (issue #5): the recipient drops the bundle zip, or picks the unzipped folder,
 * and the same verifier as `npm run verify` says what passed and what did not. Bundled into the page
 * itself by scripts/verifyHtml.ts, so it runs from file:// with no install and no network.
 */
const result = required(document.getElementById('result'), 'the page’s result area');

function show({ tone, heading, lines, note }: CheckWords) {
  result.replaceChildren();
  result.className = tone === 'stopped' ? '' : tone;
  if (lines.length === 0) {
    result.textContent = heading;
    return;
  }
  result.append(Object.assign(document.createElement('h2'), { textContent: heading }));
  const list = document.createElement('ul');
  for (const line of lines) list.append(Object.assign(document.createElement('li'), { textContent: line }));
  result.append(list);
  if (note) result.append(Object.assign(document.createElement('p'), { textContent: note }));
}

function say(line: string) {
  result.className = '';
  result.textContent = line;
}

const cancel = document.getElementById('cancel') as HTMLButtonElement;
let running: AbortController | undefined;
cancel.addEventListener('click', () => running?.abort());

/**
 * Runs one check at a time (choosing another bundle stops the one before), saying how far it has
 * got: a bundle of gigabytes takes a while in a browser.
 */
async function run({ name, check, note }: NamedCheck) {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const current = () => running === controller;
  say('Checking…');
  cancel.hidden = false;
  const outcome = await runCheck(
    check,
    (checked, of) => current() && say(`Checking file ${checked} of ${of}…`),
    controller.signal,
  );
  if (!current()) return;
  show(describeCheck(name, outcome, note));
  running = undefined;
  cancel.hidden = true;
}

const zipInput = document.getElementById('zip') as HTMLInputElement;
const folderInput = document.getElementById('folder') as HTMLInputElement;
const keyInput = document.getElementById('key') as HTMLInputElement;

/** The key a bundle must be signed by, as typed; a check does not start on a fingerprint that cannot be read. */
function withKey(start: (key: string | undefined) => NamedCheck | Promise<NamedCheck>): void {
  const typed = keyInput.value.trim();
  const key = typed ? parseFingerprint(typed) : undefined;
  keyInput.setAttribute('aria-invalid', String(Boolean(typed) && !key));
  if (typed && !key) {
    show({
      tone: 'fail',
      heading:
        'The signing key fingerprint is not 64 hexadecimal digits: correct it, or leave it empty, and choose the bundle again.',
      lines: [],
    });
    return;
  }
  const started = start(key);
  if (started instanceof Promise) void started.then(run);
  else void run(started);
}
zipInput.addEventListener('change', () => {
  const file = zipInput.files?.[0];
  if (file) withKey((key) => zipCheck(file, key));
});
folderInput.addEventListener('change', () => {
  const files = folderInput.files;
  if (files?.length) withKey((key) => folderCheck(files, key));
});
document.addEventListener('dragover', (event) => event.preventDefault());
document.addEventListener('drop', (event) => {
  event.preventDefault();
  const file = event.dataTransfer?.files[0];
  if (file) withKey((key) => zipCheck(file, key));
});
