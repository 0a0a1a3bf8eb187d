/**
 * @module
 * What `npm start` has already loaded into a local state, by content hash: a file loaded before
 * with the same content is not loaded again (a second start must not overwrite what providers and
 * operators wrote since), a changed file is. The log lives inside wrangler dev's state folder, so a
 * fresh local store loads everything again.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export class LoadedLog {
  private readonly path: string;
  private readonly done: Record<string, string>;

  constructor(path: string) {
    this.path = path;
    this.done = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, string>) : {};
  }

  /**
   * Calls `load` for the file unless this exact content was loaded before; records it once `load`
   * resolves (a load that throws is tried again at the next start). True when it was loaded now.
   */
  async loadOnce(name: string, bytes: Uint8Array, load: () => Promise<void>): Promise<boolean> {
    const hash = createHash("sha256").update(bytes).digest("hex");
    if (this.done[name] === hash) return false;
    await load();
    this.done[name] = hash;
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, JSON.stringify(this.done, null, 2) + "\n");
    return true;
  }
}
