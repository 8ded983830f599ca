/**
 * Runs the evasion corpus (redaction-evasion-corpus*.ts, spec: /work/spec21.md) through a fresh
 * redactor per case, and reads what left as a person would (digit-reader.ts: every digit form,
 * number words, look-alike letters; plus tens and teens, rewritten here as digit words first),
 * never through the engine.
 *
 * - attack: at most `allowed` digits of the secret are readable in everything the customer's
 *   messages left as, in order; at least one finding, of every kind in `kinds`; a password never
 *   appears in what left;
 * - benign: every customer message leaves unchanged, with no finding;
 * - always: preview equals redact, findings are empty exactly when the text is unchanged, and
 *   redacting what left again (a fresh `redact`) finds nothing.
 *
 * The last test prints the rate caught (attacks) or passed (benign) per category and requires
 * 100 % everywhere except the benign cases marked `acceptedFalsePositive`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { PLACEHOLDERS, createRedactor, redact } from '../../src/redaction/index.js';
import type { Lang, RedactionResult } from '../../src/redaction/index.js';
import { digitsOfSecretIn, readDigitString } from './digit-reader.js';
import { ATTACK_CATEGORIES, BENIGN_CATEGORIES, EVASION_CASES } from './redaction-evasion-corpus.js';
import type { EvasionCase } from './redaction-evasion-corpus.js';

// ------------------------------------------------------------------ reading what left

const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_UNITS: Record<string, number> = Object.fromEntries(DIGIT_WORDS.map((w, i) => [w, i]));
const ES_UNITS: Record<string, number> = {
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
};
const EN_TENS: Record<string, number> = {
  twenty: 2,
  thirty: 3,
  forty: 4,
  fifty: 5,
  sixty: 6,
  seventy: 7,
  eighty: 8,
  ninety: 9,
};
const ES_TENS: Record<string, number> = {
  veinte: 2,
  treinta: 3,
  cuarenta: 4,
  cincuenta: 5,
  sesenta: 6,
  setenta: 7,
  ochenta: 8,
  noventa: 9,
};
/** Words that are one two-digit number by themselves. */
const EN_TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const ES_TEENS: Record<string, number> = {
  diez: 10,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veintiuno: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
};

const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const spell = (n: string): string => n.replace(/[0-9]/g, (d) => ` ${DIGIT_WORDS[Number(d)] ?? ''}`).trim();

/**
 * Rewrites tens and teens as digit words, which readDigitString reads: "thirty seven" →
 * "three seven", "ten" → "one zero", "treinta y siete" → "three seven", "veintidós" → "two two".
 * Spanish "once" (11) only in Spanish conversations.
 */
function spellTensAndTeens(text: string, lang: Lang): string {
  const words = [...text.matchAll(/\p{L}+/gu)].map((m) => ({
    w: fold(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  let out = '';
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const gap = (j: number): string => text.slice(words[j - 1]!.end, words[j]!.start);
    let value: string | undefined;
    let end = word.end;
    const tens = EN_TENS[word.w] ?? ES_TENS[word.w];
    if (tens !== undefined) {
      value = `${tens}0`;
      const next = words[i + 1];
      const after = words[i + 2];
      const unit = EN_TENS[word.w] !== undefined ? EN_UNITS : ES_UNITS;
      if (EN_TENS[word.w] !== undefined && next && (unit[next.w] ?? 0) > 0 && /^[\s-]+$/.test(gap(i + 1))) {
        value = `${tens}${unit[next.w]}`;
        end = next.end;
        i += 1;
      } else if (
        ES_TENS[word.w] !== undefined &&
        next?.w === 'y' &&
        after &&
        unit[after.w] !== undefined &&
        /^\s+$/.test(gap(i + 1)) &&
        /^\s+$/.test(gap(i + 2))
      ) {
        value = `${tens}${unit[after.w]}`;
        end = after.end;
        i += 2;
      }
    } else {
      const teen =
        EN_TEENS[word.w] ?? ES_TEENS[word.w] ?? (lang === 'es' && word.w === 'once' ? 11 : undefined);
      if (teen !== undefined) value = String(teen);
    }
    if (value === undefined) continue;
    out += text.slice(at, word.start) + spell(value);
    at = end;
  }
  return out + text.slice(at);
}

/** Value of an astral-plane character people type as a digit (𝟔, 🄆), or undefined. */
function astralDigit(ch: string): string | undefined {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x1f100 || cp === 0x1f10b || cp === 0x1f10c) return '0'; // 🄀 🄋 🄌
  if (cp >= 0x1f101 && cp <= 0x1f10a) return String(cp - 0x1f101); // 🄁 … 🄊 (digit comma)
  if (/\p{Nd}/u.test(ch)) {
    let zero = cp;
    while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    return String((cp - zero) % 10);
  }
  const n = ch.normalize('NFKC');
  return n.length === 1 && n >= '0' && n <= '9' ? n : undefined;
}

/**
 * Characters outside the BMP written as one BMP character each before readDigitString reads the
 * text: its per-character loop takes a code point that is already whole for a surrogate pair and
 * joins it with the next character, so it skips every other mathematical digit (𝟔𝟎𝟏𝟏 read as
 * "61") and the character after an emoji. Astral digits become their ASCII digit, anything else
 * astral U+FFFD (a non-digit, non-space).
 */
const bmpOnly = (text: string): string =>
  text.replace(/[\u{10000}-\u{10FFFF}]/gu, (ch) => astralDigit(ch) ?? '\ufffd');

/** The digits a person reads in `text`. */
const readAll = (text: string, lang: Lang): string => readDigitString(bmpOnly(spellTensAndTeens(text, lang)));

// ------------------------------------------------------------------ running a case

interface Outcome {
  /** Broken invariants: preview ≠ redact, findings ⇔ change, redacting the output again finds something. */
  invariants: string[];
  /** Why the case does not meet its expectation (empty when it does). */
  misses: string[];
}

const customerMessages = (c: EvasionCase): string[] =>
  c.steps.flatMap((s) => ('customer' in s ? [s.customer] : []));

const ALL_PLACEHOLDERS = Object.values(PLACEHOLDERS).flatMap((byKind) => Object.values(byKind));

const isNumeric = (secret: string): boolean => /^[0-9]+$/.test(secret);

/**
 * What of a password must not be in what left: the password, each word of a passphrase, each
 * run of letters and digits in it (`Luna2024` of `Luna2024$`) and each run of letters or of
 * digits (`Luna`, `2024`), of 3 characters or more, unless it is also in the rest of the
 * conversation or in a placeholder (`word` of `Pa55word!` is in "password").
 */
function passwordPieces(secret: string, messages: string[]): Set<string> {
  const rest = [...messages.map((m) => m.replace(secret, '')), ...ALL_PLACEHOLDERS].join('\n');
  const pieces = new Set([secret]);
  for (const word of secret.split(/\s+/)) {
    for (const piece of [word, ...word.split(/[^\p{L}\p{N}]+/u), ...(word.match(/\p{L}+|\p{N}+/gu) ?? [])]) {
      if (piece.length >= 3 && !rest.includes(piece)) pieces.add(piece);
    }
  }
  return pieces;
}

function run(c: EvasionCase): Outcome {
  const lang = c.lang ?? 'en';
  const redactor = createRedactor({ lang });
  const invariants: string[] = [];
  const misses: string[] = [];
  const outputs: { input: string; result: RedactionResult }[] = [];
  for (const step of c.steps) {
    if ('agent' in step) {
      redactor.observe(step.agent);
      continue;
    }
    const input = step.customer;
    const preview = redactor.preview(input);
    const result = redactor.redact(input);
    if (!isDeepStrictEqual(preview, result))
      invariants.push(`preview ${JSON.stringify(preview)} ≠ redact ${JSON.stringify(result)}`);
    if ((result.findings.length === 0) !== (result.text === input))
      invariants.push(
        `findings empty ⇔ unchanged broken for ${JSON.stringify(input)} → ${JSON.stringify(result)}`,
      );
    const again = redact(result.text, { lang });
    if (again.findings.length > 0)
      invariants.push(
        `redacting ${JSON.stringify(result.text)} again finds ${JSON.stringify(again.findings)}`,
      );
    outputs.push({ input, result });
  }
  const left = outputs.map((o) => JSON.stringify(o.result.text)).join(' / ');
  if (c.expect === 'benign') {
    for (const { input, result } of outputs) {
      if (result.text !== input || result.findings.length > 0)
        misses.push(`${JSON.stringify(input)} left as ${JSON.stringify(result.text)}`);
    }
    return { invariants, misses };
  }
  const secret = c.secret ?? '';
  const found = outputs.flatMap((o) => o.result.findings.map((f) => f.kind));
  if (found.length === 0) misses.push(`nothing found; left: ${left}`);
  for (const kind of c.kinds ?? []) {
    if (found.length > 0 && !found.includes(kind))
      misses.push(`no ${kind} finding (found ${found.join(', ')})`);
  }
  if (isNumeric(secret)) {
    const read = outputs.map((o) => readAll(o.result.text, lang)).join('');
    const n = digitsOfSecretIn(secret, read);
    const allowed = c.allowed ?? 0;
    if (n > allowed)
      misses.push(`${n} digits of ${secret} readable (allowed ${allowed}) in what left: ${left}`);
  } else {
    for (const piece of passwordPieces(secret, customerMessages(c))) {
      if (outputs.some((o) => o.result.text.includes(piece)))
        misses.push(`${JSON.stringify(piece)} of the password left: ${left}`);
    }
  }
  return { invariants, misses };
}

const excerpt = (c: EvasionCase): string => {
  const text = customerMessages(c).join(' / ');
  return JSON.stringify(text.length > 48 ? `${text.slice(0, 47)}…` : text);
};

const nameOf = (c: EvasionCase): string => `${c.category} (${c.expect}): ${c.reason} — ${excerpt(c)}`;

// ------------------------------------------------------------------ the tests

describe('redaction evasion corpus (issue 21)', () => {
  it('is well formed: every attack holds its secret, every case its reason', () => {
    const attackCategories: readonly string[] = ATTACK_CATEGORIES;
    const benignCategories: readonly string[] = BENIGN_CATEGORIES;
    for (const c of EVASION_CASES) {
      const where = nameOf(c);
      assert.ok(c.reason.trim().length > 0, `no reason: ${where}`);
      assert.ok(customerMessages(c).length > 0, `no customer message: ${where}`);
      if (c.expect === 'benign') {
        assert.ok(benignCategories.includes(c.category), `not a benign category: ${where}`);
        assert.equal(c.secret, undefined, `a benign case has no secret: ${where}`);
        continue;
      }
      assert.ok(attackCategories.includes(c.category), `not an attack category: ${where}`);
      assert.equal(
        c.acceptedFalsePositive,
        undefined,
        `only benign cases are accepted false positives: ${where}`,
      );
      const secret = c.secret ?? '';
      assert.ok(secret.length > 0, `an attack needs its secret: ${where}`);
      const lang = c.lang ?? 'en';
      if (isNumeric(secret)) {
        const read = customerMessages(c)
          .map((m) => readAll(m, lang))
          .join('');
        assert.equal(
          digitsOfSecretIn(secret, read),
          secret.length,
          `${secret} is not all in ${where} (read ${read})`,
        );
        assert.ok((c.allowed ?? 0) < secret.length, `allowed covers the whole secret: ${where}`);
      } else {
        assert.ok(
          customerMessages(c).some((m) => m.includes(secret)),
          `${JSON.stringify(secret)} not in ${where}`,
        );
      }
    }
  });

  for (const c of EVASION_CASES) {
    it(nameOf(c), () => {
      const { invariants, misses } = run(c);
      assert.ok(invariants.length === 0, invariants.join('\n'));
      if (c.acceptedFalsePositive === undefined) assert.ok(misses.length === 0, misses.join('\n'));
    });
  }

  it('reports the rates per category', () => {
    interface Row {
      category: string;
      kind: string;
      cases: number;
      ok: number;
      accepted: boolean;
      failing: string[];
    }
    const table = new Map<string, Row>();
    for (const c of EVASION_CASES) {
      const accepted = c.acceptedFalsePositive !== undefined;
      const kind = c.expect === 'attack' ? 'attack' : accepted ? 'benign, accepted false positive' : 'benign';
      const key = `${c.category}\u0000${kind}`;
      const row = table.get(key) ?? { category: c.category, kind, cases: 0, ok: 0, accepted, failing: [] };
      table.set(key, row);
      row.cases++;
      if (run(c).misses.length === 0) row.ok++;
      else row.failing.push(nameOf(c));
    }
    const order = (r: Row): number =>
      (r.kind === 'attack'
        ? ATTACK_CATEGORIES.indexOf(r.category as (typeof ATTACK_CATEGORIES)[number])
        : 100 + BENIGN_CATEGORIES.indexOf(r.category as (typeof BENIGN_CATEGORIES)[number])) *
        2 +
      (r.accepted ? 1 : 0);
    const rows = [...table.values()].sort((a, b) => order(a) - order(b));
    const percent = (ok: number, n: number): string => `${n === 0 ? '–' : ((100 * ok) / n).toFixed(1)} %`;
    const rate = (r: { kind: string; ok: number; cases: number }): string =>
      `${percent(r.ok, r.cases)} ${r.kind === 'attack' ? 'caught' : 'unchanged'} (${r.ok}/${r.cases})`;
    const total = (kind: string, pick: (r: Row) => boolean): { kind: string; ok: number; cases: number } => ({
      kind,
      ok: rows.filter(pick).reduce((s, r) => s + r.ok, 0),
      cases: rows.filter(pick).reduce((s, r) => s + r.cases, 0),
    });
    const attacks = total('attack', (r) => r.kind === 'attack');
    const benign = total('benign', (r) => r.kind !== 'attack' && !r.accepted);
    const accepted = total('benign, accepted false positive', (r) => r.accepted);
    const lines = [
      '| category | kind of case | cases | rate |',
      '| --- | --- | ---: | --- |',
      ...rows.map((r) => `| ${r.category} | ${r.kind} | ${r.cases} | ${rate(r)} |`),
      `| **all** | attack | ${attacks.cases} | ${rate(attacks)} |`,
      `| **all** | benign | ${benign.cases} | ${rate(benign)} |`,
      `| **all** | benign, accepted false positive | ${accepted.cases} | ${rate(accepted)} |`,
    ];
    console.log(`\nRedaction evasion corpus (spec 21)\n\n${lines.join('\n')}\n`);

    assert.ok(EVASION_CASES.length >= 320, `only ${EVASION_CASES.length} cases`);
    assert.ok(attacks.cases >= 200, `only ${attacks.cases} attack cases`);
    assert.ok(benign.cases + accepted.cases >= 120, `only ${benign.cases + accepted.cases} benign cases`);
    const short = rows.filter((r) => !r.accepted && r.ok < r.cases);
    assert.ok(
      short.length === 0,
      short
        .map(
          (r) =>
            `${r.category} (${r.kind}): ${rate(r)}; first misses:\n  ${r.failing.slice(0, 5).join('\n  ')}`,
        )
        .join('\n'),
    );
  });
});
