// The bench's `hostile` part (issue #15): `npm run verify` on each hostile input of the review,
// built here from a genuine bundle, timed from start to exit with its peak memory. Method and
// results: docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildVerifyHtml } from './verifyHtml';

export interface HostileMeasure {
  name: string;
  zipBytes: number;
  ms: number;
  maxRssMiB: number;
  exitCode: number;
  verdict: string;
}

/** One run of the CLI on `path`, in a process of its own, as a person runs it. */
function runCli(path: string): Omit<HostileMeasure, 'name' | 'zipBytes'> {
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', './scripts/reportUsage.mjs', 'scripts/verify-bundle.ts', path],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  const ms = performance.now() - start;
  const usage = /exhibit-bench-usage (\{.*\})/.exec(run.stderr)?.[1];
  if (!usage) throw new Error(`The verifier did not report its memory: ${run.stderr.slice(-500)}`);
  const lines = run.stdout.split('\n');
  const verdict = lines.slice(0, 2).join(' ').replace(path, 'input.zip').replace(/\s+/g, ' ').trim();
  return {
    ms,
    maxRssMiB: (JSON.parse(usage) as { maxRssKiB: number }).maxRssKiB / 1024,
    exitCode: run.status ?? -1,
    verdict,
  };
}

export async function measureHostileInputs(): Promise<HostileMeasure[]> {
  // The exporter's verify.html comes from a Vite plugin; here the same page is handed to Node's loader.
  register('./virtualModules.mjs', import.meta.url, { data: { verifyHtml: await buildVerifyHtml() } });
  // @ts-expect-error: the package's types are not reachable through its "exports"; it only installs a global.
  await import('fake-indexeddb/auto');
  const { testWorld, form, STAFF } = await import('../tests/unit/fixtures');
  const { HOSTILE_INPUTS } = await import('../tests/unit/bundle/hostileInputs');
  const world = await testWorld();
  const { metadata } = await world.capture.captureTab(1, 'visible', form());
  const genuine = (await world.exporter.exportBundle({ captureIds: [metadata.id], exportedBy: STAFF })).zip;

  const folder = mkdtempSync(join(tmpdir(), 'exhibit-hostile-'));
  const measures: HostileMeasure[] = [];
  try {
    const inputs: [string, () => Promise<Blob>][] = [
      ['the genuine one-capture bundle the others start from (for comparison)', () => Promise.resolve(genuine)],
      ...Object.values(HOSTILE_INPUTS).map((input): [string, () => Promise<Blob>] => [
        input.name,
        () => input.build(genuine),
      ]),
    ];
    for (const [index, [name, build]] of inputs.entries()) {
      const zip = await build();
      const path = join(folder, `input-${index}.zip`);
      writeFileSync(path, new Uint8Array(await zip.arrayBuffer()));
      measures.push({ name, zipBytes: zip.size, ...runCli(path) });
      rmSync(path);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return measures;
}
