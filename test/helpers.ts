/**
 * Calls the worker the way the world does: through its fetch handler, against workerd's real KV.
 */
import { exports } from "cloudflare:workers";

export const ADMIN_TOKEN = "test-admin-token";
const ORIGIN = "http://tenc.test";

export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(ORIGIN + path, init));
}

export function adminCall(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call(path, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** An hour ago: a mid that is fresh for every quote observed since, whenever the suite runs. */
export const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");

export async function putRate(base: string, quote: string, rate: string, source = "test", asOf = anHourAgo()) {
  const res = await adminCall("PUT", `/v1/admin/rates/${base}/${quote}`, { rate, asOf, source });
  if (res.status !== 200) throw new Error(`rate ${base}/${quote}: ${res.status} ${await res.text()}`);
}

export async function putProvider(corridor: string, providerId: string, body: unknown) {
  const res = await adminCall("PUT", `/v1/admin/corridors/${corridor}/quotes/${providerId}`, body);
  if (res.status !== 200) throw new Error(`provider ${providerId}: ${res.status} ${await res.text()}`);
  return json(res);
}

/** A product in the example shape; override what a test is about. */
export function product(overrides: Record<string, unknown> = {}) {
  return {
    id: "cash-pickup",
    sendCurrency: "KWD",
    receiveCurrency: "INR",
    fee: { fixed: "1.500", percent: "0.5", min: "1.000", max: "5.000", bands: [{ upTo: "100", fixed: "2.000", percent: "0" }] },
    feeMode: "on_top",
    rate: "270.1234",
    receiverFee: { amount: "0", currency: "INR" },
    payIn: "cash",
    payOut: "cash",
    speed: "less_than_1_hour",
    transparent: true,
    observedAt: "2026-11-20T10:00:00Z",
    ...overrides,
  };
}

/** A daily file of the ECB's shape, for one day. */
export const ecbDaily = (date: string) => `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
<gesmes:subject>Reference rates</gesmes:subject><gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
<Cube><Cube time='${date}'><Cube currency='USD' rate='1.0875'/><Cube currency='JPY' rate='161.20'/></Cube></Cube>
</gesmes:Envelope>`;
