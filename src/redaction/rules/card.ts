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

/** One row; the network is named in its comment (comments cost nothing in the bundle). */
interface IinRow {
  from: string;
  to: string;
  lengths: readonly number[];
}

const L16_19 = [16, 17, 18, 19] as const;
const L14_19 = [14, 15, ...L16_19] as const;
const L13_19 = [13, ...L14_19] as const;

export const IIN_TABLE: readonly IinRow[] = [
  // Amex: 34 and 37, always 15 digits, printed 4-6-5. The issuer's own cards.
  { from: '34', to: '34', lengths: [15] }, // American Express
  { from: '37', to: '37', lengths: [15] }, // American Express
  // Visa: every 4, 13 (legacy), 16 and 19 digits.
  { from: '4', to: '4', lengths: [13, 16, 19] }, // Visa
  // Mastercard: 51–55 and the 2-series 2221–2720, 16 digits.
  { from: '51', to: '55', lengths: [16] }, // Mastercard
  { from: '2221', to: '2720', lengths: [16] }, // Mastercard 2-series
  // Discover: 6011, 644–649, 65, and the UnionPay co-brand range 622126–622925; 16–19.
  { from: '6011', to: '6011', lengths: L16_19 }, // Discover
  { from: '644', to: '649', lengths: L16_19 }, // Discover
  { from: '65', to: '65', lengths: L16_19 }, // Discover
  {
    from: '622126',
    to: '622925',
    lengths: L16_19,
    // Discover / UnionPay co-brand
  },
  // JCB: 3528–3589, 16–19.
  { from: '3528', to: '3589', lengths: L16_19 }, // JCB
  // Diners Club International: 300–305, 3095, 36, 38–39; 14–19 (printed 4-6-4 when 14).
  { from: '300', to: '305', lengths: L14_19 }, // Diners Club
  { from: '3095', to: '3095', lengths: L14_19 }, // Diners Club
  { from: '36', to: '36', lengths: L14_19 }, // Diners Club
  { from: '38', to: '39', lengths: L14_19 }, // Diners Club
  // UnionPay: 62, 16–19.
  { from: '62', to: '62', lengths: L16_19 }, // UnionPay
  // Maestro (debit, used by travellers): its IINs, 13–19 here (12-digit Maestro is below our floor).
  { from: '5018', to: '5018', lengths: L13_19 }, // Maestro
  { from: '5020', to: '5020', lengths: L13_19 }, // Maestro
  { from: '5038', to: '5038', lengths: L13_19 }, // Maestro
  { from: '5893', to: '5893', lengths: L13_19 }, // Maestro
  { from: '6304', to: '6304', lengths: L13_19 }, // Maestro
  {
    from: '6759',
    to: '6759',
    lengths: L13_19,
    // Maestro UK
  },
  { from: '6761', to: '6763', lengths: L13_19 }, // Maestro
  // Dankort 5019 (16), Mir 2200–2204 (16–19), RuPay 60 and 508 (16), Troy 9792 (16),
  // Verve 506099–506198 / 650002–650027 (16, 18, 19), InterPayment 636 (16–19),
  // InstaPayment 637–639 (16): smaller networks a cardmember abroad may still paste.
  { from: '5019', to: '5019', lengths: [16] }, // Dankort
  { from: '2200', to: '2204', lengths: L16_19 }, // Mir
  { from: '60', to: '60', lengths: [16] }, // RuPay
  { from: '508', to: '508', lengths: [16] }, // RuPay
  { from: '9792', to: '9792', lengths: [16] }, // Troy
  { from: '506099', to: '506198', lengths: [16, 18, 19] }, // Verve
  { from: '650002', to: '650027', lengths: [16, 18, 19] }, // Verve
  { from: '636', to: '636', lengths: L16_19 }, // InterPayment
  { from: '637', to: '639', lengths: [16] }, // InstaPayment
];

/** Shortest and longest PAN we look for. */
export const PAN_MIN = 13;
export const PAN_MAX = 19;

/** The table with each range widened to 6 digits, and its lengths as a bit mask. */
const ROWS6 = IIN_TABLE.map((r) => {
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

/**
 * For each 2-digit prefix, the rows that may hold a number starting with it; and the length mask
 * for each 4-digit prefix, or -1 where a row boundary falls inside the prefix (Discover
 * 622126–622925, Verve) and the 6 digits are needed. Built on first use, so that a page loading
 * the widget (a closed launcher checks no number) does not build it before its first render.
 */
let byPrefix: { by2: (typeof ROWS6)[]; by4: Int32Array } | undefined;

function prefixTables(): { by2: (typeof ROWS6)[]; by4: Int32Array } {
  const by2: (typeof ROWS6)[] = [];
  for (let p = 0; p < 100; p++) by2.push(ROWS6.filter((r) => r.lo <= p * 10000 + 9999 && r.hi >= p * 10000));
  const by4 = new Int32Array(10000);
  for (const r of ROWS6) {
    for (let p = Math.floor(r.lo / 100); p <= Math.floor(r.hi / 100); p++) by4[p] = (by4[p] ?? 0) | r.mask;
  }
  for (const r of ROWS6) {
    if (r.lo % 100 !== 0) by4[Math.floor(r.lo / 100)] = -1;
    if (r.hi % 100 !== 99) by4[Math.floor(r.hi / 100)] = -1;
  }
  return { by2, by4 };
}

/** Bit mask (bit L set ⇔ length L allowed) of the networks whose range holds `first6`. */
export function panLengthMask(first6: number): number {
  const { by2, by4 } = (byPrefix ??= prefixTables());
  let m = by4[(first6 / 100) | 0] ?? -1;
  if (m < 0) {
    m = 0;
    for (const r of by2[Math.floor(first6 / 10000)] ?? []) if (first6 >= r.lo && first6 <= r.hi) m |= r.mask;
  }
  return m;
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
  for (const r of ROWS6) if (r.lo <= hi && r.hi >= lo && r.maxLen >= total) return true;
  return false;
}
