/** Vite's `?raw` suffix: a file's text, used to read the shared data files in tests. */
declare module "*?raw" {
  const text: string;
  export default text;
}
