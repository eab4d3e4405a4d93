import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs the real CLI, as a recipient would: `npm run verify -- <zip>`. */
export async function verifyWithCli(zipPath: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/verify-bundle.ts', zipPath]);
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

/** Flips one byte inside the stored (uncompressed) data of `entryName` in a zip file's bytes. */
export function flipByteInEntry(zip: Buffer, entryName: string, offsetInData = 100): Buffer {
  const copy = Buffer.from(zip);
  const nameAt = copy.indexOf(Buffer.from(entryName));
  const headerAt = nameAt - 30;
  if (nameAt < 30 || copy.readUInt32LE(headerAt) !== 0x04034b50) throw new Error(`no local header for ${entryName}`);
  const dataAt = nameAt + copy.readUInt16LE(headerAt + 26) + copy.readUInt16LE(headerAt + 28);
  copy[dataAt + offsetInData]! ^= 0xff;
  return copy;
}

/** Waits for the exported zip to land in the browser's download folder. */
export async function waitForBundle(dir: string, timeoutMs = 15_000): Promise<string> {
  for (const start = Date.now(); Date.now() - start < timeoutMs; await new Promise((r) => setTimeout(r, 100))) {
    const zip = readdirSync(dir).find((f) => f.endsWith('.zip'));
    if (zip) return join(dir, zip);
  }
  throw new Error(`no bundle appeared in ${dir}`);
}
