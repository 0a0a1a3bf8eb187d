/**
 * Alert subscriptions: the contract's routes, owners kept apart, every bad body a 400 naming the
 * field, SSRF targets refused, and per-owner limits.
 */
import { describe, expect, it } from "vitest";
import { MAX_SUBSCRIPTIONS_PER_OWNER } from "../../src/domain/alerts/subscription-schema.ts";
import { expectProblem, issueToken } from "../trust/helpers.ts";
import { ADMIN_TOKEN, json } from "../helpers.ts";
import { bearer, callAs, hook, partner, subscribe } from "./helpers.ts";

const collector = async () => bearer((await issueToken({ role: "collector" })).token);

const belowBody = { url: hook("crud"), events: ["quote.below_threshold"], corridors: ["USA-MEX"], amount: "200", belowPercent: "2" };

describe("alert subscriptions", () => {
  it("creates a subscription showing its whsec_ secret once, and lists and reads it without", async () => {
    const me = await partner("crud");
    const res = await callAs(me, "POST", "/v1/alerts/subscriptions", { ...belowBody, corridors: ["us-mx"] });
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created).toMatchObject({ url: belowBody.url, events: ["quote.below_threshold"], corridors: ["USA-MEX"], amount: "200", belowPercent: "2", status: "active" });
    expect(created.id).toMatch(/^sub_[0-9a-f]{24}$/);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(typeof created.createdAt).toBe("string");

    const list = await json(await callAs(me, "GET", "/v1/alerts/subscriptions"));
    expect(list.subscriptions.map((s: any) => s.id)).toEqual([created.id]);
    expect(JSON.stringify(list)).not.toContain("whsec_");
    const one = await json(await callAs(me, "GET", `/v1/alerts/subscriptions/${created.id}`));
    expect(one.secret).toBeUndefined();
    expect(one.id).toBe(created.id);
  });

  it("changes, rotates and deletes a subscription", async () => {
    const me = await partner("edit");
    const sub = await subscribe(me, belowBody);
    const patched = await callAs(me, "PATCH", `/v1/alerts/subscriptions/${sub.id}`, { belowPercent: "1.5", events: ["quote.below_threshold", "quote.stale"] });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({ belowPercent: "1.5", events: ["quote.below_threshold", "quote.stale"], amount: "200" });

    const rotated = await callAs(me, "POST", `/v1/alerts/subscriptions/${sub.id}/secret`);
    expect(rotated.status).toBe(200);
    const r = await json(rotated);
    expect(r.secret).toMatch(/^whsec_/);
    expect(r.secret).not.toBe(sub.secret);
    expect(Date.parse(r.previousSecretExpiresAt)).toBeGreaterThan(Date.now());

    expect((await callAs(me, "DELETE", `/v1/alerts/subscriptions/${sub.id}`)).status).toBe(204);
    await expectProblem(await callAs(me, "GET", `/v1/alerts/subscriptions/${sub.id}`), 404);
    await expectProblem(await callAs(me, "DELETE", `/v1/alerts/subscriptions/${sub.id}`), 404);
  });

  it("keeps owners apart: nobody reads, changes, rotates, deletes or reads the log of another's subscription", async () => {
    const alice = await partner("alice");
    const bob = await partner("bob");
    const collector = bearer((await issueToken({ role: "collector" })).token);
    const operator = bearer(ADMIN_TOKEN);
    const sub = await subscribe(alice, belowBody);
    for (const other of [bob, collector, operator]) {
      await expectProblem(await callAs(other, "GET", `/v1/alerts/subscriptions/${sub.id}`), 404);
      await expectProblem(await callAs(other, "PATCH", `/v1/alerts/subscriptions/${sub.id}`, { url: hook("stolen") }), 404);
      await expectProblem(await callAs(other, "POST", `/v1/alerts/subscriptions/${sub.id}/secret`), 404);
      await expectProblem(await callAs(other, "GET", `/v1/alerts/subscriptions/${sub.id}/deliveries`), 404);
      await expectProblem(await callAs(other, "DELETE", `/v1/alerts/subscriptions/${sub.id}`), 404);
      expect((await json(await callAs(other, "GET", "/v1/alerts/subscriptions"))).subscriptions.map((s: any) => s.id)).not.toContain(sub.id);
    }
    // Still Alice's, unchanged.
    expect(await json(await callAs(alice, "GET", `/v1/alerts/subscriptions/${sub.id}`))).toMatchObject({ url: belowBody.url });
    // A collector's and the operator's own subscriptions are theirs alone too.
    const mine = await subscribe(collector, { url: hook("collector"), events: ["statistics.published"] });
    await expectProblem(await callAs(operator, "GET", `/v1/alerts/subscriptions/${mine.id}`), 404);
    expect((await callAs(collector, "GET", `/v1/alerts/subscriptions/${mine.id}`)).status).toBe(200);
  });

  it("refuses callers without a key or token, with an unknown one, and providers", async () => {
    await expectProblem(await callAs({}, "GET", "/v1/alerts/subscriptions"), 401);
    await expectProblem(await callAs({ "x-api-key": "tenc_0123456789abcdef_" + "a".repeat(43) }, "GET", "/v1/alerts/subscriptions"), 401);
    await expectProblem(await callAs(bearer("tenc_nope"), "GET", "/v1/alerts/subscriptions"), 401);
    const provider = bearer((await issueToken({ role: "provider", providerId: "alpha" })).token);
    await expectProblem(await callAs(provider, "POST", "/v1/alerts/subscriptions", belowBody), 403);
  });

  it("answers every bad body with a 400 naming the field", async () => {
    // A collector's token: partner keys are rate-limited (8 a minute in the tests).
    const me = await collector();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...belowBody, url: undefined }, "url"],
      [{ ...belowBody, events: [] }, "events"],
      [{ ...belowBody, events: ["quote.cheaper"] }, "events.0"],
      [{ ...belowBody, events: ["quote.stale", "quote.stale"] }, "events"],
      [{ ...belowBody, corridors: ["USA-XXX"] }, "corridors.0"],
      [{ ...belowBody, corridors: ["USA-MEX", "us-mx"] }, "corridors.1"],
      [{ ...belowBody, corridors: Array.from({ length: 51 }, () => "USA-MEX") }, "corridors"],
      [{ ...belowBody, amount: undefined }, "amount"],
      [{ ...belowBody, amount: "0" }, "amount"],
      [{ ...belowBody, amount: 200 }, "amount"],
      [{ ...belowBody, belowPercent: undefined }, "belowPercent"],
      [{ ...belowBody, belowPercent: "100" }, "belowPercent"],
      [{ ...belowBody, secret: "mine" }, ""],
    ];
    for (const [body, field] of cases) {
      const problem = await expectProblem(await callAs(me, "POST", "/v1/alerts/subscriptions", body), 400);
      expect(problem.issues?.[0]?.path ?? "", JSON.stringify(body)).toBe(field);
    }
    const sub = await subscribe(me, { url: hook("bad"), events: ["quote.stale"] });
    const problem = await expectProblem(await callAs(me, "PATCH", `/v1/alerts/subscriptions/${sub.id}`, { events: ["quote.below_threshold"] }), 400);
    expect(problem.field).toBe("amount");
    await expectProblem(await callAs(me, "PATCH", `/v1/alerts/subscriptions/${sub.id}`, {}), 400);
    await expectProblem(await callAs(me, "POST", "/v1/alerts/subscriptions", "not json"), 400);
  });

  it("refuses URLs that are not https or that point inward (SSRF), naming the url field", async () => {
    const me = await collector();
    const refused = [
      "http://hooks.example.org/tenc",
      "http://127.0.0.1:9000/hook",
      "ftp://hooks.example.org/x",
      "https://127.0.0.1/hook",
      "https://2130706433/hook",
      "https://0x7f.1/hook",
      "https://10.0.0.8/hook",
      "https://172.16.5.4/hook",
      "https://192.168.1.1/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://100.64.0.1/hook",
      "https://0.0.0.0/hook",
      "https://[::1]/hook",
      "https://[fd00::1]/hook",
      "https://[fe80::1]/hook",
      "https://[::ffff:127.0.0.1]/hook",
      "https://localhost/hook",
      "https://api.localhost/hook",
      "https://metadata.google.internal/x",
      "https://printer.local/x",
      "https://intranet/x",
      "https://user:pass@hooks.example.org/x",
      "not a url",
    ];
    for (const url of refused) {
      const problem = await expectProblem(await callAs(me, "POST", "/v1/alerts/subscriptions", { url, events: ["quote.stale"] }), 400);
      expect(problem.field, url).toBe("url");
    }
    const sub = await subscribe(me, { url: "https://93.184.216.34/hook", events: ["quote.stale"] });
    const problem = await expectProblem(await callAs(me, "PATCH", `/v1/alerts/subscriptions/${sub.id}`, { url: "https://10.1.2.3/" }), 400);
    expect(problem.field).toBe("url");
  });

  it("limits the subscriptions of one owner", async () => {
    const me = await collector();
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_OWNER; i++) await subscribe(me, { url: hook(`limit${i}`), events: ["quote.stale"] });
    await expectProblem(await callAs(me, "POST", "/v1/alerts/subscriptions", { url: hook("one-more"), events: ["quote.stale"] }), 409);
    // Another owner is not affected.
    await subscribe(await collector(), { url: hook("other"), events: ["quote.stale"] });
  });
});
