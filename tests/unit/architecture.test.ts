import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering README's "House rules" describe, machine-checked: ESLint keeps the browser, React and
// the entrypoints where they belong (eslint.config.mjs); this keeps the folders from leaning on each
// other in a circle, which no lint rule sees across files.

const ROOT = normalize(join(import.meta.dirname, '../..'));
const SOURCE_FOLDERS = ['lib', 'components', 'entrypoints'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !path.endsWith('.d.ts'))
    .map((path) => join(folder, path));
}

/** The folder a file belongs to for layering: lib/<area>, components, or entrypoints. */
function layerOf(path: string): string {
  const [top, area] = path.split('/');
  return top === 'lib' && area && !/\.tsx?$/.test(area) ? `lib/${area}` : (top ?? path);
}

/** Modules a file imports at run time: `import type` and `export type` bring in nothing. */
export function runtimeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gms)) {
    if (!match[1] && match[2]) found.push(match[2]);
  }
  return found;
}

function resolvedPath(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('@/')) return specifier.slice(2);
  if (specifier.startsWith('.')) return relative(ROOT, join(ROOT, dirname(from), specifier));
  return undefined;
}

function layerGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of SOURCE_FOLDERS.flatMap(sourceFiles)) {
    const from = layerOf(file);
    for (const specifier of runtimeImports(readFileSync(join(ROOT, file), 'utf8'))) {
      const target = resolvedPath(file, specifier);
      if (!target || !SOURCE_FOLDERS.some((folder) => target.startsWith(`${folder}/`))) continue;
      const to = layerOf(target);
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Every cycle of folders, each as the path that closes it. */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) found.add([...path.slice(at), next].join(' → '));
      else visit(next, [...path, next]);
    }
  };
  for (const node of graph.keys()) visit(node, [node]);
  return [...found];
}

describe('the layers (issue #16)', () => {
  it('reads only run-time imports', () => {
    expect(
      runtimeImports(
        "import type { A } from './a';\nimport { b, type C } from '../b';\nexport type { D } from './d';\nexport * from './e';\nimport './f.css';",
      ),
    ).toEqual(['../b', './e', './f.css']);
    expect(
      cycles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['a'])],
        ]),
      ),
    ).toContain('a → b → a');
  });

  it('no folder imports another in a cycle at run time', () => {
    const graph = layerGraph();
    expect(graph.get('lib/store')).toContain('lib/audit'); // the graph is the real one
    expect(cycles(graph)).toEqual([]);
  });
});
