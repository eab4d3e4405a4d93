import { readPage } from '@/lib/capture/pageReading';

// Injected on demand by the capture (scripting.executeScript with files), never declared for any
// site: `matches` stays empty so the manifest gains no host permission. Its return value is the reading.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: () => readPage(document),
});
