/**
 * @module
 * A seed file of corridors/ as the admin API calls that load it. `npm start` sends them to the
 * local worker and the tests send them to workerd, so the seed goes through the same validation
 * and the same ledger as any provider's write. Dependency-free: Node runs it as it is.
 */

export interface SeedFile {
  corridor: string;
  sample: boolean;
  description: string;
  source: string;
  rates: { base: string; quote: string; rate: string; asOf: string; source: string }[];
  providers: { id: string; provider: unknown; products: unknown[] }[];
}

export interface SeedRequest {
  method: "PUT";
  path: string;
  body: unknown;
}

export function seedRequests(file: SeedFile): SeedRequest[] {
  return [
    ...file.rates.map((r) => ({ method: "PUT" as const, path: `/v1/admin/rates/${r.base}/${r.quote}`, body: { rate: r.rate, asOf: r.asOf, source: r.source } })),
    ...file.providers.map((p) => ({
      method: "PUT" as const,
      path: `/v1/admin/corridors/${file.corridor}/quotes/${p.id}`,
      body: { provider: p.provider, products: p.products },
    })),
  ];
}
