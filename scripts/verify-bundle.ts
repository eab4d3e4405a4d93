// `npm run verify -- <bundle.zip or unzipped folder>`: checks an Exhibit evidence bundle without a
// browser. Exit code 0 only when every check passes.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { bundleFolderEntries, setAsideNote } from '../lib/bundle/bundleFolder';
import { describeCheck } from '../lib/bundle/verdict';
import { verifyBundle, verifyEntries, type VerifyProgress, type VerifyReport } from '../lib/bundle/verify';
import { fileBlob } from './fileBlob';

/** A bundle zip, or the folder it was unzipped to (as verify.html's folder choice). */
async function check(path: string, onProgress?: VerifyProgress): Promise<{ report: VerifyReport; note?: string }> {
  if (!(await stat(path)).isDirectory()) return { report: await verifyBundle(await fileBlob(path), onProgress) }; // lazily read at 64-bit offsets: never loaded whole
  const found = await readdir(path, { recursive: true, withFileTypes: true });
  const files = await Promise.all(
    found.filter((f) => f.isFile()).map(async (f) => ({ path: relative(path, join(f.parentPath, f.name)).split(sep).join('/'), blob: await fileBlob(join(f.parentPath, f.name)) })),
  );
  const { entries, setAside } = bundleFolderEntries(files);
  return { report: await verifyEntries(entries, onProgress), note: setAsideNote(setAside) };
}

async function main(paths: string[]): Promise<number> {
  if (paths.length === 0) {
    console.error('Usage: npm run verify -- <bundle.zip or unzipped bundle folder> […]');
    return 2;
  }
  let allPassed = true;
  for (const path of paths) {
    // A bundle of gigabytes takes a while: on a terminal, say how far the check has got (on one line, cleared after).
    const onTerminal = process.stderr.isTTY === true;
    let words;
    try {
      const { report, note } = await check(path, onTerminal ? (done, of) => process.stderr.write(`\rChecking file ${done} of ${of}…`) : undefined);
      words = describeCheck(path, { report }, note);
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
