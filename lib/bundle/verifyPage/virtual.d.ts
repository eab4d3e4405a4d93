/** verify.html as a string, made at build time by scripts/verifyHtml.ts. */
declare module 'virtual:verify-html' {
  const html: string;
  export default html;
}
