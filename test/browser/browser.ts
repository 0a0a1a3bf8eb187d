/**
 * Which Chromium the browser tests drive: `CHROMIUM_PATH` when set, else the system's
 * (/usr/bin/chromium, Debian's package). Every browser test launches through here, so the choice
 * of browser lives in one place.
 */
import { access, constants } from "node:fs/promises";

export type Browser = { executablePath: string; args: string[]; from: string };

const COMMON = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const SYSTEM = "/usr/bin/chromium";

async function executable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

export async function findChromium(): Promise<Browser> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) return { executablePath: chosen, args: COMMON, from: "CHROMIUM_PATH" };
  if (await executable(SYSTEM)) return { executablePath: SYSTEM, args: COMMON, from: SYSTEM };
  throw new Error(`no Chromium: install Debian's chromium (${SYSTEM}) or set CHROMIUM_PATH`);
}
