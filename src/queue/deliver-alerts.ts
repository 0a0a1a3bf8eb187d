/**
 * @module
 * The queue consumer: one signed POST per message, per the Standard Webhooks specification
 * (signed by the `standardwebhooks` library). A failure or a non-2xx answer is retried with
 * exponential backoff; after the last attempt the delivery is recorded as failed and the message
 * goes to the dead-letter queue.
 */
import { Webhook } from "standardwebhooks";
import { checkTargetUrl, localDevFlag } from "../domain/alerts/target-url.ts";
import { DELIVERY_TIMEOUT_MS, MAX_ATTEMPTS, retryDelaySeconds } from "../domain/alerts/delivery-policy.ts";
import type { Env } from "../env.ts";
import { alertsHubOf, type DeliveryJob, type DeliveryMessage, type Outcome } from "../store/alerts-hub.ts";

/** Every current secret's signature, space-separated, as the specification allows during a rotation. */
export function signatures(job: Pick<DeliveryJob, "secrets" | "eventId" | "payload">, at: Date): string {
  return job.secrets.map((secret) => new Webhook(secret).sign(job.eventId, at, job.payload)).join(" ");
}

/** One attempt: undefined when the receiver took it (2xx), or why not. */
export async function attempt(job: DeliveryJob, localDev: boolean, fetcher: typeof fetch = fetch): Promise<string | undefined> {
  const target = checkTargetUrl(job.url, { localDev });
  if (!target.ok) return `url refused: ${target.reason}`;
  const at = new Date();
  try {
    const res = await fetcher(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "tenc-webhooks/1",
        "webhook-id": job.eventId,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": signatures(job, at),
      },
      body: job.payload,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await res.body?.cancel();
    if (res.status >= 200 && res.status < 300) return undefined;
    if (res.status >= 300 && res.status < 400) return `HTTP ${res.status}: redirects are not followed`;
    return `HTTP ${res.status}`;
  } catch (err) {
    const e = err as Error;
    return e.name === "TimeoutError" ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s` : `request failed: ${e.message}`;
  }
}

async function handle(message: Message<DeliveryMessage>, env: Env): Promise<void> {
  const hub = alertsHubOf(env.ALERTS_HUB);
  const { deliveryId } = message.body;
  const job = await hub.job(deliveryId);
  // Deleted with its subscription, or a message seen again after it was settled.
  if (!job || job.settled) return message.ack();
  if (!job.subscriptionActive) {
    await hub.recordAttempt(deliveryId, { ok: false, error: "the subscription is disabled", final: true });
    return message.ack();
  }
  const error = await attempt(job, localDevFlag(env.ALERTS_LOCAL_DEV));
  const final = message.attempts >= MAX_ATTEMPTS || error?.startsWith("url refused") === true;
  const outcome: Outcome = error === undefined ? { ok: true } : { ok: false, error, final };
  await hub.recordAttempt(deliveryId, outcome);
  if (outcome.ok) return message.ack();
  if (!final) return message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
  // Recorded as failed above; the dead-letter queue keeps the message for the operator.
  await env.ALERTS_DEAD_LETTERS.send({ deliveryId, eventId: job.eventId, lastError: error, attempts: message.attempts }, { contentType: "json" });
  message.ack();
}

export async function deliverAlerts(batch: MessageBatch<DeliveryMessage>, env: Env): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        await handle(message, env);
      } catch (err) {
        // The hub or the dead-letter queue failed: nothing was settled, so try the message again.
        console.error(`alerts: delivery ${message.body.deliveryId} not handled`, err);
        message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      }
    }),
  );
}
