// The part of unzipper (exceljs's own zip reader) the CLI uses; the package ships no types.
declare module "unzipper" {
  import type { Readable } from "node:stream";
  interface Entry {
    path: string;
    uncompressedSize: number;
    stream(): Readable;
  }
  const unzipper: { Open: { file(path: string): Promise<{ files: Entry[] }> } };
  export default unzipper;
}
