/**
 * @module
 * The alert events: their types and the bodies subscribers receive (issue 15's contract).
 */
import type { WireMoney } from "../money.ts";
import type { ProviderType } from "../schemas.ts";

export const eventTypes = ["quote.below_threshold", "corridor.threshold_crossed", "quote.stale", "statistics.published"] as const;
export type EventType = (typeof eventTypes)[number];

export interface QuoteBelowThresholdData {
  corridor: string;
  amount: WireMoney;
  belowPercent: string;
  provider: { id: string; name: string; type: ProviderType };
  product: string;
  totalCost: WireMoney & { percent: string };
  recipientGets: WireMoney;
}

export interface ThresholdCrossedData {
  corridor: string;
  period: string;
  previousPeriod: string;
  /** The statistics' survey amount the average is for (SDG 10.c's indicator amount). */
  amountUsd: string;
  /** The line crossed, in percent: "3" or "5". */
  line: string;
  direction: "above" | "below";
  averageTotalCostPercent: string;
  previousAverageTotalCostPercent: string;
}

export interface QuoteStaleData {
  corridor: string;
  provider: { id: string; name: string; type: ProviderType };
  product: string;
  observedAt: string;
  ageDays: number;
  staleAfterDays: number;
}

export interface StatisticsPublishedData {
  period: string;
  /** The corridors whose statistics for the period changed in this publish. */
  corridors: string[];
}

export type EventData = {
  "quote.below_threshold": QuoteBelowThresholdData;
  "corridor.threshold_crossed": ThresholdCrossedData;
  "quote.stale": QuoteStaleData;
  "statistics.published": StatisticsPublishedData;
};

export interface AlertEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  createdAt: string;
  data: EventData[T];
}

/** An event with the given id (`evt_…`, made by whoever keeps it). */
export function newEvent<T extends EventType>(id: string, type: T, data: EventData[T], now: Date): AlertEvent<T> {
  return { id, type, createdAt: now.toISOString(), data };
}

/** The corridor an event is about, for the subscribers' corridor filter (null: about no single one). */
export function corridorsOf(event: AlertEvent): string[] {
  if (event.type === "statistics.published") return (event.data as StatisticsPublishedData).corridors;
  return [(event.data as { corridor: string }).corridor];
}
