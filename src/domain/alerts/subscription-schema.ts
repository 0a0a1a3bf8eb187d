/**
 * @module
 * The bodies of the subscription routes, and the limits every owner lives within.
 */
import * as z from "zod/mini";
import { parseCorridorId } from "../countries.ts";
import { percentString, positiveDecimalString } from "../schemas.ts";
import { eventTypes } from "./events.ts";

/** Per owner: enough for any real integration, few enough that one owner cannot flood the delivery queue. */
export const MAX_SUBSCRIPTIONS_PER_OWNER = 20;
export const MAX_CORRIDORS_PER_SUBSCRIPTION = 50;

export const subscriptionStatuses = ["active", "disabled"] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

const url = z.string().check(z.minLength(1), z.maxLength(2048), z.meta({ description: "Where events are POSTed: https (plain http to loopback only in local development)", example: "https://hooks.example.org/tenc" }));
const events = z.array(z.enum(eventTypes)).check(
  z.minLength(1),
  z.maxLength(eventTypes.length),
  z.refine((list) => new Set(list).size === list.length, "must not name an event twice"),
);
const corridors = z.array(z.string().check(z.maxLength(20))).check(
  z.maxLength(MAX_CORRIDORS_PER_SUBSCRIPTION),
  z.superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((raw, i) => {
      const parsed = parseCorridorId(raw);
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: [i], message: parsed.reason, input: raw });
      else if (seen.has(parsed.corridor.id)) ctx.addIssue({ code: "custom", path: [i], message: `corridor ${parsed.corridor.id} is named twice`, input: raw });
      else seen.add(parsed.corridor.id);
    });
  }),
  z.meta({ description: "Only these corridors (SRC-DST); absent or empty: every corridor", example: ["USA-MEX"] }),
);
const amount = positiveDecimalString.check(z.meta({ description: "quote.below_threshold: the send amount, in the corridor's main send currency", example: "200" }));
const belowPercent = percentString.check(z.meta({ description: "quote.below_threshold: an option's total cost % must fall below this", example: "2" }));

/** quote.below_threshold needs both its amount and its threshold (a change is checked against the merged subscription by the hub). */
export function missingBelowThresholdField(body: { events?: readonly string[]; amount?: string; belowPercent?: string }): "amount" | "belowPercent" | undefined {
  if (!body.events?.includes("quote.below_threshold")) return undefined;
  return body.amount === undefined ? "amount" : body.belowPercent === undefined ? "belowPercent" : undefined;
}

/** Body of `POST /v1/alerts/subscriptions`. */
export const createSubscriptionInput = z
  .strictObject({ url, events, corridors: z.optional(corridors), amount: z.optional(amount), belowPercent: z.optional(belowPercent) })
  .check(
    z.superRefine((body, ctx) => {
      const field = missingBelowThresholdField(body);
      if (field) ctx.addIssue({ code: "custom", path: [field], message: `${field} is required with quote.below_threshold`, input: body[field] });
    }),
  );
export type CreateSubscriptionInput = z.output<typeof createSubscriptionInput>;

/** Body of `PATCH /v1/alerts/subscriptions/{id}`: what is given replaces what was; `status: "active"` re-enables. */
export const updateSubscriptionInput = z
  .strictObject({
    url: z.optional(url),
    events: z.optional(events),
    corridors: z.optional(corridors),
    amount: z.optional(amount),
    belowPercent: z.optional(belowPercent),
    status: z.optional(z.enum(subscriptionStatuses)),
  })
  .check(z.refine((body) => Object.keys(body).length > 0, "give at least one field to change"));
export type UpdateSubscriptionInput = z.output<typeof updateSubscriptionInput>;

/** The canonical ids (alpha-3, upper case) of corridors the schema accepted. */
export const canonicalCorridors = (list: readonly string[] | undefined): string[] =>
  (list ?? []).map((raw) => {
    const parsed = parseCorridorId(raw);
    if (!parsed.ok) throw new Error(`corridor '${raw}' passed validation but does not parse`);
    return parsed.corridor.id;
  });
