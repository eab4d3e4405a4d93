// Node module hooks for scripts run with tsx that reach the bundle exporter (the benchmark's hostile
// inputs start from a real bundle): `virtual:verify-html`, which Vite's plugin gives the extension
// and Vitest, is the same page, built once by the caller and handed over as `data.verifyHtml`.
let verifyHtml = '';

export function initialize(data) {
  verifyHtml = data.verifyHtml;
}

export async function resolve(specifier, context, next) {
  if (specifier === 'virtual:verify-html')
    return {
      url: `data:text/javascript,${encodeURIComponent(`export default ${JSON.stringify(verifyHtml)};`)}`,
      shortCircuit: true,
    };
  return next(specifier, context);
}
