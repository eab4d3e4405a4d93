// `npm run verify -- <bundle.zip or unzipped folder>`: checks an Exhibit evidence bundle without a
// browser. Exit code 0 only when every check passes.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { bundleFolderEntries, setAsideNote } from '../lib/bundle/bundleFolder';
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
    let checked: Awaited<ReturnType<typeof check>>;
    try {
      checked = await check(path, onTerminal ? (done, of) => process.stderr.write(`\rChecking file ${done} of ${of}…`) : undefined);
    } catch (error) {
      console.error(`FAIL ${path}: it could not be checked (${(error as Error).message})`);
      allPassed = false;
      continue;
    } finally {
      if (onTerminal) process.stderr.write('\r\x1b[K');
    }
    const { report, note } = checked;
    if (report.ok) {
      const m = report.manifest!;
      console.log(`PASS ${path}`);
      console.log(`  ${report.filesChecked} files match their SHA-256 in manifest.json and SHA256SUMS; audit chain of ${m.audit.entries} entries intact.`);
      console.log(`  ${m.captures.length} capture(s), exported ${m.exportedAtUtc} by ${m.exportedBy.name} (${m.exportedBy.school}).`);
      console.log(`  Manifest signed by the key with fingerprint ${report.signedBy}.`);
    } else {
      allPassed = false;
      console.log(`FAIL ${path}: ${report.failures.length} problem(s)`);
      for (const failure of report.failures) console.log(`  - ${failure}`);
    }
    if (note) console.log(`  ${note}`);
  }
  return allPassed ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
