/**
 * The demo pages and the assistant show the same fictional cardmember: every figure of the
 * profile behind the pages' `account` attribute (demo/fixtures/profiles.ts) is the one the pages
 * print, and the fixture holds no secret (last four digits only).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PROFILES, profileByAccount } from '../../demo/fixtures/profiles.js';

function usd(amount: number): string {
  const text = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
    Math.abs(amount),
  );
  // The pages write a credit with a true minus sign.
  return amount < 0 ? `−${text}` : text;
}

const cents = (n: number): number => Math.round(n * 100);

describe('demo profile fixture', () => {
  for (const page of ['demo/index.html', 'demo/es.html']) {
    it(`${page} shows the figures of its account's profile`, () => {
      const html = readFileSync(page, 'utf8');
      const account = /<amex-chat[^>]*\saccount="([^"]+)"/.exec(html)?.[1];
      const p = profileByAccount(account);
      assert.ok(p, `a profile for account ${account ?? '(none)'}`);
      const shown = [
        p.name,
        usd(p.statementBalance),
        usd(p.currentBalance),
        usd(p.availableCredit),
        usd(p.minimumPayment),
        `datetime="${p.dueDate}"`,
        `datetime="${p.statementDate}"`,
        new Intl.NumberFormat('en-US').format(p.rewardsPoints),
        p.cards[0]?.last4 ?? '?',
      ];
      for (const t of p.transactions) {
        shown.push(`datetime="${t.date}"`, usd(t.amount), t.merchant.replace('&', '&amp;'));
      }
      for (const s of shown) assert.ok(html.includes(s), `${page} shows ${s}`);
    });
  }

  it('the figures add up, and no card is more than its last four digits', () => {
    for (const p of PROFILES) {
      const since = p.transactions.reduce((sum, t) => sum + cents(t.amount), 0);
      assert.equal(cents(p.statementBalance) + since, cents(p.currentBalance), p.account);
      assert.equal(cents(p.creditLimit) - cents(p.currentBalance), cents(p.availableCredit), p.account);
      const fours = new Set(p.cards.map((c) => c.last4));
      for (const c of p.cards) assert.match(c.last4, /^\d{4}$/);
      for (const u of p.authorizedUsers) assert.ok(fours.has(u.last4), u.name);
      for (const t of p.transactions) assert.ok(fours.has(t.last4), t.merchant);
      // No run of six digits or more: no card number, account number or code.
      assert.doesNotMatch(JSON.stringify(p), /\d{6,}/, p.account);
    }
  });
});
