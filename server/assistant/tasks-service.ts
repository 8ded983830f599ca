/**
 * More questions of the table (intents.ts places each in priority order): a declined card, the
 * APR, the balance, closing a card, a refund for a returned item, and how to prove who you are.
 * None of them changes anything: each answers and, where a person is needed, offers an agent.
 * Same wording rules as intents.ts. Data only.
 */
import { both } from './phrases.js';
import type { TaskDef } from './types.js';

/** How to confirm who you are: first of the table, after a complaint. */
export const IDENTITY_TASK: TaskDef = {
  intent: 'verify-identity',
  triggers: {
    any: [
      'identity',
      'prove its me',
      'prove it is me',
      'prove who i am',
      'who i am',
      'confirm that its me',
      'confirm its me',
      'confirm it is me',
      'show its me',
      'que soy yo',
      'quien soy',
      'verify its me',
      'verify it is me',
      'identidad',
      'demostrar que soy yo',
      'comprobar que soy yo',
    ],
    except: ['identity theft', 'stole my identity', 'robo de identidad', 'robaron mi identidad'],
  },
  answer: {
    en: "The safest way to show it's you is to sign in to the app or to your online account; a chat started there already knows which account it is about. In this chat I only ever ask for the last four digits of a card and, for some changes, your billing ZIP. An agent may ask you about recent activity on your account. We will never ask for your PIN, password, security code or full card number.",
    es: 'La forma más segura de demostrar que es usted es iniciar sesión en la app o en su cuenta en línea; un chat iniciado ahí ya sabe de qué cuenta se trata. En este chat solo le pido los últimos cuatro dígitos de una tarjeta y, para algunos cambios, el código postal de facturación. Un agente puede preguntarle por movimientos recientes de su cuenta. Nunca le pediremos su PIN, su contraseña, el código de seguridad ni el número completo de su tarjeta.',
  },
  quickReplies: both('agent'),
  next: {
    en: 'Next steps to show it is you: sign in to the app or your online account and start the chat from there.',
    es: 'Próximos pasos para demostrar que es usted: inicie sesión en la app o en su cuenta en línea e inicie el chat desde ahí.',
  },
  summary: 'Customer asks how to prove their identity',
};

/** The interest rate: after the late fee ("interest and a late fee" is about the fee). */
export const APR_TASK: TaskDef = {
  intent: 'apr',
  triggers: {
    any: [
      'apr',
      'interest',
      'interest rate',
      'annual percentage',
      'finance charge*',
      'tasa de interes',
      'tasa anual',
      'mi tasa',
      'interes',
      'intereses',
    ],
  },
  answer: {
    en: 'Your APR (annual percentage rate) is on your monthly statement, in the interest charges section, and in the app under Account, then Rates. Interest is charged only on the balance you carry: pay the full statement balance by the due date and purchases are charged no interest. Cash advances and balance transfers may have a rate of their own. An agent can review your account if you want to ask for a lower rate.',
    es: 'Su tasa de interés anual (APR) aparece en su estado de cuenta mensual, en la sección de cargos por intereses, y en la app, en Cuenta y luego Tasas. Solo se cobran intereses sobre el saldo que deja pendiente: si paga el saldo total del estado de cuenta antes de la fecha de vencimiento, sus compras no generan intereses. Los retiros de efectivo y las transferencias de saldo pueden tener una tasa propia. Si desea pedir una tasa más baja, un agente puede revisar su cuenta.',
  },
  quickReplies: both('due', 'agent'),
  next: {
    en: 'Next steps for your APR: it is on every statement; paying the full statement balance by the due date avoids interest on purchases, and an agent can review a request for a lower rate.',
    es: 'Próximos pasos de su tasa de interés: aparece en cada estado de cuenta; pagar el saldo total antes de la fecha de vencimiento evita intereses en las compras, y un agente puede revisar una solicitud de tasa más baja.',
  },
  summary: 'Customer asks about the APR (interest)',
};

/** Declined, closing, refund and balance: placed among the card tasks (intents.ts). */
export const DECLINED_TASK: TaskDef = {
  intent: 'declined',
  triggers: {
    any: [
      'declined',
      'decline',
      'declining',
      'denied',
      'rejected',
      'not going through',
      'isnt going through',
      'wont go through',
      'doesnt go through',
      'didnt go through',
      'rechaz*',
      'declina*',
      'no pasa mi tarjeta',
      'no pasa la tarjeta',
      'no me pasa la tarjeta',
    ],
    // "My card was refused at the restaurant", "no aceptaron mi tarjeta": a card or a payment
    // refused (a refund refused is a dispute or a refund question, not a decline).
    allOf: [
      [
        ['refused', 'refuse', 'refusing', 'bounced', 'no aceptaron', 'no acepto', 'no la aceptaron'],
        ['card', 'tarjeta', 'payment', 'pago', 'purchase', 'compra', 'transaction'],
      ],
    ],
    except: ['refund', 'reembolso'],
  },
  answer: {
    en: "Sorry your card was declined. The most common reasons: the card is locked; the purchase would go over your available credit; a payment is past due; we paused a purchase that looked unusual (the app then shows an alert where you can confirm it was you); or the billing details given to an online store don't match. The app shows whether the card is locked and your available credit. If none of these explains it, an agent can look at the decline with you.",
    es: 'Lamento que le hayan rechazado la tarjeta. Las causas más comunes: la tarjeta está bloqueada; la compra supera su crédito disponible; hay un pago vencido; detuvimos una compra que parecía inusual (la app le muestra entonces un aviso donde puede confirmar que fue usted); o los datos de facturación que dio a una tienda en línea no coinciden. La app muestra si la tarjeta está bloqueada y su crédito disponible. Si nada de esto lo explica, un agente puede revisar el rechazo con usted.',
  },
  quickReplies: both('unlock', 'agent'),
  next: {
    en: 'Next steps for the declined card: check the app for an alert and confirm the purchase if it was you, then try again; if the card is locked, unlock it. An agent can look at the decline if it happens again.',
    es: 'Próximos pasos de la tarjeta rechazada: revise si tiene un aviso en la app y confirme la compra si fue usted, y vuelva a intentarlo; si la tarjeta está bloqueada, desbloquéela. Un agente puede revisar el rechazo si vuelve a pasar.',
  },
  summary: 'Customer reports a declined card',
};

export const CANCEL_TASK: TaskDef = {
  intent: 'cancel-card',
  triggers: {
    any: [
      'cancel my card',
      'cancel the card',
      'cancel this card',
      'cancel my credit card',
      'cancel my account',
      'close my account',
      'close the account',
      'close this account',
      'close my card',
      'close the card',
      'close this card',
      'cancelar mi tarjeta',
      'cancelar la tarjeta',
      'cancelar mi cuenta',
      'cerrar mi cuenta',
      'cierro mi cuenta',
      'cerrar la cuenta',
      'cerrar mi tarjeta',
      'dar de baja mi tarjeta',
      'dar de baja la tarjeta',
      'dar de baja mi cuenta',
    ],
    // "I want to close my credit card account", "quiero cancelar esta tarjeta".
    allOf: [
      [
        ['cancel*', 'close', 'cerrar', 'cierro', 'cierre', 'dar de baja'],
        ['card', 'account', 'amex', 'tarjeta', 'cuenta'],
      ],
    ],
    except: [
      'reserva*',
      'reservation*',
      'booking*',
      'flight*',
      'hotel*',
      'vuelo*',
      'subscription*',
      'suscripcion*',
    ],
  },
  answer: {
    en: "I can't close a card in this chat; an agent can do it with you. Before it is closed: the balance stays due on the usual dates (closing doesn't cancel what you owe), use or move your rewards points first, since points on a closed account may be lost, and update any automatic payments charged to the card. If you only want to stop using it for a while, I can lock it instead.",
    es: 'No puedo cerrar una tarjeta en este chat; un agente puede hacerlo con usted. Antes de cerrarla: el saldo se sigue pagando en las fechas de siempre (cerrarla no cancela lo que debe), use o transfiera primero sus puntos de recompensa, porque los puntos de una cuenta cerrada pueden perderse, y actualice los pagos automáticos que se cargan a la tarjeta. Si solo quiere dejar de usarla por un tiempo, puedo bloquearla.',
  },
  quickReplies: both('agent', 'lock', 'rewards'),
  next: {
    en: 'Next steps to close the card: an agent confirms the closing with you; the balance stays due on the usual dates, and points are best redeemed before it closes.',
    es: 'Próximos pasos para cerrar la tarjeta: un agente confirma el cierre con usted; el saldo se sigue pagando en las fechas de siempre, y conviene canjear los puntos antes del cierre.',
  },
  summary: 'Customer wants to close a card',
};

/** Before disputes: a refund the merchant owes is not a charge to dispute (yet). */
export const REFUND_TASK: TaskDef = {
  intent: 'refund',
  triggers: {
    any: [
      'refund*',
      'returned an',
      'returned a',
      'returned the',
      'returned it',
      'returned my purchase',
      'return an item',
      'return a purchase',
      'sent back',
      'sent it back',
      'reembols*',
      'money back',
      'devolvieron',
      'reintegr*',
      'devolucion*',
      'devolvi',
      'regrese una compra',
      'regrese un producto',
      'regrese el producto',
    ],
    // A refund of a charge the customer never made is a dispute.
    except: [
      'payment was returned',
      'returned payment',
      'pago devuelto',
      'fraud*',
      'unauthori*',
      'didnt make',
      'dont recognize',
      'fraude*',
      'no reconozco',
      'no hice',
      'no autorizado',
    ],
  },
  answer: {
    en: "When a merchant accepts a return, they send the refund; it usually shows on your account as a credit from that merchant within 7–10 business days of their processing it. If the merchant says they refunded you and nothing shows after 10 business days, or they won't refund a return they accepted, I can help you dispute the charge.",
    es: 'Cuando un comercio acepta una devolución, envía el reembolso; normalmente aparece en su cuenta como un crédito de ese comercio en 7 a 10 días hábiles desde que lo procesa. Si el comercio dice que ya le reembolsó y no aparece nada después de 10 días hábiles, o no le reembolsa una devolución que aceptó, puedo ayudarle a disputar el cargo.',
  },
  quickReplies: both('dispute', 'agent'),
  next: {
    en: "Next steps for the refund: allow 7–10 business days after the merchant processes it; after that, you can dispute the original charge with the merchant's return receipt.",
    es: 'Próximos pasos del reembolso: espere de 7 a 10 días hábiles desde que el comercio lo procese; después, puede disputar el cargo original con el comprobante de devolución del comercio.',
  },
  summary: 'Customer asks about a refund for a returned item',
};

/** After payments due ("pay my balance") and rewards ("points balance"). */
export const BALANCE_TASK: TaskDef = {
  intent: 'balance',
  triggers: {
    any: [
      'balance',
      'how much do i owe',
      'how much i owe',
      'how much is on my card',
      'how much is owed',
      'what do i owe',
      'amount i owe',
      'saldo',
      'cuanto debo',
      'cuanto le debo',
      'lo que debo',
      'adeudo',
      // Recent transactions: the balance answer lists the latest ones when there is a profile.
      'recent transaction*',
      'recent charges',
      'recent purchases',
      'last transactions',
      'latest transactions',
      'transaction history',
      'ultimos movimientos',
      'movimientos recientes',
      'transacciones recientes',
      'ultimas transacciones',
      'ultimas compras',
      'ultimos cargos',
    ],
    except: ['balance transfer', 'transferencia de saldo'],
  },
  answer: {
    en: 'Your current balance, your statement balance and your available credit are on the home screen of the app and in your online account. The statement balance is what you owed when your last statement closed; the current balance adds the charges and payments since then. A payment can take 1–2 business days to show.',
    es: 'Su saldo actual, el saldo de su estado de cuenta y su crédito disponible aparecen en la pantalla principal de la app y en su cuenta en línea. El saldo del estado de cuenta es lo que debía al cierre de su último estado de cuenta; el saldo actual suma los cargos y pagos posteriores. Un pago puede tardar 1 o 2 días hábiles en reflejarse.',
  },
  quickReplies: both('due', 'agent'),
  next: {
    en: 'Next steps for your balance: pay at least the minimum by the due date; the app shows the balance as charges and payments post.',
    es: 'Próximos pasos de su saldo: pague al menos el mínimo antes de la fecha de vencimiento; la app muestra el saldo a medida que se registran cargos y pagos.',
  },
  summary: 'Customer asks about the balance',
};
