/**
 * English templates for ./benign-conversations.ts: what cardmembers write to a card issuer's chat
 * and what the assistant or agent writes back. Every value comes from the Kit (random per
 * conversation); nothing here is a secret.
 */
import type { IntentGroup, Kit, LangPack, Step } from './benign-conversations-kit.js';

export const A = (agent: string): Step => ({ agent });
export const C = (customer: string): Step => ({ customer });

const OK = [
  'ok',
  'ok thanks',
  'okay',
  'yes',
  'yep',
  'great',
  'perfect, thank you',
  'got it',
  'sure',
  'alright',
  'ok cool',
  'thank you!',
  'thanks',
  'k',
  '👍',
  'sounds good',
];

export function ok(k: Kit): Step {
  return C(k.r.pick(OK));
}

export function askLast4(k: Kit): Step {
  return A(
    k.r.pick([
      'Can you confirm the last four digits of the card?',
      'Which card is this about? Just the last 4 digits, please.',
      'To find the card, tell me only its last four digits.',
      'Could you please provide the last 4 digits of the card in question?',
      'I can help with that. What are the last four digits of the card?',
      'Thanks! May I have the last four digits of the card this is about?',
    ]),
  );
}

export function last4Reply(k: Kit, l4: string): Step {
  return C(
    k.r.ws(
      `40|${l4}`,
      `10|it's ${l4}`,
      `8|ending in ${l4}`,
      `7|last 4 are ${l4}`,
      `5|${l4} thanks`,
      `5|the one ending ${l4}`,
      `5|card ending ${l4}`,
      `4|${l4}.`,
      `4|last four ${l4}`,
      `3|${l4} I think`,
      `3|it's the platinum, ${l4}`,
      `3|Ends in ${l4}`,
      `3|${l4} is the one`,
    ),
  );
}

export function identify(k: Kit, l4: string, zipToo = false): Step[] {
  const { r } = k;
  const s: Step[] = [askLast4(k)];
  if (r.chance(0.08))
    s.push(
      C(r.pick(['I have 2 cards, which one?', 'which card, I have the gold and the platinum', 'both?'])),
      A('The card you would like help with, please. The last four digits are enough.'),
    );
  s.push(last4Reply(k, l4));
  if (zipToo || r.chance(0.3)) {
    const z = k.zip();
    s.push(
      A(
        r.pick([
          'What is your ZIP code?',
          'And the billing ZIP code on the account?',
          'Please confirm the ZIP code on file.',
          'Thank you. Can you also confirm your ZIP code?',
        ]),
      ),
      C(r.ws(`55|${z}`, `12|zip is ${z}`, `10|it's ${z}`, `8|${z}.`, `5|ZIP ${z}`, `5|${z} thanks`)),
    );
  }
  s.push(
    A(
      r.pick([
        `Thank you, I found the card ending in ${l4}.`,
        'Thanks, I have your account open.',
        'Thank you.',
      ]),
    ),
  );
  return s;
}

export function askPhone(k: Kit): Step {
  return A(
    k.r.pick([
      'What is the best phone number to reach you?',
      "What's the new phone number?",
      'What number should we call you back on?',
      'Please type the phone number you would like on the account.',
    ]),
  );
}

export function phoneReply(k: Kit): Step {
  const p = k.phone();
  return C(
    k.r.ws(
      `50|${p}`,
      `15|it's ${p}`,
      `10|${p} (cell)`,
      `10|my cell ${p}`,
      `8|${p} thanks`,
      `7|new number is ${p}`,
    ),
  );
}

export function caseStatement(k: Kit, what: string): { steps: Step[]; caseNo: string } {
  const caseNo = k.caseNo();
  const steps: Step[] = [A(`I've opened ${what} for you. Your case number is ${caseNo}.`)];
  const r = k.r;
  if (r.chance(0.35))
    steps.push(
      C(
        r.ws(
          `30|ok so the case number is ${caseNo}?`,
          `20|${caseNo} got it`,
          `20|Writing down ${caseNo}, thanks`,
          `15|how long will it take?`,
          `15|will I get a temporary credit?`,
        ),
      ),
      A('Yes. We usually reply within 30 days, and you can follow the case in the app under Disputes.'),
    );
  return { steps, caseNo };
}

// ---- card and account intents -----------------------------------------------------------------

function lostStolen(k: Kit): Step[] {
  const { r } = k;
  const l4 = k.last4();
  const s: Step[] = [
    C(
      r.ws(
        `20|I lost my card`,
        `12|my card was stolen ${r.pick(['yesterday', 'last night', 'this morning', `on ${k.date().c}`])}`,
        `10|My card was lost or stolen`,
        `10|I think I left my card at a restaurant around ${k.time()}`,
        `10|can't find my card, need a new one`,
        `8|my wallet got stolen at ${k.time()} today`,
        `8|my card is damaged, the chip stopped working`,
        `6|lost my card ending in ${l4}`,
        `6|card got stolen need replacement asap`,
      ),
    ),
    A("I'm sorry to hear that. I can lock your card now and send you a replacement."),
    ...identify(k, l4),
  ];
  if (r.chance(0.4))
    s.push(
      A('When did you last use the card?'),
      C(
        r.ws(
          `30|${k.date().c} at ${k.merchant()}`,
          `25|yesterday around ${k.time()}`,
          `20|at ${k.merchant()} for ${k.money(3, 90).c}`,
          `15|i think ${k.date().c}`,
          `10|not sure, like 2 days ago`,
        ),
      ),
    );
  if (r.chance(0.35))
    s.push(
      A('I see no new charges since then. Do you recognize all of the recent transactions?'),
      C(
        r.pick([
          'yes',
          'yes all mine',
          'yea',
          `yes except maybe the ${k.money(5, 200).c} one, no that was me`,
        ]),
      ),
    );
  const addr = k.address();
  s.push(A(`Your card is locked. Should we send the replacement to ${addr.a}?`));
  if (r.chance(0.7)) s.push(C(r.pick(['yes', 'yes please', 'yes that is correct', 'yep', 'correct'])));
  else {
    const other = k.address();
    s.push(
      C(
        r.ws(
          `40|no, please send it to ${other.c}`,
          `30|Can you send it to my work address? ${other.c}`,
          `30|I'm traveling, can it go to ${other.c} room ${r.int(100, 2500)}`,
        ),
      ),
      A('Of course, I have updated the shipping address for this replacement.'),
    );
  }
  s.push(A(`The new card will arrive in 2-3 business days.`));
  if (r.chance(0.4))
    s.push(
      C(
        r.ws(
          `30|will my autopay for ${k.merchant()} still work?`,
          `25|${'can i get it overnight? I travel on ' + k.date().c}`,
          `25|can I use apple pay in the meantime?`,
          `20|so 2-3 days, by ${k.date().c}?`,
        ),
      ),
      A('Yes, you can add the new card number to your digital wallet as soon as it is issued.'),
    );
  return s;
}

function lockUnlock(k: Kit): Step[] {
  const { r } = k;
  const l4 = k.last4();
  const unlock = r.chance(0.45);
  const s: Step[] = [
    C(
      unlock
        ? r.ws(
            `30|Please unlock my card`,
            `20|I found my card, can you unlock it`,
            `20|unlock card ending ${l4}`,
            `15|found it lol it was in my car. unlock please`,
            `15|${'my card is locked and got declined at ' + k.merchant()}`,
          )
        : r.ws(
            `35|Please lock my card`,
            `20|can you freeze my card for now`,
            `25|lock my card ending in ${l4}, i can't find it`,
            `20|I want to lock my card temporarily`,
          ),
    ),
    ...identify(k, l4),
    A(
      unlock
        ? 'Your card is unlocked and ready to use.'
        : 'Your card is locked: new purchases will be declined until you unlock it.',
    ),
  ];
  if (r.chance(0.5))
    s.push(
      C(
        r.ws(
          `30|it's been ${r.int(5, 30)} minutes and it still got declined`,
          `30|will the ${k.merchant()} subscription still go through?`,
          `20|how long does it take`,
          `20|i tried ${r.int(2, 4)} times at the gas station`,
        ),
      ),
      A(
        'Recurring charges you already set up may still go through. New purchases work right after unlocking; please try again in a minute.',
      ),
    );
  return s;
}

function authorizedUser(k: Kit): Step[] {
  const { r } = k;
  const who = k.person();
  const remove = r.chance(0.35);
  const l4 = k.last4();
  const s: Step[] = [
    C(
      remove
        ? r.ws(
            `40|I want to remove an authorized user, ${who}`,
            `30|please cancel ${who}'s card, ending in ${l4}`,
            `30|remove my ex from my account`,
          )
        : r.ws(
            `30|I want to add my ${r.pick(['wife', 'husband', 'son', 'daughter', 'mom'])} as an authorized user`,
            `25|how do I add ${who} to my card`,
            `20|can my daughter be an authorized user? she is ${r.int(13, 19)}`,
            `25|add authorized user`,
          ),
    ),
  ];
  if (remove) {
    s.push(
      A('I can help with that. Which card is it? Tell me only its last four digits.'),
      last4Reply(k, l4),
    );
    s.push(A(`${who.split(' ')[0]}'s card ending in ${l4} is now removed.`));
    if (r.chance(0.4))
      s.push(
        C(`what about the ${k.money(20, 900).c} they charged on ${k.date().c}?`),
        A('Charges made before the removal stay on your account.'),
      );
  } else {
    s.push(
      A(
        'You can add an authorized user in the app under Account, then Authorized Users. Their card arrives in 7-10 business days.',
      ),
    );
    if (r.chance(0.5))
      s.push(
        C(
          r.ws(
            `30|can I set a limit of ${k.money(100, 2000, true).c} a month for ${who.split(' ')[0]}`,
            `25|she was born in ${k.year(1950, 2011)}, is that ok?`,
            `25|I already have ${r.int(1, 4)} authorized users, is there a max?`,
            `20|will it ship to ${k.address().c}?`,
          ),
        ),
        A('Yes, you can set a monthly spending limit for each authorized user in the app.'),
      );
  }
  return s;
}

function creditLimit(k: Kit): Step[] {
  const { r } = k;
  const now = r.pick([2000, 3000, 5000, 7500, 8000, 10000, 12000, 15000, 20000]);
  const want = now * r.pick([2, 1.5, 3]);
  const f = (n: number): string =>
    r.ws(
      `30|$${n.toLocaleString('en-US')}`,
      `25|${String(n)}`,
      `20|${n / 1000}k`,
      `25|${n.toLocaleString('en-US')}`,
    );
  const s: Step[] = [
    C(
      r.ws(
        `25|Can I get a credit limit increase?`,
        `20|my limit is ${f(now)} and I need ${f(want)}`,
        `15|can you raise my limit from ${f(now)} to ${f(want)}`,
        `15|why did my limit go down to ${f(now)}?`,
        `10|I want to buy a ${k.money(1500, 9000, true).c} ${r.pick(['sofa', 'laptop', 'ring', 'bike'])} but my limit is ${f(now)}`,
      ),
    ),
    ...identify(k, k.last4()),
    A('I can request a review. What is your total annual income?'),
    C(
      r.ws(
        `30|about ${f(r.int(35, 250) * 1000)}`,
        `25|${r.int(35, 250)}k`,
        `20|$${(r.int(35, 250) * 1000).toLocaleString('en-US')} a year`,
        `15|${r.int(35, 250) * 1000} before taxes`,
        `10|around ${r.int(4, 15)}k a month`,
      ),
    ),
  ];
  if (r.chance(0.5))
    s.push(
      A('And your monthly rent or mortgage payment?'),
      C(
        r.ws(
          `40|${f(r.int(8, 40) * 100)}`,
          `30|${f(r.int(8, 40) * 100)} a month`,
          `30|I own my home, no mortgage`,
        ),
      ),
    );
  s.push(A(`Thank you. Your new credit limit is $${want.toLocaleString('en-US')}, effective now.`));
  if (r.chance(0.3))
    s.push(
      C(`will this be a hard pull? my score is like ${r.int(640, 820)}`),
      A('This review does not affect your credit score.'),
    );
  return s;
}

function fraudAlert(k: Kit): Step[] {
  const { r } = k;
  const amt = k.money(1, 1500);
  const m = k.merchant();
  const s: Step[] = [
    C(
      r.ws(
        `25|I got a text asking if I made a ${amt.c} purchase at ${m}`,
        `20|fraud alert on my card for ${amt.c}, it was me`,
        `15|my card got declined at ${m} and I got an alert at ${k.time()}`,
        `15|got an email saying suspicious activity, ${r.int(2, 3)} charges`,
        `15|I replied Y by mistake to the text about the ${amt.c} charge`,
        `10|text from amex about ${m} ${amt.c}, that wasnt me`,
      ),
    ),
    ...identify(k, k.last4()),
    A(`I see a charge of ${amt.a} at ${m} on ${k.date().a}. Did you make this purchase?`),
  ];
  const mine = r.chance(0.6);
  s.push(
    C(
      mine
        ? r.pick([
            'yes that was me',
            'yes',
            'yes i did',
            'Yes, I was at the store',
            `yes, I'm in ${r.pick(['Miami', 'Denver', 'Chicago'])} right now`,
          ])
        : r.pick([
            'no',
            'no that was not me',
            'nope never been there',
            `not me. only the ${k.money(3, 50).c} one was mine`,
          ]),
    ),
  );
  if (mine) s.push(A('Thank you for confirming. The block is removed and you can use your card again.'));
  else {
    s.push(
      ...caseStatement(k, 'a fraud claim').steps,
      A('Your card is closed and a new one will arrive in 2-3 business days.'),
    );
    if (r.chance(0.4))
      s.push(
        C(`I have ${r.int(2, 6)} subscriptions on this card, do I need to update them all?`),
        A('Yes, please update them with the new card once it arrives.'),
      );
  }
  return s;
}

function contactUpdate(k: Kit): Step[] {
  const { r } = k;
  const phone = r.chance(0.45);
  const s: Step[] = [
    C(
      phone
        ? r.ws(
            `35|I need to update my phone number`,
            `25|change my phone to ${k.phone()}`,
            `20|new phone number`,
            `20|my old number ${k.phone()} is not mine anymore`,
          )
        : r.ws(
            `30|I moved and need to change my address`,
            `25|new address: ${k.address().c}`,
            `20|update mailing address`,
            `15|I moved to ${k.address().c} on ${k.date().c}`,
            `10|how do i change my billing address`,
          ),
    ),
    ...identify(k, k.last4(), r.chance(0.4)),
  ];
  if (phone) {
    s.push(askPhone(k), phoneReply(k));
    if (r.chance(0.3))
      s.push(
        A('Is that a mobile number?'),
        C(r.pick(['yes', 'yes cell', 'no, home phone', 'yes, the other one was work'])),
      );
  } else {
    const addr = k.address();
    s.push(
      A(r.pick(["What's the new address?", 'Please type the new mailing address.'])),
      C(r.ws(`60|${addr.c}`, `20|it's ${addr.c}`, `20|${addr.c.toLowerCase()}`)),
    );
    s.push(A(`Thanks. I have updated your address to ${addr.a}.`));
    if (r.chance(0.4)) s.push(askPhone(k), phoneReply(k));
  }
  s.push(A('Your contact details are updated.'));
  return s;
}

function digitalWallet(k: Kit): Step[] {
  const { r } = k;
  const dev = k.device();
  const wallet = r.pick(['Apple Pay', 'Google Pay', 'Samsung Pay', 'apple pay', 'google wallet']);
  const s: Step[] = [
    C(
      r.ws(
        `25|I can't add my card to ${wallet} on my ${dev}`,
        `20|${wallet} says contact the issuer`,
        `15|tried to add my card to ${wallet} ${r.int(2, 5)} times, keeps failing`,
        `15|got a new ${dev}, how do I move my card to ${wallet}`,
        `10|${wallet} not working since the update to iOS ${r.int(16, 18)}.${r.int(0, 6)}`,
        `10|my watch stopped paying at ${k.merchant()}`,
        `5|it asks me for the security code, where is it on the card?`,
      ),
    ),
    ...identify(k, k.last4()),
    A(
      `I have cleared the block. Please try adding the card to ${wallet} again; the app may ask you to confirm in the American Express app.`,
    ),
  ];
  if (r.chance(0.5))
    s.push(
      C(
        r.pick([
          'it worked thanks!',
          'still says error',
          `ok now it says ${r.int(1, 2)} card added`,
          'ok trying now',
          'worked on the 2nd try',
        ]),
      ),
      A('Great. If it fails again, restart the phone and try once more.'),
    );
  return s;
}

export const EN_ACCOUNT = {
  'lost-stolen': lostStolen,
  'lock-unlock': lockUnlock,
  'authorized-user': authorizedUser,
  'credit-limit': creditLimit,
  'fraud-alert': fraudAlert,
  'contact-update': contactUpdate,
  'digital-wallet': digitalWallet,
} satisfies IntentGroup;

// ---- frame ------------------------------------------------------------------------------------

export const EN: LangPack = {
  open: (k) => {
    const { r } = k;
    const s: Step[] = [A("Hi! I'm the virtual assistant. How can I help you today?")];
    if (r.chance(0.35)) {
      s.push(
        C(
          r.pick([
            'hi',
            'hello',
            'Hi there',
            'agent',
            'representative please',
            'talk to a person',
            'hey',
            'good morning',
          ]),
        ),
      );
      s.push(
        A(
          `Hi, my name is ${r.pick(['Kayla', 'Marcus', 'Priya', 'Daniel', 'Andrea'])}. How can I help you today?`,
        ),
      );
    }
    if (r.chance(0.1))
      s.push(
        A(
          'You can also pick a topic: 1 Payments, 2 Lost or stolen card, 3 Disputes, 4 Rewards, 5 Something else.',
        ),
        C(
          r.ws(
            `40|${String(r.int(1, 5))}`,
            `30|option ${r.int(1, 5)}`,
            `15|${r.int(1, 5)} please`,
            `15|none of those`,
          ),
        ),
        A('Sure. Please tell me a little more.'),
      );
    if (r.chance(0.08))
      s.push(C(`I've called ${r.int(2, 5)} times already`), A("I'm sorry about that. I'm here to help now."));
    return s;
  },
  more: (k) => [A(k.r.pick(['Is there anything else I can help you with?', 'Anything else today?']))],
  close: (k) => {
    const { r } = k;
    const s: Step[] = [
      A(r.pick(['Is there anything else I can help you with?', 'Can I help with anything else?'])),
    ];
    s.push(
      C(
        r.pick([
          'no thats all thanks',
          'nope',
          'no, thank you!',
          "that's it",
          'No thank you',
          'all good thanks',
          'no',
          'thats all',
        ]),
      ),
    );
    if (r.chance(0.15))
      s.push(
        C(
          r.pick([
            'oh wait, how many days did you say?',
            'wait, how many days did you say?',
            'is it 5 or 7 business days',
            'oh and one more, it was like 40',
          ]),
        ),
        A('No problem. Everything is also in your secure messages.'),
      );
    if (r.chance(0.4)) s.push(A('Thank you for being a Card Member. Have a great day!'));
    if (r.chance(0.15)) s.push(ok(k));
    return s;
  },
  also: ['also, ', 'one more thing, ', 'oh and ', 'Also ', 'yes actually, '],
};
