/**
 * The building blocks of the benign-conversation generator (./benign-conversations.ts): the
 * intents and their weights, the reproducible randomness, the kit of numbers people write, and
 * the roughening of text (case, typos). The per-language templates import these; the generator
 * imports the templates, so the blocks live apart from it.
 */
import fc from 'fast-check';

export type Lang = 'en' | 'es';
export type Step = { agent: string } | { customer: string };
export interface BenignConversation {
  lang: Lang;
  intent: string;
  steps: Step[];
}

/** The intents a card issuer's chat sees, with how often each one opens a chat (weights). */
export const INTENT_WEIGHTS = {
  dispute: 15,
  'lost-stolen': 9,
  'lock-unlock': 5,
  'payment-due': 10,
  'late-fee': 6,
  rewards: 8,
  'authorized-user': 5,
  'credit-limit': 6,
  travel: 7,
  'fraud-alert': 7,
  'contact-update': 6,
  statement: 5,
  'balance-transfer': 4,
  refund: 6,
  'annual-fee': 4,
  'digital-wallet': 4,
} as const;
export type Intent = keyof typeof INTENT_WEIGHTS;
export const INTENTS = Object.keys(INTENT_WEIGHTS) as Intent[];

export type IntentBuilder = (k: Kit) => Step[];
/** Some of a language's intents; a language's groups together cover every intent. */
export type IntentGroup = Partial<Record<Intent, IntentBuilder>>;

/** A language's frame: the opening, the turn to a second topic, the end. */
export interface LangPack {
  open: (k: Kit) => Step[];
  /** The agent asks whether there is anything else; the next body follows. */
  more: (k: Kit) => Step[];
  close: (k: Kit) => Step[];
  /** Words that start a second topic ("also", "one more thing"). */
  also: readonly string[];
}

export const MIN_CUSTOMER = 2;
export const MAX_CUSTOMER = 14;

// ---- randomness: every draw goes through fast-check ------------------------------------------

const UNIFORM = fc.noBias(fc.integer({ min: 0, max: 0x3fffffff }));
const uniform = (): fc.Arbitrary<number> => UNIFORM;

export class Rand {
  constructor(private readonly g: fc.GeneratorValue) {}
  /** An integer in [min, max], uniform. */
  int(min: number, max: number): number {
    return min + (this.g(uniform) % (max - min + 1));
  }
  chance(p: number): boolean {
    return this.int(0, 9999) < p * 10000;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)]!;
  }
  /** One of weighted options: `w([3, 'a'], [1, 'b'])`. */
  w<T>(...options: readonly (readonly [number, T])[]): T {
    const total = options.reduce((sum, [weight]) => sum + weight, 0);
    let at = this.int(0, total * 100 - 1) / 100;
    for (const [weight, value] of options) {
      if (at < weight) return value;
      at -= weight;
    }
    return options[options.length - 1]![1];
  }
  /** One of weighted texts written `weight|text`: `ws('3|yes', '1|yep')`. */
  ws(...options: readonly string[]): string {
    return this.w(
      ...options.map((o): [number, string] => {
        const bar = o.indexOf('|');
        return [Number(o.slice(0, bar)), o.slice(bar + 1)];
      }),
    );
  }
  /** n characters of an (ASCII) alphabet. */
  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet.charAt(this.int(0, alphabet.length - 1));
    return s;
  }
  digits(n: number): string {
    return this.chars('0123456789', n);
  }
}

// ---- values people write ----------------------------------------------------------------------

/** `a; b; c` → rows, each split on `,`. */
const table = (text: string): string[][] =>
  text.split(';').map((row) => row.split(',').map((cell) => cell.trim()));
const list = (text: string): string[] => text.split(',').map((x) => x.trim());

const MONTHS = table(
  'January, Jan, enero; February, Feb, febrero; March, Mar, marzo; April, Apr, abril; May, May, mayo; ' +
    'June, Jun, junio; July, Jul, julio; August, Aug, agosto; September, Sept, septiembre; ' +
    'October, Oct, octubre; November, Nov, noviembre; December, Dec, diciembre',
) as [string, string, string][];
const DAYS_IN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** City, state, first three digits of its ZIP codes. */
const CITIES = table(
  'New York, NY, 100; Brooklyn, NY, 112; Bronx, NY, 104; Miami, FL, 331; Orlando, FL, 328; Tampa, FL, 336; ' +
    'Austin, TX, 787; Houston, TX, 770; Dallas, TX, 752; San Antonio, TX, 782; El Paso, TX, 799; ' +
    'Los Angeles, CA, 900; San Diego, CA, 921; San Jose, CA, 951; Chicago, IL, 606; Phoenix, AZ, 850; ' +
    'Boston, MA, 021; Seattle, WA, 981; Denver, CO, 802; Atlanta, GA, 303; Newark, NJ, 071; ' +
    'Jersey City, NJ, 073; Philadelphia, PA, 191; Las Vegas, NV, 891; Charlotte, NC, 282; Nashville, TN, 372; ' +
    'Minneapolis, MN, 554; Portland, OR, 972; Columbus, OH, 432; Salt Lake City, UT, 841; San Juan, PR, 009; ' +
    'Washington, DC, 200',
) as [string, string, string][];
const AREA_CODES = list(
  '212, 917, 646, 718, 347, 929, 305, 786, 407, 813, 512, 713, 214, 210, 915, 213, 310, 619, 408, 312, 773, ' +
    '602, 617, 206, 303, 404, 973, 201, 215, 702, 704, 615, 612, 503, 614, 801, 787, 202',
);
const STREETS = list(
  'Oak, Maple, Main, Vesey, Park, Washington, Elm, Sunset, Ocean, Lincoln, Cedar, Pine, Lake, Hill, Jefferson, ' +
    'Madison, Highland, Willow, Church, Franklin, Grand, Biscayne, Congress, Magnolia, Riverside, Lexington, ' +
    'Atlantic, Spring, Mission, Ponce de Leon',
);
const NUMBERED_STREETS = list('5th, 34th, 2nd, 3rd, 42nd, 14th, 86th, 1st, 10th, 125th');
const SUFFIXES = list('St, Street, Ave, Avenue, Blvd, Rd, Road, Dr, Drive, Ln, Ct, Way, Pl');
const FIRST_NAMES = list(
  'Maria, James, Sofia, David, Ana, Michael, Lucia, Chris, Jennifer, Carlos, Emily, Jose, Sarah, Daniel, ' +
    'Valentina, Kevin, Ashley, Luis, Nicole, Brian, Gabriela, Tom',
);
const LAST_NAMES = list(
  'Garcia, Smith, Rodriguez, Johnson, Martinez, Lee, Hernandez, Brown, Lopez, Nguyen, Gonzalez, Miller, ' +
    'Perez, Davis, Rivera, Wilson, Torres, Kim, Ramirez, Cohen',
);
const MERCHANTS = list(
  'Best Buy, Amazon, Delta, Marriott, Uber, Costco, Target, Home Depot, Apple, Netflix, Spotify, DoorDash, ' +
    "Walgreens, CVS, Whole Foods, Trader Joe's, Airbnb, Expedia, Hilton, United, Southwest, Sephora, " +
    "Nordstrom, Macy's, Lowe's, Wayfair, Etsy, eBay, Chewy, Peloton, Ticketmaster, StubHub, Hertz, Starbucks, " +
    'Chipotle, Lyft, Instacart, Zara, Walmart, Saks, American Airlines, JetBlue, Hyatt, Shell, Equinox, ' +
    'Verizon, Comcast',
);
/** IATA code, the name people use. */
const AIRLINES = table(
  'DL, Delta; AA, American; UA, United; B6, JetBlue; WN, Southwest; AS, Alaska; BA, British Airways; ' +
    'IB, Iberia; AM, Aeromexico; AV, Avianca',
) as [string, string][];
const DEVICES = list(
  'iPhone 15, iPhone 13, iPhone 14 Pro, iPhone 16 Pro Max, iPhone 12 mini, Pixel 8, Pixel 7a, Galaxy S23, ' +
    'Galaxy S24 Ultra, Galaxy A54, Apple Watch, Apple Watch Series 9, iPad',
);
const SAFE_ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A value as the customer writes it (`c`) and as an agent restates it (`a`). */
export interface Said {
  c: string;
  a: string;
}

function commas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function ordinal(d: number): string {
  const t = d % 100;
  if (t >= 11 && t <= 13) return `${d}th`;
  return `${d}${['th', 'st', 'nd', 'rd'][d % 10] ?? 'th'}`;
}
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Per conversation: the random source, the language and the values people write. */
export class Kit {
  constructor(
    readonly r: Rand,
    readonly lang: Lang,
  ) {}

  /** An amount, log-uniform in [min, max] dollars; `round` for payments people make. */
  money(min = 3, max = 3000, round = false): Said {
    const { r } = this;
    let dollars = Math.round(Math.exp(Math.log(min) + (r.int(0, 10000) / 10000) * Math.log(max / min)));
    let cents = r.chance(0.65) ? r.int(0, 99) : 0;
    if (round && r.chance(0.7)) {
      const step = dollars >= 1000 ? 100 : dollars >= 100 ? 50 : 5;
      dollars = Math.max(step, Math.round(dollars / step) * step);
      cents = 0;
    }
    const big = dollars >= 1000;
    const d = big && r.chance(0.75) ? commas(dollars) : String(dollars);
    const dc = cents > 0 || r.chance(0.1) ? `${d}.${pad2(cents)}` : d;
    const a = `$${commas(dollars)}${cents > 0 ? `.${pad2(cents)}` : ''}`;
    if (this.lang === 'es') {
      const c = r.ws(
        `40|$${dc}`,
        `20|${dc} dólares`,
        `14|${d} dólares`,
        `14|$${d}`,
        `5|${cents > 0 ? `${d.replace(/,/g, '.')},${pad2(cents)} dólares` : `${d} dolares`}`,
        `4|${dc} USD`,
        `3|US$${dc}`,
      );
      return { c, a };
    }
    const c = r.ws(
      `38|$${dc}`,
      `20|${cents > 0 ? dc : `$${d}`}`,
      `18|$${d}`,
      `9|${d} dollars`,
      `3|${d} bucks`,
      `3|${dc} usd`,
      `2|USD ${dc}`,
      `2|$ ${dc}`,
      `5|${dc}`,
    );
    return { c, a };
  }

  /** A date in the last year or so. */
  date(): Said {
    const { r } = this;
    const m = r.int(1, 12);
    const day = r.int(1, DAYS_IN[m - 1]!);
    const y = r.w([5, 2025], [3, 2026], [2, 2024]);
    const [month, mon, mes] = MONTHS[m - 1]!;
    if (this.lang === 'es') {
      const c = r.ws(
        `35|el ${day} de ${mes}`,
        `10|${day} de ${mes}`,
        `12|el ${day}/${pad2(m)}`,
        `8|el ${m}/${day}`,
        `8|el ${day}/${m}/${y}`,
        `10|el día ${day}`,
        `8|el ${day}`,
        `5|el ${day} de ${mes} de ${y}`,
        `4|el ${day}/${pad2(m)}/${String(y).slice(2)}`,
      );
      return { c, a: `${day} de ${mes}` };
    }
    const c = r.ws(
      `22|${m}/${day}`,
      `14|${pad2(m)}/${pad2(day)}`,
      `7|${m}/${day}/${String(y).slice(2)}`,
      `6|${pad2(m)}/${pad2(day)}/${y}`,
      `14|${mon} ${day}`,
      `5|${mon.toLowerCase()} ${day}`,
      `8|${month} ${ordinal(day)}`,
      `4|${month} ${day}, ${y}`,
      `14|the ${ordinal(day)}`,
      `2|${y}-${pad2(m)}-${pad2(day)}`,
      `2|${day} ${mon}`,
      `2|${mon}. ${day}`,
    );
    return { c, a: `${month} ${day}` };
  }

  /** A trip: departure and return, as people write a range. */
  dateRange(): string {
    const { r } = this;
    const m1 = r.int(1, 12);
    const d1 = r.int(1, 28);
    const len = r.int(3, 21);
    const m2 = d1 + len > 28 ? (m1 % 12) + 1 : m1;
    const d2 = d1 + len > 28 ? d1 + len - 28 : d1 + len;
    const [, mon1, mes1] = MONTHS[m1 - 1]!;
    const [, mon2, mes2] = MONTHS[m2 - 1]!;
    if (this.lang === 'es')
      return r.ws(
        `30|del ${d1} de ${mes1} al ${d2} de ${mes2}`,
        `20|del ${d1}/${m1} al ${d2}/${m2}`,
        `15|del ${m1}/${d1} al ${m2}/${d2}`,
        `15|desde el ${d1} de ${mes1} hasta el ${d2} de ${mes2}`,
        `10|${d1}/${pad2(m1)} - ${d2}/${pad2(m2)}`,
      );
    return r.ws(
      `30|from ${m1}/${d1} to ${m2}/${d2}`,
      `20|${m1}/${d1}-${m2}/${d2}`,
      `20|${mon1} ${d1} to ${mon2} ${d2}`,
      `10|${mon1} ${d1} - ${mon2} ${d2}`,
      `10|from the ${ordinal(d1)} to the ${ordinal(d2)}`,
      `5|${pad2(m1)}/${pad2(d1)} thru ${pad2(m2)}/${pad2(d2)}`,
    );
  }

  time(): string {
    const { r } = this;
    const h = r.int(1, 12);
    const min = r.pick([0, 5, 10, 15, 20, 30, 40, 45, r.int(0, 59)]);
    const hm = `${h}:${pad2(min)}`;
    if (this.lang === 'es')
      return r.ws(
        `25|a las ${hm}`,
        `20|a las ${h} de la ${r.pick(['tarde', 'mañana', 'noche'])}`,
        `15|a las ${h}${r.pick(['pm', 'am', ' pm', ' p.m.'])}`,
        `10|como a las ${h}`,
        `10|a las ${hm} ${r.pick(['am', 'pm'])}`,
        `5|al mediodía`,
      );
    return r.ws(
      `20|${hm}`,
      `15|${hm} ${r.pick(['am', 'pm', 'AM', 'PM'])}`,
      `10|${hm}${r.pick(['am', 'pm'])}`,
      `15|${h} ${r.pick(['pm', 'am', 'PM'])}`,
      `15|${h}${r.pick(['pm', 'am'])}`,
      `6|around ${h}`,
      `3|noon`,
      `2|${h}ish`,
    );
  }

  /** 1st, 2nd, 3rd, 11th… */
  ordinal(n: number): string {
    return ordinal(n);
  }

  /** The last four digits of a card. */
  last4(): string {
    return this.r.digits(4);
  }

  place(): { city: string; st: string; zip: string } {
    const [city, st, prefix] = this.r.pick(CITIES);
    return { city, st, zip: prefix + this.r.digits(2) };
  }

  zip(): string {
    const { zip } = this.place();
    return this.r.chance(0.06) ? `${zip}-${this.r.digits(4)}` : zip;
  }

  /** A US phone number, valid-looking (area code and exchange from 2-9, no N11). */
  phone(): string {
    const { r } = this;
    const area = r.pick(AREA_CODES);
    let exchange = '555';
    let line = `01${r.digits(2)}`;
    if (r.chance(0.5)) {
      do exchange = `${r.int(2, 9)}${r.digits(2)}`;
      while (exchange.endsWith('11') || exchange === '555');
      line = r.digits(4);
    }
    return r.ws(
      `35|${area}-${exchange}-${line}`,
      `20|(${area}) ${exchange}-${line}`,
      `18|${area}${exchange}${line}`,
      `10|${area} ${exchange} ${line}`,
      `5|${area}.${exchange}.${line}`,
      `4|+1 ${area} ${exchange} ${line}`,
      `4|1-${area}-${exchange}-${line}`,
      `4|(${area})${exchange}-${line}`,
    );
  }

  /** A case number as the issuer's agents give it: AMX-4KF7-Q2ZD. */
  caseNo(): string {
    return `AMX-${this.r.chars(SAFE_ALNUM, 4)}-${this.r.chars(SAFE_ALNUM, 4)}`;
  }

  orderNo(): string {
    const { r } = this;
    return r.ws(
      `25|${r.int(111, 114)}-${r.digits(7)}-${r.digits(7)}`,
      `20|${r.digits(r.int(6, 10))}`,
      `15|${r.pick(['W', 'R', 'SO', 'BBY01-', 'ORD', 'N'])}${r.digits(r.int(6, 10))}`,
      `10|#${r.digits(r.int(5, 8))}`,
      `10|${r.chars(SAFE_ALNUM, 8)}`,
      `5|${r.digits(3)}-${r.digits(4)}`,
    );
  }

  tracking(): string {
    const { r } = this;
    const usps = `9400${r.digits(18)}`;
    return r.ws(
      `35|1Z${r.chars(SAFE_ALNUM, 6)}${r.digits(10)}`,
      `20|${usps}`,
      `10|${usps.replace(/(\d{4})(?=\d)/g, '$1 ')}`,
      `20|7${r.digits(11)}`,
      `8|7${r.digits(3)} ${r.digits(4)} ${r.digits(4)}`,
      `7|TBA${r.digits(12)}`,
    );
  }

  /** An airline record locator (6 characters) or a hotel confirmation number. */
  confirmation(): string {
    const { r } = this;
    const alphabet = r.chance(0.5) ? LETTERS : SAFE_ALNUM;
    return r.ws(
      `45|${r.chars(alphabet, 6)}`,
      `30|${r.digits(r.int(8, 10))}`,
      `15|7${r.digits(12)}`,
      `10|${r.pick(['H', 'M', 'HH'])}${r.digits(8)}`,
    );
  }

  flight(): string {
    const { r } = this;
    const [code, name] = r.pick(AIRLINES);
    const n = String(r.w([3, r.int(1, 999)], [2, r.int(1000, 2999)]));
    return r.ws(`40|${code} ${n}`, `30|${code}${n}`, `20|${name} ${n}`, `10|flight ${n}`);
  }

  /** A points balance. */
  points(): Said {
    const { r } = this;
    let n = r.w([3, r.int(1, 120) * 1000], [2, r.int(1000, 350000)], [1, r.int(50, 999)]);
    if (r.chance(0.3)) n = Math.round(n / 500) * 500 || 500;
    const k = n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : commas(n);
    const c = r.ws(`50|${commas(n)}`, `25|${String(n)}`, `15|${k}`, `3|${k.toUpperCase()}`);
    return { c, a: commas(n) };
  }

  year(min = 1998, max = 2025): number {
    return this.r.int(min, max);
  }

  /** A street address; `c` is how the customer types it. */
  address(): Said {
    const { r } = this;
    const { city, st, zip } = this.place();
    const num = r.w([3, r.int(1, 999)], [3, r.int(1000, 9999)], [1, r.int(10000, 29999)]);
    const dir = r.chance(0.15) ? `${r.pick(['W', 'E', 'N', 'S', 'NW', 'SW'])} ` : '';
    const name = r.chance(0.2) ? r.pick(NUMBERED_STREETS) : r.pick(STREETS);
    const unit = r.ws(
      `6|`,
      `2| Apt ${r.int(1, 40)}${r.pick(['', 'A', 'B', 'C', 'D', 'F'])}`,
      `1| #${r.int(100, 2400)}`,
      `1| Unit ${r.int(1, 300)}`,
      `1|, Apt. ${r.int(1, 20)}${r.pick(['', 'R', 'L'])}`,
    );
    const street = `${num} ${dir}${name} ${r.pick(SUFFIXES)}${unit}`;
    const a = `${street}, ${city}, ${st} ${zip}`;
    const c = r.ws(
      `45|${a}`,
      `20|${street} ${city} ${st} ${zip}`,
      `10|${street}\n${city}, ${st} ${zip}`,
      `15|${street}`,
      `10|${street}, ${city} ${zip}`,
    );
    return { c, a };
  }

  percent(): string {
    const { r } = this;
    return r.ws(
      `25|${r.pick(['19', '21', '24', '26', '29'])}.${r.pick(['24', '49', '99', '74'])}%`,
      `25|${r.pick([0, 3, 5, 1, 2, 4])}%`,
      `15|${r.pick([3, 5])} percent`,
      `10|${r.int(15, 30)}%`,
      `10|${r.pick([3, 5])}%`,
      `15|0% for ${r.pick([6, 12, 15, 18, 21])} months`,
    );
  }

  merchant(): string {
    return this.r.pick(MERCHANTS);
  }

  /** A merchant as printed on the statement, which people paste. */
  descriptor(name: string): string {
    const { r } = this;
    const up = name.toUpperCase().replace(/[^A-Z ]/g, '');
    const city = this.place();
    return r.ws(
      `25|${up} #${r.digits(r.int(3, 5))}`,
      `20|${up} ${city.city.toUpperCase()} ${city.st}`,
      `10|SQ *${up.slice(0, 14)}`,
      `8|TST* ${up}`,
      `10|AMZN Mktp US*${r.chars(SAFE_ALNUM, 9)}`,
      `7|PAYPAL *${up.replace(/ /g, '').slice(0, 10)}`,
      `8|${up.replace(/ /g, '')}.COM ${r.pick(['866', '888', '800', '855'])}-${r.digits(3)}-${r.digits(4)} ${city.st}`,
      `4|${up} ${r.digits(11)}`,
      `3|DELTA AIR LINES 006${r.digits(10)}`,
      `5|${up} ${r.digits(r.int(6, 8))} ${city.city.toUpperCase()}`,
    );
  }

  person(): string {
    return `${this.r.pick(FIRST_NAMES)}${this.r.chance(0.5) ? ` ${this.r.pick(LAST_NAMES)}` : ''}`;
  }

  device(): string {
    return this.r.pick(DEVICES);
  }
}

// ---- how people type --------------------------------------------------------------------------

const TYPO_WORD = /[A-Za-zÀ-ÿ]{4,}/gu;

/** One typo in a word: two letters swapped, one dropped or one doubled. */
function typo(word: string, r: Rand): string {
  if (word === word.toUpperCase()) return word;
  const i = r.int(1, word.length - 2);
  return r.ws(
    `4|${word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2)}`,
    `3|${word.slice(0, i) + word.slice(i + 1)}`,
    `2|${word.slice(0, i) + word[i]! + word.slice(i)}`,
  );
}

function stripAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** Lower case, no final stop, typos, no apostrophes or accents, chat abbreviations. */
export function roughen(text: string, lang: Lang, r: Rand): string {
  let t = text;
  if (r.chance(0.12)) {
    const words = [...t.matchAll(TYPO_WORD)];
    const m = words.length > 0 ? r.pick(words) : undefined;
    if (m?.index !== undefined) t = t.slice(0, m.index) + typo(m[0], r) + t.slice(m.index + m[0].length);
  }
  if (lang === 'en') {
    if (r.chance(0.15)) t = t.replace(/'/g, '');
    if (r.chance(0.08)) t = t.replace(/\bplease\b/gi, 'pls').replace(/\bthanks\b/gi, 'thx');
    if (r.chance(0.05)) t = t.replace(/\byou\b/g, 'u');
  } else {
    if (r.chance(0.35)) t = stripAccents(t);
    if (r.chance(0.2)) t = t.replace(/[¿¡]/g, '');
    if (r.chance(0.06)) t = t.replace(/\bque\b/g, 'q').replace(/\bpor favor\b/g, 'porfa');
  }
  if (r.chance(0.3)) t = t.toLowerCase();
  if (r.chance(0.35)) t = t.replace(/[.!]$/, '');
  if (r.chance(0.04)) t += r.pick([' :)', ' 🙏', ' lol', '!!', '??', ' 😕']);
  return t;
}
