// Frozen copy of src/domain/cost.ts as of commit 9183b98, before it was optimised: the
// reference the fast engine is checked against (test/pinned/pinned-outputs.test.ts). Do not edit.
/**
 * @module
 * The total cost of one product for one send amount, as the World Bank's RPW defines it
 * (DESIGN.md section 2), with receiver-side fees added where a quote declares them.
 */
import { feeFor, prepareFee, type PreparedFee } from "./fees.ts";
import { Decimal, HUNDRED, roundDown, ZERO } from "../../../src/domain/money.ts";
import type { FeeMode, ProductInput } from "../../../src/domain/schemas.ts";
import { sdgVerdict, type SdgVerdict } from "../../../src/domain/sdg.ts";

/** What is needed to price a product, parsed once per quote rather than once per amount. */
export interface PreparedProduct {
  sendCurrency: string;
  receiveCurrency: string;
  feeMode: FeeMode;
  fee: PreparedFee;
  rate: Decimal;
  receiverFee: Decimal;
}

export function prepareProduct(p: ProductInput): PreparedProduct {
  return {
    sendCurrency: p.sendCurrency,
    receiveCurrency: p.receiveCurrency,
    feeMode: p.feeMode,
    fee: prepareFee(p.fee, p.sendCurrency),
    rate: new Decimal(p.rate),
    receiverFee: p.receiverFee ? new Decimal(p.receiverFee.amount) : ZERO,
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
  return mid.minus(rate).dividedBy(mid).times(HUNDRED);
}

/** Prices `product` for a send amount `sendAmount` against the mid-market rate `mid`. */
export function evaluate(product: PreparedProduct, sendAmount: Decimal, mid: Decimal): Evaluation {
  const fee = feeFor(product.fee, sendAmount);
  const onTop = product.feeMode === "on_top";
  const senderPays = onTop ? sendAmount.plus(fee) : sendAmount;
  const converted = onTop ? sendAmount : sendAmount.minus(fee);
  const recipientGetsExact = converted.times(product.rate).minus(product.receiverFee);
  const totalCost = senderPays.minus(recipientGetsExact.dividedBy(mid));
  const totalCostPercent = totalCost.dividedBy(sendAmount).times(HUNDRED);
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
    fxMarginPercent: fxMarginPercent(mid, product.rate),
    sdg: sdgVerdict(totalCostPercent),
  };
}
