// `npm run verify -- <bundle.zip>`: checks an Exhibit evidence bundle without a browser.
// Exit code 0 only when every check passes.
import { verifyBundle } from '../lib/bundle/verify';
import { fileBlob } from './fileBlob';

async function main(paths: string[]): Promise<number> {
  if (paths.length === 0) {
    console.error('Usage: npm run verify -- <bundle.zip> [more.zip …]');
    return 2;
  }
  let allPassed = true;
  for (const path of paths) {
    let blob: Blob;
    try {
      blob = await fileBlob(path); // lazily read at 64-bit offsets: the zip is never loaded whole
    } catch (error) {
      console.error(`FAIL ${path}: cannot open the file (${(error as Error).message})`);
      allPassed = false;
      continue;
    }
    // A bundle of gigabytes takes a while: on a terminal, say how far the check has got (on one line, cleared after).
    const onTerminal = process.stderr.isTTY === true;
    const report = await verifyBundle(blob, onTerminal ? (checked, of) => process.stderr.write(`\rChecking file ${checked} of ${of}…`) : undefined);
    if (onTerminal) process.stderr.write('\r\x1b[K');
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
  }
  return allPassed ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
