import { extractorFor, findPost } from '@/lib/extract';

// Injected by the popup when it opens (scripting.executeScript with files), never declared for any
// site. It reads which post a capture of the page as it stands would be about, changing nothing, so
// the popup can say before the capture when no one post can be told apart.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: () => findPost(document, extractorFor(location.href)).foundBy,
});
