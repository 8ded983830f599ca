/**
 * Issue 26, item 3: the fictional cardmember profile (demo/fixtures/profiles.ts), over the real
 * protocol on a real server. The assistant answers balance, minimum payment and due date,
 * rewards points, recent transactions and authorized users from the profile of the
 * conversation's customer (by the page's account reference, or by the token's subject), in
 * English and Spanish; another customer never sees it; without a profile the general answers
 * stay. "Last four + ZIP" is checked against the profile: a wrong card or ZIP is refused and
 * counted, three times at most.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAssistant } from '../../server/assistant/index.js';
import type { AssistantState } from '../../server/assistant/index.js';
import { profileFor } from '../../server/assistant/profile.js';
import type { ChatServerOptions, TokenVerdict } from '../../server/chat-server.js';
import { withServer } from '../support/server.js';
import { CLAIM, READ_BACK } from '../support/assistant-actions.js';
import { Customer } from '../support/assistant-chat.js';

const SUBJECTS: Record<string, string> = { 'tok-rivera': 'cm-demo-rivera', 'tok-nobody': 'cm-nobody' };
function verifyToken(token: string | undefined): TokenVerdict {
  const subject = token === undefined ? undefined : SUBJECTS[token];
  return subject === undefined ? 'ok' : { subject };
}

const QUICK: ChatServerOptions = { replyDelay: 0 };
const TOKENS: ChatServerOptions = { replyDelay: 0, verifyToken };

/** What only the Rivera profile holds: none of it may reach anyone else. */
const RIVERA = /1,542\.31|1,284\.56|8,457\.69|Rivera|24,380|Corner Market|\$40\.00|3117/;

describe('assistant profile: answers from the cardmember profile', () => {
  it('English: due date, balance with recent transactions, points, authorized users', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { account: '1005' });
      // The greeting and the welcome carry nothing of the profile.
      assert.doesNotMatch(c.seen, RIVERA);
      assert.match(
        await c.say('When is my payment due?'),
        /^Your minimum payment of \$40\.00 is due December 9\. Your statement balance is \$1,284\.56\./,
      );
      const balance = await c.say("what's my balance?");
      assert.match(
        balance,
        /^Your current balance is \$1,542\.31; your last statement balance is \$1,284\.56 and your available credit is \$8,457\.69\. Your minimum payment of \$40\.00 is due December 9\./,
      );
      assert.match(
        balance,
        /Your most recent transactions: Nov 24, Corner Market Grocery, \$64\.18 \(…1005\); Nov 23, Metro Transit, \$2\.90 \(…1005\); Nov 21, Harbor Lane Books, \$32\.47 \(…1005\)\./,
      );
      assert.match(await c.say('How many rewards points do I have?'), /^You have 24,380 rewards points\./);
      assert.match(
        await c.say('When is my payment due and how many points do I have?'),
        /^Your minimum payment of \$40\.00 is due December 9\..* Also, about [^:]+: You have 24,380 rewards points\./,
      );
      assert.match(
        await c.say('what are my recent transactions?'),
        /Your most recent transactions: Nov 24, Corner Market Grocery, \$64\.18 \(…1005\);/,
      );
      assert.match(
        await c.say('what is my available credit?'),
        /^Your credit limit is \$10,000\.00 and your available credit is \$8,457\.69\. /,
      );
      const users = await c.say('who are the authorized users on my account?');
      assert.match(
        users,
        /^Authorized users on your account: Sam Rivera \(card ending in 3117\)\. You can add/,
      );
      // Answering is not acting: the record holds answered questions only.
      assert.ok(!CLAIM.test(await c.end()));
    });
  });

  it('Spanish (usted): the same answers, formatted for Spanish', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { lang: 'es', account: '1005' });
      assert.match(
        await c.say('¿Cuándo vence mi pago?'),
        /^Su pago mínimo de \$40\.00 vence el 9 de diciembre\. El saldo de su estado de cuenta es de \$1,284\.56\./,
      );
      const balance = await c.say('cuál es mi saldo');
      assert.match(
        balance,
        /^Su saldo actual es de \$1,542\.31; el saldo de su último estado de cuenta es de \$1,284\.56/,
      );
      assert.match(
        balance,
        /Sus movimientos más recientes: 24 nov, Corner Market Grocery, \$64\.18 \(…1005\);/,
      );
      assert.match(await c.say('¿Cuántos puntos tengo?'), /^Tiene 24,380 puntos de recompensa\./);
      assert.match(
        await c.say('¿Cuáles son mis últimos movimientos?'),
        /Sus movimientos más recientes: 24 nov,/,
      );
      assert.match(await c.say('¿Cuál es mi crédito disponible?'), /crédito disponible, de \$8,457\.69\./);
    });
  });

  it('account A and account B: each customer sees only their own profile', async () => {
    await withServer(QUICK, async (server) => {
      const a = await Customer.start(server, { account: '1005' });
      const b = await Customer.start(server, { account: '4821' });
      assert.match(
        await b.say('When is my payment due?'),
        /^Your minimum payment of \$35\.00 is due December 21\./,
      );
      assert.match(await a.say('When is my payment due?'), /\$40\.00 is due December 9/);
      assert.match(
        await b.say("what's my balance?"),
        /^Your current balance is \$377\.57; your last statement balance is \$312\.08/,
      );
      assert.match(await b.say('How many points do I have?'), /^You have 7,310 rewards points\./);
      assert.match(await b.say('who are my authorized users?'), /^Your account has no authorized users/);
      assert.doesNotMatch(b.seen, RIVERA);
    });
  });

  it('no profile: the general answers, word for word', async () => {
    await withServer(QUICK, async (server) => {
      for (const fields of [{}, { account: 'acct-unknown' }]) {
        const c = await Customer.start(server, fields);
        for (const q of [
          'When is my payment due?',
          "what's my balance?",
          'How many rewards points do I have?',
        ]) {
          assert.equal(await c.say(q), createAssistant('en').reply(q).text, q);
        }
        assert.doesNotMatch(c.seen, RIVERA);
      }
    });
  });

  it("by the token's subject; a subject without a profile gets none, whatever the account", async () => {
    await withServer(TOKENS, async (server) => {
      const c = await Customer.start(server, { token: 'tok-rivera' });
      assert.match(await c.say('When is my payment due?'), /\$40\.00 is due December 9/);
      const other = await Customer.start(server, { token: 'tok-nobody', account: '1005' });
      const q = 'When is my payment due?';
      assert.equal(await other.say(q), createAssistant('en').reply(q).text);
      assert.doesNotMatch(other.seen, RIVERA);
    });
  });
});

describe('assistant profile: paying and changing the due date, as a new user asks', () => {
  it('"I need help paying my card" and "change my due date": how to pay and where to change it', async () => {
    await withServer(QUICK, async (server) => {
      for (const lang of ['en', 'es'] as const) {
        const c = await Customer.start(server, { lang, account: '1005' });
        const es = lang === 'es';
        const paying = await c.say(
          es ? 'necesito ayuda para pagar mi tarjeta' : 'I need help paying my card',
        );
        assert.match(
          paying,
          es
            ? /^Su pago mínimo de \$40\.00 vence el 9 de diciembre\./
            : /^Your minimum payment of \$40\.00 is due December 9\./,
        );
        assert.match(
          paying,
          es ? /Puede pagar en la app, en línea o por correo/ : /You can pay in the app, online or by mail/,
        );
        assert.doesNotMatch(paying, /hardship|momento difícil/);
        const change = await c.say(
          es ? 'quiero cambiar la fecha de pago' : 'can you change my payment due date?',
        );
        // A change of the due date is a request the assistant files (assistant-requests.test.ts).
        assert.match(
          change,
          es
            ? /registrar aquí una solicitud para cambiar su fecha de vencimiento.*Cuenta y luego Pagos.*¿Qué día del mes/
            : /file a request here to change your payment due date.*Account, then Payments.*Which day of the month/,
        );
        assert.ok(!CLAIM.test(change), change);
      }
    });
  });

  it('without a profile the general answer says where to change the due date too', () => {
    for (const lang of ['en', 'es'] as const) {
      const text = createAssistant(lang).reply(
        lang === 'es' ? 'quiero cambiar la fecha de pago' : 'can you change my due date?',
      ).text;
      assert.match(text, lang === 'es' ? /Cuenta y luego Pagos/ : /Account, then Payments/);
      assert.ok(!CLAIM.test(text), text);
    }
  });
});

describe('assistant profile: last four + ZIP checked against the profile', () => {
  it('English: a wrong ZIP is refused and counted, the right one goes on to the read-back', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { account: '1005' });
      await c.say('I lost my card');
      assert.match(await c.say('1005'), /ZIP code/);
      const wrong = await c.say('99999');
      assert.equal(
        wrong,
        "That ZIP code doesn't match the billing address on this account. You have 2 tries left. To confirm that the card ending in 1005 is yours, what is the 5-digit ZIP code of your billing address?",
      );
      assert.ok(!CLAIM.test(wrong));
      // The profile's ZIP code is never said to the customer before they type it.
      assert.doesNotMatch(c.seen, /10001/);
      const right = await c.say('10001');
      assert.match(right, /^I'll lock the card ending in 1005 /);
      assert.match(right, READ_BACK);
      assert.match(await c.say('yes'), /^Done\. The card ending in 1005 is locked/);
    });
  });

  it('a card that is not on the account is refused; another card of the account is accepted', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { account: '1005' });
      const refused = await c.say('Please lock my card ending in 9999');
      assert.match(refused, /^I can't find a card ending in 9999 on this account\. You have 2 tries left\./);
      assert.ok(!CLAIM.test(refused));
      assert.match(await c.say('2002'), /^I'll lock the card ending in 2002/);
    });
  });

  it('urgent fraud: the phone route first, and a card not on the account is not read back', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { account: '1005' });
      const r = await c.say('Someone is using my card ending in 9999 right now!');
      assert.match(r, /^This is urgent: please call/);
      assert.match(r, /I can't find a card ending in 9999 on this account\./);
      assert.doesNotMatch(r, READ_BACK);
      assert.match(await c.say('1005'), /the card ending in 1005/);
    });
  });

  it("removing an authorized user: only an authorized user's card is taken", async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { account: '1005' });
      await c.say('I want to remove an authorized user');
      assert.match(
        await c.say('1005'),
        /^I can't find an authorized user's card ending in 1005 on this account\. You have 2 tries left\./,
      );
      assert.match(await c.say('3117'), /ZIP code/);
      assert.match(await c.say('10001'), /^I'll remove the authorized user's card ending in 3117/);
    });
  });

  it('three wrong ZIP codes: nothing is done and a person is offered (es)', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { lang: 'es', account: '1005' });
      await c.say('Perdí mi tarjeta');
      await c.say('1005');
      assert.match(await c.say('11111'), /^Ese código postal no coincide .* Le quedan 2 intentos\./);
      assert.match(await c.say('22222'), /Le queda 1 intento\./);
      const last = await c.say('33333');
      assert.match(last, /Por su seguridad, no puedo hacer cambios en la tarjeta por este chat\./);
      // The action was dropped: the right ZIP and a yes now claim nothing.
      for (const t of ['10001', 'sí']) assert.ok(!CLAIM.test(await c.say(t)), t);
      assert.doesNotMatch(await c.end(), /se bloqueó/);
    });
  });

  it('without a profile any ZIP code is taken as before', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server);
      await c.say('I lost my card');
      await c.say('1005');
      assert.match(await c.say('99999'), /^I'll lock the card ending in 1005 .*\(ZIP 99999\)/);
    });
  });
});

describe('assistant profile: switching to another card of the account', () => {
  it('English: "my other card ending in 2002" switches; the next action starts with that card', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { account: '1005' });
      assert.equal(
        await c.say('my other card ending in 2002'),
        "All right, we're now talking about your Travel Card ending in 2002. What would you like to do with it?",
      );
      assert.match(
        await c.say('I lost my card'),
        /the card ending in 2002 is yours, what is the 5-digit ZIP code/,
      );
      assert.match(await c.say('10001'), /^I'll lock the card ending in 2002 /);
    });
  });

  it('a card of another account is refused and the card stays the same (es)', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { lang: 'es', account: '1005' });
      assert.match(
        await c.say('mi otra tarjeta terminada en 2002'),
        /^De acuerdo, ahora hablamos de su tarjeta Travel Card terminada en 2002\./,
      );
      assert.equal(
        await c.say('cambiar a la tarjeta terminada en 4821'),
        'No encuentro una tarjeta terminada en 4821 en esta cuenta. Seguimos con la tarjeta terminada en 2002.',
      );
      assert.match(await c.say('Quiero bloquear mi tarjeta'), /terminada en 2002/);
    });
  });

  it("another customer cannot switch to this customer's card; without a profile nothing changes", async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { account: '4821' });
      const q = 'my other card ending in 2002';
      assert.match(await c.say(q), /^I can't find a card ending in 2002 on this account\.$/);
      assert.doesNotMatch(await c.say('I lost my card'), /2002/);
      const none = await Customer.start(server);
      assert.equal(await none.say(q), createAssistant('en').reply(q).text);
    });
  });
});

describe('assistant profile: a card switch is in the record', () => {
  const profile = profileFor('1005', undefined);

  it('English: the record, the board line and the end summary name the card switched to', () => {
    const a = createAssistant('en', undefined, { profile });
    a.reply('When is my payment due?');
    a.reply('my other card ending in 2002');
    assert.deepEqual(
      a.record().filter((f) => f.kind === 'card'),
      [{ kind: 'card', last4: '2002', product: 'Travel Card' }],
    );
    assert.match(a.summary(), /^Switched to the Travel Card ending in 2002; /);
    assert.match(
      a.recap(),
      /^We talked about your payment due date\. The chat moved to your Travel Card ending in 2002\./,
    );
    // A lock after the switch is of that card, in the record and the summary.
    a.reply('Please lock my card');
    a.reply('yes');
    assert.match(a.recap(), /Travel Card ending in 2002\. .*card ending in 2002 .*locked/);
  });

  it('Spanish: the summary says it in usted; only a switch, nothing else done, says so too', () => {
    const a = createAssistant('es', undefined, { profile });
    a.reply('mi otra tarjeta terminada en 2002');
    assert.equal(
      a.recap(),
      'Hablamos de su cuenta; no se abrió ninguna solicitud ni se hizo ningún cambio en este chat. ' +
        'La conversación pasó a su tarjeta Travel Card terminada en 2002.',
    );
    assert.match(a.summary(), /^Switched to the Travel Card ending in 2002 \(Spanish\)$/);
  });

  it('a refused switch and a switch to the same card again add nothing; the fact survives storing', () => {
    const a = createAssistant('en', undefined, { profile });
    a.reply('switch to the card ending in 4821');
    assert.equal(a.record().length, 0);
    assert.equal(a.recap(), createAssistant('en').recap());
    a.reply('my other card ending in 2002');
    a.reply('switch to the card ending in 2002');
    const saved = JSON.parse(JSON.stringify(a.state())) as AssistantState;
    const b = createAssistant('en', saved, { profile });
    assert.equal(b.record().filter((f) => f.kind === 'card').length, 1);
    b.reply('my other card ending in 1005');
    assert.deepEqual(
      b.record().map((f) => (f.kind === 'card' ? f.last4 : f.kind)),
      ['2002', '1005'],
    );
    assert.match(
      b.recap(),
      /Travel Card ending in 2002\. The chat moved to your Everyday Blue Card ending in 1005\./,
    );
  });
});

describe('assistant profile: carried to another instance', () => {
  it('the wrong tries and the card switched to survive the stored state (JSON)', () => {
    const profile = profileFor('1005', undefined);
    assert.ok(profile);
    const a = createAssistant('en', undefined, { profile });
    a.reply('my other card ending in 2002');
    a.reply('I lost my card');
    assert.match(a.reply('11111').text, /You have 2 tries left\./);
    const saved = JSON.parse(JSON.stringify(a.state())) as AssistantState;
    assert.equal(saved.card, '2002');
    const b = createAssistant('en', saved, { profile });
    assert.match(b.reply('22222').text, /You have 1 try left\. .*card ending in 2002/);
    assert.match(b.reply('33333').text, /For your security/);
    // The count is the conversation's: a new card action is refused too, even with the right ZIP.
    const again = createAssistant('en', JSON.parse(JSON.stringify(b.state())) as AssistantState, { profile });
    assert.match(again.reply('Please lock my card').text, /^For your security/);
    assert.match(again.reply('I lost my card ending in 1005').text, /^For your security/);
    assert.doesNotMatch(again.reply('10001').text, READ_BACK);
    assert.match(again.reply('When is my payment due?').text, /\$40\.00 is due December 9/);
  });
});
