// Vite's `?raw` suffix: a file's text, for reading the real data in ../shared from tests.
declare module "*?raw" {
  const text: string;
  export default text;
}
