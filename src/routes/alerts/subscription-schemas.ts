/**
 * @module
 * What the alerts routes answer, declared once for the routes and the OpenAPI document.
 */
import * as z from "zod/mini";
import { eventTypes } from "../../domain/alerts/events.ts";
import { createSubscriptionInput, subscriptionStatuses, updateSubscriptionInput } from "../../domain/alerts/subscription-schema.ts";
import { named } from "../../http/api-routes.ts";
import { errorResponses, problem } from "../params.ts";

export const subscriptionInput = named("AlertSubscriptionInput", createSubscriptionInput);
export const subscriptionChange = named("AlertSubscriptionChange", updateSubscriptionInput);

export const subscriptionSchema = named(
  "AlertSubscription",
  z.object({
    id: z.string().check(z.meta({ example: "sub_5c1e0f9a2b7d4e3f6a8b9c0d" })),
    url: z.string(),
    events: z.array(z.enum(eventTypes)),
    corridors: z.array(z.string()).check(z.meta({ description: "Empty: every corridor" })),
    amount: z.optional(z.string()),
    belowPercent: z.optional(z.string()),
    status: z.enum(subscriptionStatuses),
    statusReason: z.nullable(z.string()).check(z.meta({ description: "Why it is disabled, when it is" })),
    consecutiveFailures: z.int().check(z.meta({ description: "Deliveries failed in a row (each after all its retries)" })),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);

export const secretField = z.string().check(z.meta({ description: "The Standard Webhooks signing secret: shown only here", example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }));

export const deliverySchema = named(
  "AlertDelivery",
  z.object({
    eventId: z.string(),
    type: z.enum(eventTypes),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.int(),
    lastError: z.nullable(z.string()),
    createdAt: z.string(),
    deliveredAt: z.nullable(z.string()),
  }),
);

export const idParams = z.object({
  id: z.string().check(z.regex(/^sub_[0-9a-f]{24}$/, "must be a subscription id (sub_ and 24 hex digits)"), z.meta({ example: "sub_5c1e0f9a2b7d4e3f6a8b9c0d" })),
});

export const security: Record<string, string[]>[] = [{ apiKey: [] }, { bearer: [] }];

const { 404: _notOnCollection, ...common } = errorResponses;
export const alertErrors = {
  ...common,
  401: problem("No, or an unknown, X-Api-Key or bearer token"),
  403: problem("A provider token: providers cannot subscribe"),
  415: problem("The body is not JSON"),
};
export const alertItemErrors = { ...alertErrors, 404: problem("No such subscription of yours") };
