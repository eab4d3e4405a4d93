import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { required } from '../lib/required';

/**
 * verify.html, built from lib/bundle/verifyPage: the verifier module the CLI uses, bundled once into
 * one self-contained page. Used by the Vite plugin below (so the exporter can put it in every bundle)
 * and nowhere at run time.
 */
export async function buildVerifyHtml(root = new URL('..', import.meta.url).pathname): Promise<string> {
  const bundled = await build({
    entryPoints: [`${root}/lib/bundle/verifyPage/main.ts`],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
  });
  const script = required(bundled.outputFiles[0], 'esbuild’s output').text.replace(/<\/script/gi, '<\\/script');
  return readFileSync(`${root}/lib/bundle/verifyPage/page.html`, 'utf8').replace('/*VERIFY_SCRIPT*/', () => script);
}

/** `import verifyHtml from 'virtual:verify-html'` gives the page as a string. */
export function verifyHtmlPlugin() {
  const id = 'virtual:verify-html';
  return {
    name: 'exhibit-verify-html',
    resolveId: (source: string) => (source === id ? `\0${id}` : undefined),
    load: async (resolved: string) =>
      resolved === `\0${id}` ? `export default ${JSON.stringify(await buildVerifyHtml())};` : undefined,
  };
}
