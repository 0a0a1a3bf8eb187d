/**
 * Which Chromium the browser tests drive: `CHROMIUM_PATH` when set, else the system's
 * (/usr/bin/chromium, Debian's package), else the build that `npm install` brings inside
 * @sparticuz/chromium (Linux x64/arm64), so a fresh machine needs no browser of its own.
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
  const { default: packaged } = await import("@sparticuz/chromium");
  // Its own flags suit a machine without a display or GPU; ours keep the browser off the network.
  return { executablePath: await packaged.executablePath(), args: [...new Set([...packaged.args, ...COMMON])], from: "@sparticuz/chromium" };
}
