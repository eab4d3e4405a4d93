/**
 * Pages no extension may read or capture: the browser's own pages, other extensions, the add-on
 * stores and the built-in PDF viewer. Checked first so the staff member gets a plain answer
 * instead of the browser's "Cannot access contents of url" (issue #2, "Must also hold").
 */
const RESTRICTED_SCHEMES = [
  'chrome:',
  'chrome-extension:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'about:',
  'moz-extension:',
  'view-source:',
  'resource:',
  'data:',
  'file:',
];
const STORE_HOSTS = [
  'chromewebstore.google.com',
  'chrome.google.com',
  'microsoftedge.microsoft.com',
  'addons.mozilla.org',
];

export const FORBIDDEN_PAGE_MESSAGE =
  'The browser does not let extensions capture this page (its own settings pages, the extension stores, PDF files and local files are protected). Open the post on the website itself and try again. Nothing was saved.';

export function isRestrictedPage(url: string | undefined): boolean {
  if (!url) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (RESTRICTED_SCHEMES.includes(parsed.protocol)) return true;
  if (
    STORE_HOSTS.includes(parsed.hostname) &&
    (parsed.hostname !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'))
  )
    return true;
  return /\.pdf$/i.test(parsed.pathname);
}

/** The browser's own wording when it refuses, for pages the URL alone does not give away. */
export function isBrowserRefusal(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /cannot access|cannot be scripted|missing host permission|extensions gallery|chrome:\/\/|permission to access|Missing activeTab/i.test(
    message,
  );
}
