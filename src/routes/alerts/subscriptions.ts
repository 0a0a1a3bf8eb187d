/**
 * @module
 * `/v1/alerts/subscriptions`: a partner or an operator/collector token holder subscribes a URL to
 * events, reads and changes its own subscriptions, rotates a signing secret and reads the delivery
 * log. Every call names its owner (alerts-owner.ts); the hub answers only within that owner's.
 */
import * as z from "zod/mini";
import { canonicalCorridors } from "../../domain/alerts/subscription-schema.ts";
import { checkTargetUrl, localDevFlag } from "../../domain/alerts/target-url.ts";
import { alertsOwner } from "../../http/alerts-owner.ts";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import { showsSecret } from "../../http/idempotency.ts";
import { ApiError, badRequest, notFound } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import type { HubResult } from "../../store/alerts-hub.ts";
import { problem } from "../params.ts";
import { alertErrors, alertItemErrors, deliverySchema, idParams, secretField, security, subscriptionChange, subscriptionInput, subscriptionSchema } from "./subscription-schemas.ts";

const PATH = "/v1/alerts/subscriptions";
const tags = ["alerts"];

const createRoute = defineRoute({
  method: "post",
  path: PATH,
  tags,
  summary: "Subscribe a URL to events (the signing secret is shown once)",
  description: "Events are POSTed as JSON, signed per the Standard Webhooks specification (`webhook-id`, `webhook-timestamp`, `webhook-signature`).",
  security,
  request: { body: { required: true, content: { "application/json": { schema: subscriptionInput } } } },
  responses: {
    201: { description: "Subscribed: `secret` is not shown again", content: { "application/json": { schema: z.extend(subscriptionSchema, { secret: secretField }) } } },
    409: problem("The owner has as many subscriptions as allowed"),
    ...alertErrors,
  },
});

const listRoute = defineRoute({
  method: "get",
  path: PATH,
  tags,
  summary: "Your subscriptions (without their secrets)",
  security,
  responses: { 200: { description: "Every subscription of the caller", content: { "application/json": { schema: z.object({ subscriptions: z.array(subscriptionSchema) }) } } }, ...alertErrors },
});

const getRoute = defineRoute({
  method: "get",
  path: `${PATH}/{id}`,
  tags,
  summary: "One of your subscriptions",
  security,
  request: { params: idParams },
  responses: { 200: { description: "The subscription", content: { "application/json": { schema: subscriptionSchema } } }, ...alertItemErrors },
});

const updateRoute = defineRoute({
  method: "patch",
  path: `${PATH}/{id}`,
  tags,
  summary: "Change a subscription (`status: \"active\"` resumes a disabled one)",
  security,
  request: { params: idParams, body: { required: true, content: { "application/json": { schema: subscriptionChange } } } },
  responses: { 200: { description: "The subscription as changed", content: { "application/json": { schema: subscriptionSchema } } }, ...alertItemErrors },
});

const deleteRoute = defineRoute({
  method: "delete",
  path: `${PATH}/{id}`,
  tags,
  summary: "Delete a subscription and its delivery log",
  security,
  request: { params: idParams },
  responses: { 204: { description: "Deleted" }, ...alertItemErrors },
});

const rotateRoute = defineRoute({
  method: "post",
  path: `${PATH}/{id}/secret`,
  tags,
  summary: "Rotate the signing secret (the old one keeps signing beside it for 24 hours)",
  security,
  request: { params: idParams },
  responses: {
    200: {
      description: "The new secret, shown once",
      content: { "application/json": { schema: z.object({ id: z.string(), secret: secretField, previousSecretExpiresAt: z.string() }) } },
    },
    ...alertItemErrors,
  },
});

const deliveriesRoute = defineRoute({
  method: "get",
  path: `${PATH}/{id}/deliveries`,
  tags,
  summary: "The delivery log of a subscription, newest first (at most 100)",
  security,
  request: { params: idParams },
  responses: { 200: { description: "The deliveries", content: { "application/json": { schema: z.object({ deliveries: z.array(deliverySchema) }) } } }, ...alertItemErrors },
});

/** The URL as the policy allows it, or a 400 naming the field. */
function targetUrl(raw: string, localDevSetting: string | undefined): string {
  const checked = checkTargetUrl(raw, { localDev: localDevFlag(localDevSetting) });
  if (!checked.ok) throw badRequest(`body field 'url' ${checked.reason}`, { field: "url" });
  return checked.url.href;
}

function settled<T>(result: HubResult<T>): T {
  if (result.ok) return result.value;
  if (result.status === 400) throw badRequest(result.reason, result.field ? { field: result.field } : {});
  if (result.status === 404) throw notFound(result.reason);
  throw new ApiError(409, "limit", "Over the limit", result.reason);
}

export function registerAlertRoutes(app: ApiApp<AppEnv>) {
  app.use(`${PATH}`, alertsOwner);
  app.use(`${PATH}/*`, alertsOwner);

  app.openapi(createRoute, async (c) => {
    const body = c.req.valid("json");
    const { alerts, now } = c.var.services;
    const input = { url: targetUrl(body.url, c.env.ALERTS_LOCAL_DEV), events: body.events, corridors: canonicalCorridors(body.corridors), amount: body.amount, belowPercent: body.belowPercent };
    const created = settled(await alerts().create(c.var.owner!, input, now().toISOString()));
    showsSecret(c);
    return c.json(created, 201);
  });

  app.openapi(listRoute, async (c) => c.json({ subscriptions: await c.var.services.alerts().list(c.var.owner!) }, 200));

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    const sub = await c.var.services.alerts().get(c.var.owner!, id);
    if (!sub) throw notFound(`no subscription ${id}`);
    return c.json(sub, 200);
  });

  app.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { alerts, now } = c.var.services;
    const change = {
      ...body,
      ...(body.url !== undefined ? { url: targetUrl(body.url, c.env.ALERTS_LOCAL_DEV) } : {}),
      ...(body.corridors !== undefined ? { corridors: canonicalCorridors(body.corridors) } : {}),
    };
    return c.json(settled(await alerts().update(c.var.owner!, id, change, now().toISOString())), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await c.var.services.alerts().remove(c.var.owner!, id))) throw notFound(`no subscription ${id}`);
    return c.body(null, 204);
  });

  app.openapi(rotateRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { alerts, now } = c.var.services;
    const rotated = await alerts().rotateSecret(c.var.owner!, id, now());
    if (!rotated) throw notFound(`no subscription ${id}`);
    showsSecret(c);
    return c.json({ id, ...rotated }, 200);
  });

  app.openapi(deliveriesRoute, async (c) => {
    const { id } = c.req.valid("param");
    const deliveries = await c.var.services.alerts().deliveries(c.var.owner!, id);
    if (!deliveries) throw notFound(`no subscription ${id}`);
    return c.json({ deliveries }, 200);
  });
}
