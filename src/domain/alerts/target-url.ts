/**
 * @module
 * Which webhook URLs the service may call. A Worker cannot see what a host name resolves to, so
 * this refuses what it can see: anything but https (plain http only to loopback, and only in local
 * development), credentials in the URL, literal private, loopback, link-local or otherwise
 * non-public IP addresses, and host names that name the local machine or a private zone. Redirects
 * are never followed (the consumer fetches with `redirect: "manual"`), so a public host cannot
 * bounce a delivery inward.
 */

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

export interface UrlPolicy {
  /** Local development (`npm start`): plain http to a loopback address is allowed. */
  localDev: boolean;
}

/** The worker's ALERTS_LOCAL_DEV setting: "true" only under `npm start` (docs/alerts.md). */
export const localDevFlag = (raw: string | undefined): boolean => raw === "true";

const MAX_URL_LENGTH = 2048;

/** Host names that point inward whatever DNS says, or are reserved for private use. */
const INTERNAL_NAME = /(^|\.)(localhost|localdomain|local|internal|intranet|lan|home\.arpa|corp|private|test|invalid|example)$/i;

function ipv4Octets(host: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

/** Not a public unicast IPv4 address: this network, private, CGNAT, loopback, link-local, benchmarking, multicast, reserved. */
function nonPublicIpv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && (b === 168 || b === 0)) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

/** The URL parser has already normalised the address inside the brackets. */
function nonPublicIpv6(host: string): boolean {
  const h = host.slice(1, -1).toLowerCase();
  if (h === "::" || h === "::1") return true;
  // IPv4-mapped (::ffff:a.b.c.d, written by the parser as ::ffff:xxxx:xxxx): judge the IPv4 address.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16);
    const lo = parseInt(mapped[2]!, 16);
    return nonPublicIpv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  // Unique local fc00::/7, link-local fe80::/10, site-local fec0::/10, multicast ff00::/8, NAT64 and
  // other embeddings of IPv4 (64:ff9b::/96, ::a.b.c.d), documentation 2001:db8::/32.
  return /^(f[c-d]|fe[89ab]|fe[c-f]|ff)/.test(h) || h.startsWith("64:ff9b:") || h.startsWith("::") || h.startsWith("2001:db8:");
}

function isLoopback(host: string): boolean {
  const v4 = ipv4Octets(host);
  return (v4 !== undefined && v4[0] === 127) || host === "[::1]" || host === "localhost";
}

export function checkTargetUrl(raw: string, policy: UrlPolicy): UrlCheck {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, reason: `must be at most ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "is not an absolute URL" };
  }
  if (url.username || url.password) return { ok: false, reason: "must not carry credentials" };
  const host = url.hostname.replace(/\.$/, "");
  if (url.protocol === "http:") {
    if (policy.localDev && isLoopback(host)) return { ok: true, url };
    return { ok: false, reason: policy.localDev ? "must be https (http only to 127.0.0.1, [::1] or localhost)" : "must be https" };
  }
  if (url.protocol !== "https:") return { ok: false, reason: "must be https" };
  if (policy.localDev && isLoopback(host)) return { ok: true, url };
  const v4 = ipv4Octets(host);
  if (v4 ? nonPublicIpv4(v4) : host.startsWith("[") ? nonPublicIpv6(host) : false) {
    return { ok: false, reason: `must not point to a private, loopback or link-local address (${host})` };
  }
  if (!v4 && !host.startsWith("[") && (!host.includes(".") || INTERNAL_NAME.test(host))) {
    return { ok: false, reason: `must name a public host (${host} is local or reserved)` };
  }
  return { ok: true, url };
}
