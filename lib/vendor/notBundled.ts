// Stands in for jsPDF's optional SVG and HTML helpers (canvg, DOMPurify; html2canvas in report.pdf's
// worker), which report.pdf never uses: left out so the extension ships no eval-based polyfills
// (web-ext lint: DANGEROUS_EVAL).
export default undefined;
