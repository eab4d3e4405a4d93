// Stands in for jsPDF's optional SVG and HTML helpers (canvg, DOMPurify), which report.pdf never
// uses: left out so the extension ships no eval-based polyfills (web-ext lint: DANGEROUS_EVAL).
export default undefined;
