/**
 * Card numbers (PAN): the IIN/length table and the Luhn check.
 *
 * A digit sequence is a card number only when BOTH hold:
 *   1. its leading digits fall in a range issued by a real network AND its length is one that
 *      network issues (this is what rejects 13-digit epoch-ms timestamps, IMEIs, trace IDs), and
 *   2. it passes the Luhn mod-10 checksum (rejects ~90 % of the remaining random numbers).
 * Luhn alone is never enough. Test PANs are NOT exempt (QA uses them and real cards collide).
 *
 * Each row: the range of leading digits (inclusive, same number of digits on both ends),
 * the lengths the network issues, and (in a comment) why the row is here. Reasons are comments,
 * not data, so they cost nothing in the widget's bundle.
 */

interface IinRow {
  network: string;
  from: string;
  to: string;
  lengths: readonly number[];
}

const L16_19 = [16, 17, 18, 19] as const;

export const IIN_TABLE: readonly IinRow[] = [
  // Amex: 34 and 37, always 15 digits, printed 4-6-5. The issuer's own cards.
  { network: 'amex', from: '34', to: '34', lengths: [15] }, // American Express
  { network: 'amex', from: '37', to: '37', lengths: [15] }, // American Express
  // Visa: every 4, 13 (legacy), 16 and 19 digits.
  { network: 'visa', from: '4', to: '4', lengths: [13, 16, 19] }, // Visa
  // Mastercard: 51–55 and the 2-series 2221–2720, 16 digits.
  { network: 'mastercard', from: '51', to: '55', lengths: [16] }, // Mastercard
  { network: 'mastercard', from: '2221', to: '2720', lengths: [16] }, // Mastercard 2-series
  // Discover: 6011, 644–649, 65, and the UnionPay co-brand range 622126–622925; 16–19.
  { network: 'discover', from: '6011', to: '6011', lengths: L16_19 }, // Discover
  { network: 'discover', from: '644', to: '649', lengths: L16_19 }, // Discover
  { network: 'discover', from: '65', to: '65', lengths: L16_19 }, // Discover
  {
    network: 'discover',
    from: '622126',
    to: '622925',
    lengths: L16_19,
    // Discover / UnionPay co-brand
  },
  // JCB: 3528–3589, 16–19.
  { network: 'jcb', from: '3528', to: '3589', lengths: L16_19 }, // JCB
  // Diners Club International: 300–305, 3095, 36, 38–39; 14–19 (printed 4-6-4 when 14).
  { network: 'diners', from: '300', to: '305', lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { network: 'diners', from: '3095', to: '3095', lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { network: 'diners', from: '36', to: '36', lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { network: 'diners', from: '38', to: '39', lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  // UnionPay: 62, 16–19.
  { network: 'unionpay', from: '62', to: '62', lengths: L16_19 }, // UnionPay
  // Maestro (debit, used by travellers): its IINs, 13–19 here (12-digit Maestro is below our floor).
  { network: 'maestro', from: '5018', to: '5018', lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro
  { network: 'maestro', from: '5020', to: '5020', lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro
  { network: 'maestro', from: '5038', to: '5038', lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro
  { network: 'maestro', from: '5893', to: '5893', lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro
  { network: 'maestro', from: '6304', to: '6304', lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro
  {
    network: 'maestro',
    from: '6759',
    to: '6759',
    lengths: [13, 14, 15, 16, 17, 18, 19],
    // Maestro UK
  },
  { network: 'maestro', from: '6761', to: '6763', lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro
  // Dankort 5019 (16), Mir 2200–2204 (16–19), RuPay 60 and 508 (16), Troy 9792 (16),
  // Verve 506099–506198 / 650002–650027 (16, 18, 19), InterPayment 636 (16–19),
  // InstaPayment 637–639 (16): smaller networks a cardmember abroad may still paste.
  { network: 'dankort', from: '5019', to: '5019', lengths: [16] }, // Dankort
  { network: 'mir', from: '2200', to: '2204', lengths: L16_19 }, // Mir
  { network: 'rupay', from: '60', to: '60', lengths: [16] }, // RuPay
  { network: 'rupay', from: '508', to: '508', lengths: [16] }, // RuPay
  { network: 'troy', from: '9792', to: '9792', lengths: [16] }, // Troy
  { network: 'verve', from: '506099', to: '506198', lengths: [16, 18, 19] }, // Verve
  { network: 'verve', from: '650002', to: '650027', lengths: [16, 18, 19] }, // Verve
  { network: 'interpayment', from: '636', to: '636', lengths: L16_19 }, // InterPayment
  { network: 'instapayment', from: '637', to: '639', lengths: [16] }, // InstaPayment
];

/** Shortest and longest PAN we look for. */
export const PAN_MIN = 13;
export const PAN_MAX = 19;

interface Row6 {
  lo: number;
  hi: number;
  /** Bit L set ⇔ length L allowed. */
  mask: number;
  maxLen: number;
}

interface Tables {
  /** The table with each range widened to 6 digits, and its lengths as a bit mask. */
  rows: readonly Row6[];
  /** For each 2-digit prefix, the rows that may hold a number starting with it. */
  by2: readonly (readonly Row6[])[];
  /**
   * The length mask for each 4-digit prefix, or -1 where a row boundary falls inside the prefix
   * (Discover 622126–622925, Verve) and the 6 digits are needed.
   */
  by4: Int32Array;
}

let built: Tables | undefined;

/**
 * The lookup tables, built on first use: ~5 ms that a page loading the widget (a closed launcher
 * checks no number) would otherwise spend before its first render.
 */
function tables(): Tables {
  if (built) return built;
  const rows = IIN_TABLE.map((r) => {
    const scale = 10 ** (6 - r.from.length);
    let mask = 0;
    for (const l of r.lengths) mask |= 1 << l;
    return {
      lo: Number(r.from) * scale,
      hi: (Number(r.to) + 1) * scale - 1,
      mask,
      maxLen: Math.max(...r.lengths),
    };
  });
  const by2: Row6[][] = [];
  for (let p = 0; p < 100; p++) by2.push(rows.filter((r) => r.lo <= p * 10000 + 9999 && r.hi >= p * 10000));
  const by4 = new Int32Array(10000);
  for (const r of rows) {
    for (let p = Math.floor(r.lo / 100); p <= Math.floor(r.hi / 100); p++) by4[p] = (by4[p] ?? 0) | r.mask;
  }
  for (const r of rows) {
    if (r.lo % 100 !== 0) by4[Math.floor(r.lo / 100)] = -1;
    if (r.hi % 100 !== 99) by4[Math.floor(r.hi / 100)] = -1;
  }
  return (built = { rows, by2, by4 });
}

/** Bit mask (bit L set ⇔ length L allowed) of the networks whose range holds `first6`. */
export function panLengthMask(first6: number): number {
  const { by2, by4 } = tables();
  const m = by4[(first6 / 100) | 0] ?? -1;
  if (m >= 0) return m;
  let rows = 0;
  for (const r of by2[Math.floor(first6 / 10000)] ?? []) if (first6 >= r.lo && first6 <= r.hi) rows |= r.mask;
  return rows;
}

/** Is `digits` (13–19 ASCII digits) a card number: IIN/length table AND Luhn. */
export function isPan(digits: string): boolean {
  const n = digits.length;
  if (n < PAN_MIN || n > PAN_MAX) return false;
  if ((panLengthMask(Number(digits.slice(0, 6))) & (1 << n)) === 0) return false;
  return luhnValid(digits);
}

const DOUBLE = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9] as const;

/** Luhn mod-10 check of ASCII digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digits.charCodeAt(i) - 48;
    sum += dbl ? luhnDouble(d) : d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

/** Value of a digit when doubled by Luhn. */
export function luhnDouble(d: number): number {
  return DOUBLE[d] ?? 0;
}

/**
 * Could a card number of at least `total` digits start with `prefix` (1–6 ASCII digits)?
 * Used by the split-number rule to decide whether a run of fragments may become a PAN.
 */
export function couldBePanPrefix(prefix: string, total: number): boolean {
  if (prefix.length === 0 || total > PAN_MAX) return false;
  const p = prefix.slice(0, 6);
  const scale = 10 ** (6 - p.length);
  const lo = Number(p) * scale;
  const hi = lo + scale - 1;
  for (const r of tables().rows) if (r.lo <= hi && r.hi >= lo && r.maxLen >= total) return true;
  return false;
}
