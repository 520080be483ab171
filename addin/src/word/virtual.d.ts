/** The Word bundle's address, from scripts/word-plugin.ts (`assets/word-<hash>.js`; `word.js` in dev). */
declare module 'virtual:cchc-word-script' {
  const address: string;
  export default address;
}
