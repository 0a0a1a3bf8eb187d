/**
 * @module
 * The total cost of one product for one send amount, as the World Bank's RPW defines it
 * (DESIGN.md section 2), with receiver-side fees added where a quote declares them.
 */
import { divide, divideShifted } from "./exact-division.ts";
import { feeFor, prepareFee, type PreparedFee } from "./fees.ts";
import { Decimal, roundDown, ZERO } from "./money.ts";
import type { FeeMode, ProductInput } from "./schemas.ts";
import { sdgVerdict, type SdgVerdict } from "./sdg.ts";

/** What is needed to price a product, parsed once per quote rather than once per amount. */
export interface PreparedProduct {
  sendCurrency: string;
  receiveCurrency: string;
  feeMode: FeeMode;
  fee: PreparedFee;
  rate: Decimal;
  receiverFee: Decimal;
  /** The FX margin depends only on the rate and the mid: kept for the last mid it was worked out for. */
  margin: { mid: Decimal; percent: Decimal } | undefined;
}

export function prepareProduct(p: ProductInput): PreparedProduct {
  return {
    sendCurrency: p.sendCurrency,
    receiveCurrency: p.receiveCurrency,
    feeMode: p.feeMode,
    fee: prepareFee(p.fee, p.sendCurrency),
    rate: new Decimal(p.rate),
    receiverFee: p.receiverFee ? new Decimal(p.receiverFee.amount) : ZERO,
    margin: undefined,
  };
}

export interface Evaluation {
  /** S, the amount the sender sends, in the send currency. */
  sendAmount: Decimal;
  /** The sender's fee, already rounded up to the send currency's minor unit. */
  fee: Decimal;
  senderPays: Decimal;
  /** What is converted: S when the fee is on top, S − fee when it is deducted. */
  converted: Decimal;
  /** converted × rate − receiver fee, unrounded. */
  recipientGetsExact: Decimal;
  /** recipientGetsExact rounded down to the receive currency's minor unit. */
  recipientGets: Decimal;
  /** Sender pays − what the recipient gets valued at mid, in the send currency, unrounded. */
  totalCost: Decimal;
  totalCostPercent: Decimal;
  fxMarginPercent: Decimal;
  sdg: SdgVerdict;
}

/** (M − R) / M × 100; negative when a promotion beats the mid-market rate. */
export function fxMarginPercent(mid: Decimal, rate: Decimal): Decimal {
  return divideShifted(mid.minus(rate), mid, 2);
}

/** fxMarginPercent(mid, product.rate), worked out once per mid rather than once per amount. */
export function fxMarginFor(product: PreparedProduct, mid: Decimal): Decimal {
  const m = product.margin;
  if (m !== undefined && (m.mid === mid || m.mid.equals(mid))) return m.percent;
  const percent = fxMarginPercent(mid, product.rate);
  product.margin = { mid, percent };
  return percent;
}

/** Prices `product` for a send amount `sendAmount` against the mid-market rate `mid`. */
export function evaluate(product: PreparedProduct, sendAmount: Decimal, mid: Decimal): Evaluation {
  const fee = feeFor(product.fee, sendAmount);
  const onTop = product.feeMode === "on_top";
  const feeIsZero = fee.isZero();
  const senderPays = onTop && !feeIsZero ? sendAmount.plus(fee) : sendAmount;
  const converted = onTop || feeIsZero ? sendAmount : sendAmount.minus(fee);
  const received = converted.times(product.rate);
  const recipientGetsExact = product.receiverFee.isZero() ? received : received.minus(product.receiverFee);
  // `divide` is dividedBy and `divideShifted(…, 2)` is dividedBy(…).times(100), digit for digit, on BigInt.
  const totalCost = senderPays.minus(divide(recipientGetsExact, mid));
  const totalCostPercent = divideShifted(totalCost, sendAmount, 2);
  const recipientGets = recipientGetsExact.isNegative() ? ZERO : roundDown(recipientGetsExact, product.receiveCurrency);
  return {
    sendAmount,
    fee,
    senderPays,
    converted,
    recipientGetsExact,
    recipientGets,
    totalCost,
    totalCostPercent,
    fxMarginPercent: fxMarginFor(product, mid),
    sdg: sdgVerdict(totalCostPercent),
  };
}
