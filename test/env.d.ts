// Types `exports` from cloudflare:workers as this worker's own exports.
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import("../src/index.ts");
    durableNamespaces: "CorridorLedger";
  }
}
