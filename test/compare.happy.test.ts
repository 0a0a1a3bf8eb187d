/**
 * The comparison through the HTTP API, priced by hand: every expected number below is worked out
 * from DESIGN.md section 2 in the comments, not read back from the engine.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { adminCall, call, json, product, putProvider, putRate } from "./helpers.ts";

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString().replace(/\.\d+Z$/, "Z");
/** An observation time a few hours ago, so the quote is fresh whenever the suite runs. */
const recently = hoursAgo(3);
/** Long ago: older than the 30 days after which a quote is flagged stale. */
const longAgo = "2020-01-15T09:00:00Z";

// Mids of the same day as the quotes: none is stale (test/rate-freshness.test.ts ages them).
const KWD_INR_AS_OF = hoursAgo(8);
const MXN_USD_AS_OF = hoursAgo(20);
const EUR_GBP_AS_OF = hoursAgo(23);
const EUR_NGN_AS_OF = hoursAgo(4);

beforeAll(async () => {
  // Kuwait → India, the example product, against a mid of 272.50 INR per KWD.
  await putRate("KWD", "INR", "272.50", "test reference", KWD_INR_AS_OF);
  await putProvider("KWT-IND", "alpha-remit", {
    provider: { name: "Alpha Remit", type: "mto", website: "https://alpha.example" },
    products: [
      product({ observedAt: recently }),
      product({ id: "account-with-fee", payOut: "bank_account", speed: "same_day", receiverFee: { amount: "100.00", currency: "INR" }, observedAt: recently }),
    ],
  });
  await putProvider("kw-in", "beta-bank", {
    provider: { name: "Beta Bank", type: "bank" },
    products: [
      product({ id: "transfer", fee: { fixed: "0.500" }, rate: "271.0000", payIn: "bank_account", payOut: "bank_account", speed: "next_day", observedAt: recently, receiverFee: undefined }),
    ],
  });
  await putProvider("kwt-ind", "gamma-wallet", {
    provider: { name: "Gamma Wallet", type: "mobile_operator" },
    products: [
      product({ id: "wallet", fee: { fixed: "3.000" }, feeMode: "deducted", rate: "272.0000", payIn: "mobile_wallet", payOut: "mobile_wallet", speed: "same_day", observedAt: longAgo }),
    ],
  });

  // Japan → Philippines: JPY has no minor digits.
  await putRate("JPY", "PHP", "0.3750");
  await putProvider("JPN-PHL", "yen-express", {
    provider: { name: "Yen Express", type: "mto" },
    products: [
      product({ id: "flat", sendCurrency: "JPY", receiveCurrency: "PHP", fee: { fixed: "990" }, rate: "0.3712", receiverFee: undefined, observedAt: recently }),
      product({ id: "percent", sendCurrency: "JPY", receiveCurrency: "PHP", fee: { percent: "1.5" }, rate: "0.3712", receiverFee: undefined, observedAt: recently }),
    ],
  });

  // United States → Mexico, with only the MXN/USD rate stored: the mid is its inverse.
  await putRate("MXN", "USD", "0.05", "inverse source", MXN_USD_AS_OF);
  await putProvider("US-MX", "norte", {
    provider: { name: "Norte", type: "digital" },
    products: [product({ id: "online", sendCurrency: "USD", receiveCurrency: "MXN", fee: { fixed: "4.99" }, rate: "19.5", receiverFee: undefined, observedAt: recently })],
  });

  // United Kingdom → Nigeria, with only euro rates stored: the mid is crossed through EUR.
  await putRate("EUR", "GBP", "0.8", "ECB", EUR_GBP_AS_OF);
  await putRate("EUR", "NGN", "1600", "CBN", EUR_NGN_AS_OF);
  await putProvider("GBR-NGA", "lagos-link", {
    provider: { name: "Lagos Link", type: "mto" },
    products: [product({ id: "standard", sendCurrency: "GBP", receiveCurrency: "NGN", fee: { percent: "1" }, rate: "1960", receiverFee: undefined, observedAt: recently })],
  });
});

const quotes = async (path: string) => {
  const res = await call(path);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return json(res);
};
const order = (body: any) => body.quotes.map((q: any) => `${q.provider.id}/${q.product}`);

describe("the issue's example product, KWD → INR, priced by hand", () => {
  it("prices 200 KWD from the top-level fee: 1.500 + 0.5 % of 200 = 2.500", async () => {
    const body = await quotes("/v1/corridors/KWT-IND/quotes?amount=200&payIn=cash&payOut=cash");
    expect(body).toMatchObject({
      corridor: "KWT-IND",
      question: "send",
      amount: { amount: "200.000", currency: "KWD" },
      sort: "recipient_gets",
      sample: false,
      midRates: [{ base: "KWD", quote: "INR", rate: "272.5", asOf: KWD_INR_AS_OF, source: "test reference", derivation: "direct" }],
      unpriced: [],
    });
    expect(typeof body.asOf).toBe("string");
    expect(body.totalCostIncludes).toEqual(expect.arrayContaining(["sender_fee", "fx_margin", "receiver_fee"]));
    expect(body.quotes).toHaveLength(1);
    expect(body.quotes[0]).toMatchObject({
      provider: { id: "alpha-remit", name: "Alpha Remit", type: "mto", website: "https://alpha.example" },
      product: "cash-pickup",
      payIn: "cash",
      payOut: "cash",
      speed: "less_than_1_hour",
      feeMode: "on_top",
      sendAmount: { amount: "200.000", currency: "KWD" },
      // 200 > 100, so not the band: 1.500 + 200 × 0.5 / 100 = 2.500, within min 1.000 / max 5.000.
      fee: { amount: "2.500", currency: "KWD" },
      receiverFee: { amount: "0.00", currency: "INR" },
      rate: "270.1234",
      midRate: "272.5",
      // (272.50 − 270.1234) / 272.50 × 100 = 2.3766 / 272.5 × 100 = 0.872146788…
      fxMarginPercent: "0.8721",
      // On top: the sender pays S + fee = 200.000 + 2.500.
      senderPays: { amount: "202.500", currency: "KWD" },
      // 200 × 270.1234 = 54024.68 INR exactly.
      recipientGets: { amount: "54024.68", currency: "INR" },
      // 202.5 − 54024.68 / 272.5 = 202.5 − 198.255706422… = 4.244293577… KWD, rounded up to 4.245;
      // ÷ 200 × 100 = 2.122146788… % = fee 1.25 % + margin 0.872146788 %.
      totalCost: { amount: "4.245", currency: "KWD", percent: "2.1221" },
      sdg: "below_3",
      transparent: true,
      observedAt: recently,
      stale: false,
      source: null,
      sample: false,
    });
  });

  it("prices 50 KWD from the band (2.000 fixed) and 1000 KWD at the max fee (5.000)", async () => {
    const at50 = (await quotes("/v1/corridors/KWT-IND/quotes?amount=50&payOut=cash")).quotes[0];
    expect(at50.fee).toEqual({ amount: "2.000", currency: "KWD" });
    expect(at50.senderPays).toEqual({ amount: "52.000", currency: "KWD" });
    // 50 × 270.1234 = 13506.17; 52 − 13506.17 / 272.5 = 2.436073394… → 2.437; 4 % + 0.8721 % = 4.8721 %.
    expect(at50.recipientGets).toEqual({ amount: "13506.17", currency: "INR" });
    expect(at50.totalCost).toEqual({ amount: "2.437", currency: "KWD", percent: "4.8721" });
    expect(at50.sdg).toBe("3_to_5");

    const at1000 = (await quotes("/v1/corridors/KWT-IND/quotes?amount=1000&payOut=cash")).quotes[0];
    // 1.500 + 1000 × 0.5 % = 6.500, held to the max 5.000.
    expect(at1000.fee).toEqual({ amount: "5.000", currency: "KWD" });
    // 1000 × 270.1234 = 270123.40; 1005 − 270123.4 / 272.5 = 13.721467889… → 13.722; 0.5 % + 0.8721 %.
    expect(at1000.recipientGets).toEqual({ amount: "270123.40", currency: "INR" });
    expect(at1000.totalCost).toEqual({ amount: "13.722", currency: "KWD", percent: "1.3721" });
  });

  it("counts a receiver fee in the total cost and takes it from what the recipient gets", async () => {
    const q = (await quotes("/v1/corridors/KWT-IND/quotes?amount=200&payOut=bank_account&providerType=mto")).quotes[0];
    expect(q.product).toBe("account-with-fee");
    expect(q.receiverFee).toEqual({ amount: "100.00", currency: "INR" });
    // 54024.68 − 100 = 53924.68; 202.5 − 53924.68 / 272.5 = 4.611266055… → 4.612; ÷ 2 = 2.3056 %.
    expect(q.recipientGets).toEqual({ amount: "53924.68", currency: "INR" });
    expect(q.totalCost).toEqual({ amount: "4.612", currency: "KWD", percent: "2.3056" });
  });

  it("prices a deducted fee: the sender pays S, S − fee is converted", async () => {
    const q = (await quotes("/v1/corridors/KWT-IND/quotes?amount=200&providerType=mobile_operator")).quotes[0];
    expect(q).toMatchObject({
      feeMode: "deducted",
      fee: { amount: "3.000", currency: "KWD" },
      senderPays: { amount: "200.000", currency: "KWD" },
      // (200 − 3) × 272 = 53584.00.
      recipientGets: { amount: "53584.00", currency: "INR" },
      // 200 − 53584 / 272.5 = 3.361467889… → 3.362; ÷ 2 = 1.6807 % (not fee % + margin % = 1.6835 %).
      totalCost: { amount: "3.362", currency: "KWD", percent: "1.6807" },
      // (272.5 − 272) / 272.5 × 100 = 0.183486…
      fxMarginPercent: "0.1835",
      observedAt: longAgo,
      stale: true,
    });
    expect(q.ageDays).toBeGreaterThan(30);
  });
});

describe("sort orders and filters", () => {
  // At 200 KWD, worked out as above:
  //   beta-bank/transfer          gets 54200.00 (200 × 271), 0.25 % + 0.5505 % = 0.8005 %, next_day
  //   alpha-remit/cash-pickup     gets 54024.68,             2.1221 %,               less_than_1_hour
  //   alpha-remit/account-with-fee gets 53924.68,            2.3056 %,               same_day
  //   gamma-wallet/wallet         gets 53584.00,             1.6807 %,               same_day
  // What each sender pays: beta 200.500 (fee 0.500 on top), alpha 202.500 (1.500 + 0.5 % on top), gamma
  // 200 (its fee deducted). Delivered per unit paid, valued at the mid 272.5: beta 54200 / 272.5 /
  // 200.5 = 0.99201, gamma 53584 / 272.5 / 200 = 0.98319, alpha cash 54024.68 / 272.5 / 202.5 =
  // 0.97904, alpha account 53924.68 / 272.5 / 202.5 = 0.97723.
  const all = "/v1/corridors/KWT-IND/quotes?amount=200";

  it("ranks by what the recipient gets for each unit the sender pays, by default", async () => {
    const body = await quotes(all);
    // gamma delivers the least but takes its fee out of the 200: per unit paid it beats alpha's two.
    expect(order(body)).toEqual(["beta-bank/transfer", "gamma-wallet/wallet", "alpha-remit/cash-pickup", "alpha-remit/account-with-fee"]);
    expect(body.quotes[0].totalCost.percent).toBe("0.8005");
    expect(body.quotes[0].recipientGets.amount).toBe("54200.00");
  });

  it("ranks by total cost with sort=total_cost", async () => {
    expect(order(await quotes(`${all}&sort=total_cost`))).toEqual(["beta-bank/transfer", "gamma-wallet/wallet", "alpha-remit/cash-pickup", "alpha-remit/account-with-fee"]);
  });

  it("ranks by speed with sort=speed, then by what arrives per unit paid", async () => {
    expect(order(await quotes(`${all}&sort=speed`))).toEqual(["alpha-remit/cash-pickup", "gamma-wallet/wallet", "alpha-remit/account-with-fee", "beta-bank/transfer"]);
  });

  it("filters by payIn, payOut, maxSpeed and providerType", async () => {
    expect(order(await quotes(`${all}&payIn=mobile_wallet`))).toEqual(["gamma-wallet/wallet"]);
    expect(order(await quotes(`${all}&payOut=bank_account`))).toEqual(["beta-bank/transfer", "alpha-remit/account-with-fee"]);
    expect(order(await quotes(`${all}&maxSpeed=same_day`))).toEqual(["gamma-wallet/wallet", "alpha-remit/cash-pickup", "alpha-remit/account-with-fee"]);
    expect(order(await quotes(`${all}&providerType=bank`))).toEqual(["beta-bank/transfer"]);
    expect(order(await quotes(`${all}&providerType=post_office`))).toEqual([]);
  });
});

describe("the reverse question: recipientAmount", () => {
  it("finds for each product the smallest amount, in whole fils, that delivers 5000 INR, cheapest to send first", async () => {
    const body = await quotes("/v1/corridors/KWT-IND/quotes?recipientAmount=5000");
    expect(body.question).toBe("receive");
    expect(body.amount).toEqual({ amount: "5000.00", currency: "INR" });
    // Ranked by what the sender pays:
    //   beta:    5000 / 271 = 18.4501… → 18.451 (× 271 = 5000.221; 18.450 gives 4999.95), pays 18.951
    //   alpha:   5000 / 270.1234 = 18.5100… → 18.511 (5000.2542574), band fee 2.000, pays 20.511
    //   account: 5100 / 270.1234 = 18.8802… → 18.881 (5100.1999 − 100), band fee 2.000, pays 20.881
    //   gamma:   deducted, (S − 3) × 272 ≥ 5000: S − 3 = 18.383 (5000.176), pays 21.383
    expect(order(body)).toEqual(["beta-bank/transfer", "alpha-remit/cash-pickup", "alpha-remit/account-with-fee", "gamma-wallet/wallet"]);
    const [beta, alpha, account, gamma] = body.quotes;
    expect([beta.sendAmount.amount, beta.senderPays.amount, beta.recipientGets.amount]).toEqual(["18.451", "18.951", "5000.22"]);
    expect([alpha.sendAmount.amount, alpha.fee.amount, alpha.senderPays.amount, alpha.recipientGets.amount]).toEqual(["18.511", "2.000", "20.511", "5000.25"]);
    expect([account.sendAmount.amount, account.senderPays.amount, account.recipientGets.amount]).toEqual(["18.881", "20.881", "5000.19"]);
    expect([gamma.sendAmount.amount, gamma.senderPays.amount, gamma.recipientGets.amount]).toEqual(["21.383", "21.383", "5000.17"]);
    // alpha: 20.511 − 5000.2542574 / 272.5 = 2.161443092… → 2.162; ÷ 18.511 × 100 = 11.6765 %.
    expect(alpha.totalCost).toEqual({ amount: "2.162", currency: "KWD", percent: "11.6765" });
  });

  it("answers exactly the amount a send question delivered", async () => {
    // 200 KWD delivered 54024.68 INR; 199.999 delivers 54024.409… < 54024.68.
    const q = (await quotes("/v1/corridors/KWT-IND/quotes?recipientAmount=54024.68&payOut=cash")).quotes[0];
    expect(q.sendAmount.amount).toBe("200.000");
    expect(q.senderPays.amount).toBe("202.500");
    expect(q.recipientGets.amount).toBe("54024.68");
  });
});

describe("currencies with 0 minor digits (JPY)", () => {
  it("prices 30000 JPY with a 990 JPY fee", async () => {
    const q = (await quotes("/v1/corridors/JPN-PHL/quotes?amount=30000&sort=total_cost")).quotes.find((x: any) => x.product === "flat");
    expect(q).toMatchObject({
      sendAmount: { amount: "30000", currency: "JPY" },
      fee: { amount: "990", currency: "JPY" },
      senderPays: { amount: "30990", currency: "JPY" },
      // 30000 × 0.3712 = 11136.00 PHP.
      recipientGets: { amount: "11136.00", currency: "PHP" },
      // 30990 − 11136 / 0.375 = 30990 − 29696 = 1294 JPY; 1294 / 30000 = 4.31333… % = 3.3 % + 1.01333 %.
      totalCost: { amount: "1294", currency: "JPY", percent: "4.3133" },
      fxMarginPercent: "1.0133",
      sdg: "3_to_5",
    });
  });

  it("rounds a percentage fee up to the whole yen and what arrives down to the centavo", async () => {
    const q = (await quotes("/v1/corridors/JPN-PHL/quotes?amount=12345")).quotes.find((x: any) => x.product === "percent");
    // 1.5 % of 12345 = 185.175 → 186 JPY; 12345 × 0.3712 = 4582.464 → 4582.46 PHP.
    expect(q.fee).toEqual({ amount: "186", currency: "JPY" });
    expect(q.senderPays).toEqual({ amount: "12531", currency: "JPY" });
    expect(q.recipientGets).toEqual({ amount: "4582.46", currency: "PHP" });
    // 12531 − 4582.464 / 0.375 = 12531 − 12219.904 = 311.096 → 312 JPY; 311.096 / 12345 = 2.52001… %.
    expect(q.totalCost).toEqual({ amount: "312", currency: "JPY", percent: "2.5200" });
  });

  it("answers the reverse question in whole yen", async () => {
    // flat: S × 0.3712 ≥ 1000 → S ≥ 2693.96… → 2694 JPY (1000.0128 PHP; 2693 gives 999.64).
    const q = (await quotes("/v1/corridors/JPN-PHL/quotes?recipientAmount=1000")).quotes.find((x: any) => x.product === "flat");
    expect(q.sendAmount).toEqual({ amount: "2694", currency: "JPY" });
    expect(q.recipientGets).toEqual({ amount: "1000.01", currency: "PHP" });
  });
});

describe("the mid-market rate: direct, inverse and crossed through EUR", () => {
  it("inverts a stored MXN/USD rate and says where it comes from", async () => {
    const body = await quotes("/v1/corridors/USA-MEX/quotes?amount=200");
    expect(body.midRates).toEqual([{ base: "USD", quote: "MXN", rate: "20", asOf: MXN_USD_AS_OF, source: "inverse source", derivation: "inverse" }]);
    // 200 × 19.5 = 3900.00; 4.99 + 200 × (20 − 19.5) / 20 = 4.99 + 5 = 9.99 USD = 4.995 %.
    expect(body.quotes[0]).toMatchObject({
      midRate: "20",
      fxMarginPercent: "2.5000",
      recipientGets: { amount: "3900.00", currency: "MXN" },
      totalCost: { amount: "9.99", currency: "USD", percent: "4.9950" },
      sdg: "3_to_5",
    });
  });

  it("crosses EUR/GBP and EUR/NGN, as of the older of the two", async () => {
    const body = await quotes("/v1/corridors/GB-NG/quotes?amount=100");
    // 1600 / 0.8 = 2000 NGN per GBP.
    expect(body.midRates).toEqual([{ base: "GBP", quote: "NGN", rate: "2000", asOf: EUR_GBP_AS_OF, source: "ECB; CBN", derivation: "cross_eur" }]);
    // fee 1 % of 100 = 1.00; 100 × 1960 = 196000.00; 1 + 100 × 40 / 2000 = 3.00 GBP = exactly 3 %,
    // which is not "less than 3 per cent": the verdict is 3_to_5.
    expect(body.quotes[0]).toMatchObject({
      fee: { amount: "1.00", currency: "GBP" },
      recipientGets: { amount: "196000.00", currency: "NGN" },
      totalCost: { amount: "3.00", currency: "GBP", percent: "3.0000" },
      sdg: "3_to_5",
    });
  });
});

describe("corridors", () => {
  it("answers alpha-2 and lower-case ids with the canonical alpha-3 id", async () => {
    for (const id of ["kw-in", "KW-IN", "kwt-ind", "KW-IND"]) {
      const body = await quotes(`/v1/corridors/${id}/quotes?amount=200`);
      expect(body.corridor).toBe("KWT-IND");
      expect(body.quotes).toHaveLength(4);
    }
    const one = await quotes("/v1/corridors/jp-ph");
    expect(one.id).toBe("JPN-PHL");
  });

  it("lists every corridor with its countries, currencies, providers and last update", async () => {
    const body = await quotes("/v1/corridors");
    const ids = body.corridors.map((c: any) => c.id);
    expect(ids).toEqual(["GBR-NGA", "JPN-PHL", "KWT-IND", "USA-MEX"]);
    expect(body.corridors.find((c: any) => c.id === "KWT-IND")).toMatchObject({
      id: "KWT-IND",
      from: { code: "KWT", name: "Kuwait" },
      to: { code: "IND", name: "India" },
      sendCurrencies: ["KWD"],
      receiveCurrencies: ["INR"],
      providers: 3,
      products: 4,
      sample: false,
    });
    expect(Date.parse(body.corridors[0].updatedAt)).not.toBeNaN();
  });

  it("shows one corridor with its providers", async () => {
    const body = await quotes("/v1/corridors/KWT-IND");
    expect(body).toMatchObject({ id: "KWT-IND", providers: 3, products: 4 });
    expect(body.providerList.map((p: any) => [p.id, p.type, p.products])).toEqual([
      ["alpha-remit", "mto", 2],
      ["beta-bank", "bank", 1],
      ["gamma-wallet", "mobile_operator", 1],
    ]);
  });

  it("replaces a provider's products on a new write, and only that provider's", async () => {
    await putProvider("JPN-PHL", "other-jp", { provider: { name: "Other", type: "bank" }, products: [product({ id: "a", sendCurrency: "JPY", receiveCurrency: "PHP", fee: { fixed: "500" }, rate: "0.37", receiverFee: undefined })] });
    const res = await adminCall("PUT", "/v1/admin/corridors/JPN-PHL/quotes/other-jp", {
      provider: { name: "Other", type: "bank" },
      products: [product({ id: "b", sendCurrency: "JPY", receiveCurrency: "PHP", fee: { fixed: "400" }, rate: "0.37", receiverFee: undefined })],
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ corridor: "JPN-PHL", providerId: "other-jp", products: 1, changed: true });
    const body = await quotes("/v1/corridors/JPN-PHL/quotes?amount=10000");
    expect(order(body).sort()).toEqual(["other-jp/b", "yen-express/flat", "yen-express/percent"]);
  });
});
