/**
 * The page's DOM as HTML at the moment of capture, for browsers without MHTML (Firefox). Runs in the
 * page through scripting.executeScript, so it is self-contained. Two things are added at the top of
 * <head>, and said so in a comment: a <base> with the document's computed base URL, so relative links
 * resolve when the file is opened later, and a CSP that stops the page's scripts running then.
 */
export function snapshotDom(): { html: string; baseUrl: string } {
  const baseUrl = document.baseURI;
  const clone = document.documentElement.cloneNode(true) as HTMLElement;
  const head = clone.querySelector('head') ?? clone.insertBefore(document.createElement('head'), clone.firstChild);
  const csp = document.createElement('meta');
  csp.httpEquiv = 'Content-Security-Policy';
  csp.content = "script-src 'none'; connect-src 'none'; frame-src 'none'";
  const base = document.createElement('base');
  base.href = baseUrl;
  const note = document.createComment(
    ` Exhibit DOM snapshot of ${baseUrl.replace(/--/g, '- -')}: <base> and script-blocking CSP added by Exhibit `,
  );
  head.prepend(note, base, csp);
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>\n` : '';
  return { html: doctype + clone.outerHTML, baseUrl };
}
