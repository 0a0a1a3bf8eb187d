/**
 * @module
 * The widget's words in English, Spanish and French. Numbers, money and dates are not here: Intl
 * formats them for the language.
 */
export const languages = ["en", "es", "fr"] as const;
export type Lang = (typeof languages)[number];

export const isLang = (s: string | null): s is Lang => (languages as readonly string[]).includes(s ?? "");

const en = {
  title: "Compare the cost of sending money",
  question: "I want to compare by",
  send: "What I send",
  receive: "What the recipient gets",
  amount: (currency: string) => `Amount in ${currency}`,
  payOut: "Pay-out method",
  any: "Any",
  compare: "Compare",
  badAmount: "Enter an amount in figures, for example 200 or 150.50.",
  loading: "Loading prices…",
  results: "Options, best first",
  count: (n: number) => (n === 1 ? "1 option" : `${n} options`),
  none: "No provider offers this amount with these choices.",
  recipientGets: "Recipient gets",
  youPay: "You pay in total",
  fee: "Fee",
  rate: "Exchange rate",
  margin: (m: string) => `margin over the mid-market rate: ${m}`,
  totalCost: "Total cost",
  speed: "Speed",
  payment: "Pay in / pay out",
  verdict: { below_3: "Meets the SDG target (below 3 %)", "3_to_5": "Between 3 % and 5 %", above_5: "Above 5 %: too expensive" },
  speeds: { less_than_1_hour: "Under 1 hour", same_day: "Same day", next_day: "Next day", "2_days": "2 days", "3_5_days": "3–5 days", "6_days_or_more": "6 days or more" },
  methods: { cash: "cash", bank_account: "bank account", debit_card: "debit card", credit_card: "credit card", mobile_wallet: "mobile wallet", home_delivery: "home delivery" },
  types: { bank: "bank", mto: "money transfer operator", post_office: "post office", mobile_operator: "mobile operator", digital: "digital-only" },
  asOf: (when: string, ago: string) => `Prices as of ${when} (${ago}).`,
  midRate: (pair: string, source: string, when: string) => `Mid-market rate ${pair}: ${source}, ${when}.`,
  sources: (list: string) => `Sources: ${list}.`,
  stale: "old price",
  staleMid: (days: number) => `measured against a mid-market rate ${days} days older than this price`,
  staleMidNote: (pair: string, days: number) => `The ${pair} mid-market rate is ${days} days older than the newest price: margins measured against it may be off.`,
  sample: "Illustrative sample data, not observed prices.",
  error: "The comparison could not be loaded:",
};
export type Messages = typeof en;

const es: Messages = {
  title: "Compare el costo de enviar dinero",
  question: "Quiero comparar por",
  send: "Lo que envío",
  receive: "Lo que recibe el destinatario",
  amount: (currency) => `Monto en ${currency}`,
  payOut: "Forma de pago al destinatario",
  any: "Cualquiera",
  compare: "Comparar",
  badAmount: "Escriba un monto en cifras, por ejemplo 200 o 150,50.",
  loading: "Cargando precios…",
  results: "Opciones, la mejor primero",
  count: (n) => (n === 1 ? "1 opción" : `${n} opciones`),
  none: "Ningún proveedor ofrece este monto con estas opciones.",
  recipientGets: "El destinatario recibe",
  youPay: "Usted paga en total",
  fee: "Comisión",
  rate: "Tipo de cambio",
  margin: (m) => `margen sobre el tipo de cambio medio: ${m}`,
  totalCost: "Costo total",
  speed: "Rapidez",
  payment: "Pago / entrega",
  verdict: { below_3: "Cumple la meta de los ODS (menos del 3 %)", "3_to_5": "Entre el 3 % y el 5 %", above_5: "Más del 5 %: demasiado caro" },
  speeds: { less_than_1_hour: "Menos de 1 hora", same_day: "El mismo día", next_day: "Al día siguiente", "2_days": "2 días", "3_5_days": "3–5 días", "6_days_or_more": "6 días o más" },
  methods: { cash: "efectivo", bank_account: "cuenta bancaria", debit_card: "tarjeta de débito", credit_card: "tarjeta de crédito", mobile_wallet: "billetera móvil", home_delivery: "entrega a domicilio" },
  types: { bank: "banco", mto: "remesadora", post_office: "correo", mobile_operator: "operador móvil", digital: "solo digital" },
  asOf: (when, ago) => `Precios al ${when} (${ago}).`,
  midRate: (pair, source, when) => `Tipo de cambio medio ${pair}: ${source}, ${when}.`,
  sources: (list) => `Fuentes: ${list}.`,
  stale: "precio antiguo",
  staleMid: (days) => `calculado con un tipo de cambio medio ${days} días más antiguo que este precio`,
  staleMidNote: (pair, days) => `El tipo de cambio medio ${pair} es ${days} días más antiguo que el precio más reciente: los márgenes calculados con él pueden no ser exactos.`,
  sample: "Datos de ejemplo ilustrativos, no precios observados.",
  error: "No se pudo cargar la comparación:",
};

const fr: Messages = {
  title: "Comparez le coût d’un envoi d’argent",
  question: "Je compare selon",
  send: "Ce que j’envoie",
  receive: "Ce que reçoit le bénéficiaire",
  amount: (currency) => `Montant en ${currency}`,
  payOut: "Mode de versement",
  any: "Tous",
  compare: "Comparer",
  badAmount: "Saisissez un montant en chiffres, par exemple 200 ou 150,50.",
  loading: "Chargement des prix…",
  results: "Options, la meilleure d’abord",
  count: (n) => (n <= 1 ? `${n} option` : `${n} options`),
  none: "Aucun prestataire ne propose ce montant avec ces choix.",
  recipientGets: "Le bénéficiaire reçoit",
  youPay: "Vous payez au total",
  fee: "Frais",
  rate: "Taux de change",
  margin: (m) => `marge sur le taux moyen : ${m}`,
  totalCost: "Coût total",
  speed: "Rapidité",
  payment: "Paiement / versement",
  verdict: { below_3: "Conforme à la cible des ODD (moins de 3 %)", "3_to_5": "Entre 3 % et 5 %", above_5: "Plus de 5 % : trop cher" },
  speeds: { less_than_1_hour: "Moins d’une heure", same_day: "Le jour même", next_day: "Le lendemain", "2_days": "2 jours", "3_5_days": "3 à 5 jours", "6_days_or_more": "6 jours ou plus" },
  methods: { cash: "espèces", bank_account: "compte bancaire", debit_card: "carte de débit", credit_card: "carte de crédit", mobile_wallet: "portefeuille mobile", home_delivery: "livraison à domicile" },
  types: { bank: "banque", mto: "société de transfert", post_office: "poste", mobile_operator: "opérateur mobile", digital: "100 % en ligne" },
  asOf: (when, ago) => `Prix au ${when} (${ago}).`,
  midRate: (pair, source, when) => `Taux moyen ${pair} : ${source}, ${when}.`,
  sources: (list) => `Sources : ${list}.`,
  stale: "prix ancien",
  staleMid: (days) => `calculée avec un taux moyen antérieur de ${days} jours à ce prix`,
  staleMidNote: (pair, days) => `Le taux moyen ${pair} est antérieur de ${days} jours au prix le plus récent : les marges calculées avec lui peuvent être inexactes.`,
  sample: "Données d’exemple, pas des prix observés.",
  error: "La comparaison n’a pas pu être chargée :",
};

export const messages: Record<Lang, Messages> = { en, es, fr };

/** A label for a code the API sends; an unknown code (a newer API) is shown as is, as text. */
export const label = (table: Record<string, string>, code: string) => table[code] ?? code;
