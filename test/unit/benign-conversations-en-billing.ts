/**
 * English templates for ./benign-conversations.ts, money and travel intents: disputes, payments
 * and due dates, late fees, rewards, statements, balance transfers, refunds, annual fees, trips.
 */
import type { IntentGroup, Kit, Step } from './benign-conversations-kit.js';
import { A, C, identify, caseStatement } from './benign-conversations-en.js';

function dispute(k: Kit): Step[] {
  const { r } = k;
  const m = k.merchant();
  const amt = k.money(6, 2500);
  const d = k.date();
  const l4 = k.last4();
  const volunteered = r.chance(0.15);
  const s: Step[] = [
    C(
      r.ws(
        `16|I want to dispute a charge`,
        `10|dispute a charge`,
        `14|i need to dispute a ${amt.c} charge from ${m} on ${d.c}`,
        `10|There's a charge from ${m} for ${amt.c} that I didn't make`,
        `8|I was charged twice by ${m}, ${amt.c} on ${d.c} and then again the next day`,
        `8|${m} charged me ${amt.c} but I cancelled the order`,
        `8|I want to dispute a ${amt.c} charge from ${m} on ${d.c} that I didn't authorize`,
        `6|I never got the stuff I ordered from ${m}, it was ${amt.c}`,
        `5|charged ${amt.c} for a membership I cancelled ${r.int(2, 6)} months ago`,
        `5|hi there is a charge on ${d.c} I dont recognize`,
        `4|${m} double charged me`,
      ) + (volunteered ? `, card ending in ${l4}` : ''),
    ),
  ];
  if (!volunteered) s.push(...identify(k, l4));
  if (r.chance(0.6))
    s.push(
      A(r.pick(['How much was the charge?', 'What was the amount?', 'And the amount of the charge?'])),
      C(
        r.ws(
          `50|${amt.c}`,
          `15|it was ${amt.c}`,
          `10|${amt.c} on ${d.c}`,
          `8|like ${amt.c}`,
          `5|${amt.c} i think`,
        ),
      ),
    );
  if (r.chance(0.45))
    s.push(
      A(r.pick(['When did the charge post?', 'What date was the transaction?', 'What day was it?'])),
      C(
        r.ws(
          `40|${d.c}`,
          `20|on ${d.c}`,
          `15|it posted ${d.c}`,
          `10|${d.c} around ${k.time()}`,
          `10|last week`,
        ),
      ),
    );
  if (r.chance(0.3))
    s.push(
      A("What's the merchant name as it shows on your statement?"),
      C(r.ws(`50|${k.descriptor(m)}`, `30|it says ${k.descriptor(m)}`, `20|${m}`)),
    );
  if (r.chance(0.45))
    s.push(
      A('Have you contacted the merchant about it?'),
      C(
        r.ws(
          `20|yes I called them ${r.int(2, 5)} times`,
          `15|yes, on ${k.date().c} they said they would refund it but nothing`,
          `15|no`,
          `15|I emailed them ${r.int(2, 4)} times and no answer`,
          `10|yes, they gave me ticket #${r.digits(r.int(5, 8))} but never called back`,
          `10|I was on hold for ${r.int(20, 90)} minutes and gave up`,
          `10|${"they won't answer, the store on " + `${k.address().c} is closed now`}`,
          `5|not yet`,
        ),
      ),
    );
  if (r.chance(0.3))
    s.push(
      A('Do you have an order number or a receipt from the merchant?'),
      C(
        r.ws(
          `45|order # ${k.orderNo()}`,
          `25|${k.orderNo()}`,
          `15|order number ${k.orderNo()}`,
          `15|no I dont have it`,
        ),
      ),
    );
  s.push(...caseStatement(k, `a dispute for the ${amt.a} charge from ${m}`).steps);
  if (r.chance(0.25))
    s.push(
      C(`what happens with the ${amt.c}, do i still have to pay it?`),
      A('No, the amount is set aside while we look into it.'),
    );
  return s;
}

function paymentDue(k: Kit): Step[] {
  const { r } = k;
  const paid = k.money(25, 6000, true);
  const d = k.date();
  const bank = r.pick(['Chase', 'Bank of America', 'Wells Fargo', 'Citi', 'Capital One', 'TD Bank', 'PNC']);
  const s: Step[] = [
    C(
      r.ws(
        `18|When is my payment due?`,
        `15|I paid ${paid.c} on ${d.c} but it's not showing`,
        `12|i made a payment of ${paid.c} from my ${bank} account ending in ${k.last4()}, when will it post`,
        `10|can I change my due date to the 15th?`,
        `10|paid 500 yesterday still says I owe`,
        `10|what is the minimum payment this month`,
        `8|I need payment assistance, I lost my job ${r.int(2, 8)} weeks ago`,
        `8|payment is due on ${d.c} but I get paid on the ${r.pick(['1st', '15th', '20th', '30th'])}`,
        `9|how do I set up autopay`,
      ),
    ),
  ];
  if (r.chance(0.5)) s.push(...identify(k, k.last4()));
  s.push(
    A(
      `Your payment is due on ${k.date().a}. The minimum due is ${k.money(25, 300).a} and the statement balance is ${k.money(200, 8000).a}.`,
    ),
  );
  if (r.chance(0.6))
    s.push(
      C(
        r.ws(
          `20|ok I'll pay ${paid.c} today`,
          `15|I already paid ${paid.c} on ${k.date().c}, confirmation number ${k.r.pick(['M', 'P', ''])}${r.digits(r.int(8, 10))}`,
          `15|can I pay half now and the rest on the ${r.pick(['1st', '15th', '20th'])}?`,
          `15|it took ${r.int(2, 5)} days last time`,
          `10|can you move the due date to the ${k.ordinal(r.int(1, 28))}`,
          `10|I paid 1000 and 500`,
          `15|ok`,
        ),
      ),
      A(
        'Payments usually post within 1-3 business days. You can change your due date once a year in the app under Account Services.',
      ),
    );
  if (r.chance(0.3))
    s.push(
      C(`so if I pay by ${k.time()} on ${d.c} its on time?`),
      A('Yes, payments made before 8 PM ET on the due date are on time.'),
    );
  return s;
}

function lateFee(k: Kit): Step[] {
  const { r } = k;
  const fee = r.pick(['$40', '$29', '$41', '40 dollars', '29', '$30', '40']);
  const due = k.date();
  const s: Step[] = [
    C(
      r.ws(
        `20|I got charged a ${fee} late fee`,
        `15|can you waive the late fee? I paid on ${k.date().c}, only 1 day late`,
        `15|I have a question about a late fee`,
        `12|late fee of ${fee} but autopay failed because I changed banks`,
        `10|first late payment in ${r.int(3, 15)} years, can you remove the fee`,
        `10|my due date was ${due.c} and I paid that day at ${k.time()}`,
      ),
    ),
    ...identify(k, k.last4()),
    A(
      `I see a late fee of ${fee.startsWith('$') ? fee : '$' + fee.replace(/ dollars/, '')} on your last statement. Let me check your history.`,
    ),
  ];
  if (r.chance(0.5))
    s.push(
      C(
        r.pick([
          `I've been a member since ${k.year(1995, 2020)}`,
          `it was a mistake, the bank took ${r.int(2, 4)} days`,
          'please',
          `never been late before`,
        ]),
      ),
    );
  s.push(A('As a courtesy I have removed the fee. The credit shows within 1-2 business days.'));
  s.push(
    C(
      r.pick([
        'thank you so much!',
        'great thanks',
        'ok so it will go away by ' + k.date().c + '?',
        'appreciate it',
      ]),
    ),
  );
  return s;
}

function rewards(k: Kit): Step[] {
  const { r } = k;
  const pts = k.points();
  const s: Step[] = [
    C(
      r.ws(
        `15|How many rewards points do I have?`,
        `15|I have ${pts.c} points, how much is that worth?`,
        `14|I want to pay with points for the ${k.money(100, 2500).c} charge from ${k.merchant()}`,
        `12|I'm missing ${k.points().c} points from my ${k.merchant()} purchase on ${k.date().c}`,
        `10|can I transfer ${pts.c} points to Delta?`,
        `8|the offer said ${r.pick(['5x', '3x', '2x', '10x'])} points on flights but i only got ${r.pick(['1x', '2x'])}`,
        `8|I should have ${pts.c} pts but it says ${k.points().c}`,
        `6|how do i use points for the ${k.money(200, 1500).c} hotel`,
      ),
    ),
  ];
  if (r.chance(0.4)) s.push(...identify(k, k.last4()));
  s.push(
    A(`You have ${pts.a} Membership Rewards points. Points for recent purchases post within a few days.`),
  );
  if (r.chance(0.5))
    s.push(
      C(
        r.ws(
          `25|ok so ${pts.c} points would cover how much?`,
          `20|my SkyMiles number is ${r.digits(10)}`,
          `15|Bonvoy member number ${r.digits(9)}`,
          `20|can I use ${k.points().c} of them and keep the rest`,
          `20|it's been ${r.int(2, 10)} weeks`,
        ),
      ),
      A(
        'You can see the value before you confirm under Rewards, then Use points. Transfers to partners take 1-2 business days.',
      ),
    );
  if (r.chance(0.3))
    s.push(
      C(`so 1 point = ${r.pick(['0.6', '1', '0.7'])} cents?`),
      A('It depends on how you redeem; the app shows the value before you confirm.'),
    );
  return s;
}

function statement(k: Kit): Step[] {
  const { r } = k;
  const bal = k.money(150, 9000);
  const s: Step[] = [
    C(
      r.ws(
        `20|my statement balance is ${bal.c} but my current balance is ${k.money(150, 9000).c}, which do i pay?`,
        `15|when does my statement close?`,
        `15|there's an interest charge of ${k.money(3, 120).c}, why?`,
        `15|I need my statements from ${r.pick(['March', 'January', 'last year', String(k.year(2019, 2025))])} for my taxes`,
        `12|the statement from ${r.pick(['July', 'May', 'October'])} shows ${r.int(2, 4)} charges from ${k.merchant()}`,
        `10|what is the ${k.percent()} on my statement`,
        `8|haven't received my paper statement`,
      ),
    ),
  ];
  if (r.chance(0.5)) s.push(...identify(k, k.last4()));
  s.push(
    A(
      `Your statement closes on the ${r.pick(['3rd', '8th', '15th', '22nd', '27th'])} of each month. Paying the statement balance of ${bal.a} by the due date avoids interest.`,
    ),
  );
  if (r.chance(0.5))
    s.push(
      C(
        r.pick([
          `so I pay ${bal.c}?`,
          `got it, and the ${k.money(5, 60).c} interest?`,
          'where do I download them',
          `and the minimum is like ${r.int(35, 90)}?`,
        ]),
      ),
      A('Yes. Statements for the last 7 years are in the app under Statements & Activity.'),
    );
  return s;
}

function balanceTransfer(k: Kit): Step[] {
  const { r } = k;
  const amt = k.money(500, 15000, true);
  const bank = r.pick(['Citi', 'Chase', 'Discover', 'Capital One', 'Bank of America']);
  const s: Step[] = [
    C(
      r.ws(
        `30|I want to transfer ${amt.c} from my ${bank} card`,
        `25|do you do balance transfers? I got an offer for ${k.percent()}`,
        `20|balance transfer of ${amt.c}, what's the fee?`,
        `25|what is the ${k.percent()} offer, is the fee 3% or 5%?`,
      ),
    ),
    ...identify(k, k.last4()),
    A(`Your account has a balance transfer offer: 0% for 12 months with a fee of 3% of each transfer.`),
  ];
  if (r.chance(0.6))
    s.push(
      C(
        r.ws(
          `30|ok so on ${amt.c} that's ${k.money(15, 450).c}?`,
          `25|the ${bank} card ends in ${k.last4()}`,
          `25|how long does it take? I have a payment due ${k.date().c}`,
          `20|can I do 2 transfers`,
        ),
      ),
      A('Transfers take 5-7 business days; keep paying the other card until it shows as paid.'),
    );
  return s;
}

function refund(k: Kit): Step[] {
  const { r } = k;
  const m = k.merchant();
  const amt = k.money(10, 1500);
  const s: Step[] = [
    C(
      r.ws(
        `25|I returned an item to ${m} on ${k.date().c} and never got the refund of ${amt.c}`,
        `20|${m} said they issued a refund ${r.int(2, 4)} weeks ago, still not on my card`,
        `15|refund not showing up`,
        `15|where is my ${amt.c} refund from ${m}`,
        `15|they said 5-7 business days, it's been ${r.int(10, 40)} days`,
        `10|returned a jacket, order ${k.orderNo()}`,
      ),
    ),
    ...identify(k, k.last4()),
  ];
  if (r.chance(0.6))
    s.push(
      A('Do you have the return tracking number or a refund reference from the merchant?'),
      C(
        r.ws(
          `35|${k.tracking()}`,
          `25|tracking ${k.tracking()}`,
          `20|refund ref number ${r.digits(r.int(6, 10))}`,
          `10|the ups tracking is ${k.tracking()}`,
          `10|I don't have it, just the email`,
        ),
      ),
    );
  s.push(
    A(
      `I don't see a credit from ${m} yet. I have opened a claim and will add a temporary credit of ${amt.a}.`,
    ),
  );
  if (r.chance(0.4))
    s.push(
      C(r.pick([`will it show by ${k.date().c}?`, `ok, it was ${r.int(2, 3)} items`, 'thanks'])),
      A('You will see the credit in 1-2 business days.'),
    );
  return s;
}

function annualFee(k: Kit): Step[] {
  const { r } = k;
  const fee = r.pick(['$695', '$325', '$250', '$150', '$95', '695', '250', '$550']);
  const s: Step[] = [
    C(
      r.ws(
        `25|my annual fee of ${fee} just posted, can it be waived?`,
        `20|why is my annual fee ${fee}? last year it was ${r.pick(['$550', '$250', '$95'].filter((x) => !fee.endsWith(x.slice(1))))}`,
        `15|I want to downgrade to avoid the annual fee`,
        `15|if I cancel within 30 days do I get the ${fee} back`,
        `15|I spend like ${r.int(20, 90)}k a year on this card, any retention offer?`,
        `10|I've been a member since ${k.year(1990, 2020)} and the fee is too high now`,
      ),
    ),
    ...identify(k, k.last4()),
    A(
      `The annual fee of ${fee.startsWith('$') ? fee : '$' + fee} posted on ${k.date().a}. If you cancel within 30 days of that date, it is refunded.`,
    ),
  ];
  if (r.chance(0.5))
    s.push(
      C(
        r.pick([
          `what if I switch to the gold card, is it ${r.pick(['$325', '$250'])}?`,
          `I used ${k.points().c} points this year`,
          'ok let me think',
          'can you check for offers',
        ]),
      ),
      A('I can check for offers on your account. One moment please.'),
    );
  return s;
}

function travel(k: Kit): Step[] {
  const { r } = k;
  const where = r.pick([
    'Italy',
    'Japan',
    'Mexico',
    'Spain',
    'London',
    'Paris',
    'Colombia',
    'Cancun',
    'Puerto Rico',
    'Canada',
    'Germany',
    'Dubai',
  ]);
  const s: Step[] = [
    C(
      r.ws(
        `25|I'm traveling to ${where} ${k.dateRange()}, do I need a travel notice?`,
        `15|going to ${where} next week for ${r.int(5, 21)} days`,
        `15|I need help with a travel booking`,
        `15|my flight ${k.flight()} on ${k.date().c} got cancelled, I booked through amex travel`,
        `10|travel notice for ${where} and ${r.pick(['France', 'Portugal', 'Peru', 'Greece'])} ${k.dateRange()}`,
        `10|my card was declined in ${where}, I'm here until ${k.date().c}`,
        `10|can I get lounge access with a guest? flying ${k.flight()}`,
      ),
    ),
    A(
      "I can help with your trip. You don't need to set a travel notice: we recognize travel from your purchases.",
    ),
  ];
  if (r.chance(0.6))
    s.push(
      C(
        r.ws(
          `25|the confirmation is ${k.confirmation()}`,
          `20|hotel confirmation ${k.confirmation()}, ${r.int(2, 9)} nights`,
          `20|I paid ${k.money(300, 4000).c} for ${r.int(1, 4)} tickets and want a refund`,
          `15|my flight is ${k.flight()} at ${k.time()}`,
          `10|itinerary number 7${r.digits(12)}`,
          `10|ok good to know`,
        ),
      ),
      A(
        'Thanks. I can see the booking. Cancellation rules depend on the airline or hotel; a refund goes back to the card in 7-10 business days.',
      ),
    );
  if (r.chance(0.3))
    s.push(
      C(`what is the foreign transaction fee, ${k.percent()}?`),
      A('Your card has no foreign transaction fees.'),
    );
  return s;
}

export const EN_BILLING = {
  dispute,
  'payment-due': paymentDue,
  'late-fee': lateFee,
  rewards,
  statement,
  'balance-transfer': balanceTransfer,
  refund,
  'annual-fee': annualFee,
  travel,
} satisfies IntentGroup;
