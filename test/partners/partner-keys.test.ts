import { env as workerEnv } from "cloudflare:workers";
import type { Env } from "../../src/env.ts";
import { describe, expect, it } from "vitest";
import { adminCall, call, json } from "../helpers.ts";

const env = workerEnv as unknown as Env;

describe("/v1/admin/keys", () => {
  it("Should issue a key once, list it without the key, and store only its hash", async () => {
    const issued = await adminCall("POST", "/v1/admin/keys", { name: "Diaspora portal" });
    expect(issued.status).toBe(201);
    const { id, key, name, createdAt } = await json(issued);
    expect(name).toBe("Diaspora portal");
    expect(key).toMatch(new RegExp(`^tenc_${id}_[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(createdAt)).not.toBeNaN();

    const listed = await json(await adminCall("GET", "/v1/admin/keys"));
    expect(listed.keys).toContainEqual({ id, name, createdAt });
    expect(JSON.stringify(listed)).not.toContain(key);

    const stored = await env.KV.get(`partner-key:${id}`);
    expect(stored).not.toBeNull();
    expect(stored).not.toContain(key.slice(22));
  });

  it("Should accept a valid X-Api-Key and refuse a revoked one", async () => {
    const { id, key } = await json(await adminCall("POST", "/v1/admin/keys", { name: "Consulate" }));
    expect((await call("/v1/corridors", { headers: { "x-api-key": key } })).status).toBe(200);

    expect((await adminCall("DELETE", `/v1/admin/keys/${id}`)).status).toBe(204);
    const after = await call("/v1/corridors", { headers: { "x-api-key": key } });
    expect(after.status).toBe(401);
    expect(after.headers.get("content-type")).toBe("application/problem+json");
    expect((await json(after)).detail).toContain("X-Api-Key");
    expect((await adminCall("DELETE", `/v1/admin/keys/${id}`)).status).toBe(404);
  });

  it("Should refuse a made-up key, or one whose secret part was changed", async () => {
    const { key } = await json(await adminCall("POST", "/v1/admin/keys", { name: "Bank" }));
    const tampered = key.slice(0, -1) + (key.endsWith("A") ? "B" : "A");
    for (const presented of ["nonsense", tampered, "tenc_0000000000000000_" + "A".repeat(43)]) {
      expect((await call("/v1/corridors", { headers: { "x-api-key": presented } })).status, presented).toBe(401);
    }
  });

  it("Should refuse bad input with a 4xx problem naming the field", async () => {
    for (const body of [{}, { name: "" }, { name: "x".repeat(101) }, { name: "a", extra: 1 }]) {
      const res = await adminCall("POST", "/v1/admin/keys", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect((await adminCall("POST", "/v1/admin/keys", "{not json")).status).toBe(400);
    const badId = await adminCall("DELETE", "/v1/admin/keys/NOT-AN-ID");
    expect(badId.status).toBe(400);
    expect((await json(badId)).detail).toContain("id");
  });

  it("Should need the admin bearer token", async () => {
    expect((await call("/v1/admin/keys")).status).toBe(401);
    expect((await call("/v1/admin/keys", { method: "POST", headers: { authorization: "Bearer wrong", "content-type": "application/json" }, body: '{"name":"x"}' })).status).toBe(401);
  });
});
