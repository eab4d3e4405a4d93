// `npm run verify -- [--key <fingerprint>] <bundle.zip or unzipped folder> […]`: checks an Exhibit
// evidence bundle without a browser. Exit code 0 only when every check passes (and, with --key,
// the manifest is signed by that key).
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { bundleFolderEntries, setAsideNote } from '../lib/bundle/bundleFolder';
import { parseFingerprint } from '../lib/bundle/signing';
import { describeCheck } from '../lib/bundle/verdict';
import {
  verifyBundle,
  verifyEntries,
  withExpectedSigner,
  withProblems,
  type VerifyProgress,
  type VerifyReport,
} from '../lib/bundle/verify';
import { fileBlob } from './fileBlob';

const USAGE = 'Usage: npm run verify -- [--key <signing key fingerprint>] <bundle.zip or unzipped bundle folder> […]';

/** A bundle zip, or the folder it was unzipped to (as verify.html's folder choice). */
async function check(path: string, onProgress?: VerifyProgress): Promise<{ report: VerifyReport; note?: string }> {
  if (!(await stat(path)).isDirectory()) return { report: await verifyBundle(await fileBlob(path), onProgress) }; // lazily read at 64-bit offsets: never loaded whole
  const found = await readdir(path, { recursive: true, withFileTypes: true });
  const inBundle = (f: (typeof found)[number]) => relative(path, join(f.parentPath, f.name)).split(sep).join('/');
  const files = await Promise.all(
    found
      .filter((f) => f.isFile())
      .map(async (f) => ({ path: inBundle(f), blob: await fileBlob(join(f.parentPath, f.name)) })),
  );
  const { entries, setAside } = await bundleFolderEntries(files);
  const report = await verifyEntries(entries, onProgress);
  // A link could stand for a file or folder outside the bundle: a bundle holds only files (issue #15).
  const links = found
    .filter((f) => f.isSymbolicLink() || !(f.isFile() || f.isDirectory()))
    .map((f) => `${inBundle(f)} is a link or special file, not a file of the bundle`);
  return { report: withProblems(report, links), note: setAsideNote(setAside) };
}

/** The paths to check and the key they must be signed by, or a usage problem. */
function parseArguments(args: string[]): { paths: string[]; key?: string } | { problem: string } {
  const paths: string[] = [];
  let key: string | undefined;
  const rest = [...args];
  for (let arg = rest.shift(); arg !== undefined; arg = rest.shift()) {
    if (arg !== '--key' && !arg.startsWith('--key=')) {
      paths.push(arg);
      continue;
    }
    const given = arg === '--key' ? rest.shift() : arg.slice('--key='.length);
    key = given === undefined ? undefined : parseFingerprint(given);
    if (!key)
      return {
        problem:
          '--key needs the signing key’s fingerprint: 64 hexadecimal digits, spaces between groups allowed (quote it).',
      };
  }
  return paths.length ? { paths, key } : { problem: USAGE };
}

async function main(args: string[]): Promise<number> {
  const parsed = parseArguments(args);
  if ('problem' in parsed) {
    console.error(parsed.problem);
    return 2;
  }
  let allPassed = true;
  for (const path of parsed.paths) {
    // A bundle of gigabytes takes a while: on a terminal, say how far the check has got (on one line, cleared after).
    const onTerminal = process.stderr.isTTY;
    let words;
    try {
      const { report, note } = await check(
        path,
        onTerminal ? (done, of) => process.stderr.write(`\rChecking file ${done} of ${of}…`) : undefined,
      );
      words = describeCheck(path, { report: withExpectedSigner(report, parsed.key) }, note);
      if (parsed.key && words.tone === 'pass') words.lines.push('It is the key given with --key.');
    } catch (error) {
      words = describeCheck(path, { error });
    } finally {
      if (onTerminal) process.stderr.write('\r\x1b[K');
    }
    if (words.tone !== 'pass') allPassed = false;
    console.log(words.heading);
    for (const line of words.lines) console.log(`  - ${line}`);
    if (words.note) console.log(`  ${words.note}`);
  }
  return allPassed ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
