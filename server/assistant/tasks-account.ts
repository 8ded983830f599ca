/**
 * The first tasks of the table, in priority order (intents.ts joins them with the card tasks):
 * payment trouble, fees, points, rewards and authorized users. Data only.
 */
import { both } from './phrases.js';
import type { TaskDef } from './types.js';

const AU = [
  'authorized user*',
  'authorised user*',
  'additional card*',
  'additional cardmember*',
  'extra card',
  'card for my',
  'usuario* autorizado*',
  'usuario* adicional*',
  'usuaria* autorizada*',
  'usuaria* adicional*',
  'tarjeta* adicional*',
  'persona* autorizada*',
  'tarjetahabiente* adicional*',
];

/** The people an authorized user usually is ("add my husband to my account"). */
const AU_PEOPLE = [
  'my wife',
  'my husband',
  'my spouse',
  'my partner',
  'my son',
  'my daughter',
  'my ex',
  'my mom',
  'my mother',
  'my dad',
  'my father',
  'mi esposa',
  'mi esposo',
  'mi pareja',
  'mi hijo',
  'mi hija',
  'mi mama',
  'mi papa',
  'mi ex',
];
const AU_WHERE = ['account', 'card', 'cuenta', 'tarjeta'];

export const ACCOUNT_TASKS: readonly TaskDef[] = [
  {
    // Payment trouble first: "I lost my job and can't pay" is not a lost card.
    intent: 'payment-assistance',
    triggers: {
      any: [
        'payment assistance',
        'cant pay',
        'cannot pay',
        'can not pay',
        'unable to pay',
        'trouble paying',
        'struggling',
        'cant afford',
        'cannot afford',
        'can not afford',
        'no me alcanza',
        'hardship',
        'payment plan',
        'financial difficult*',
        'lost my job',
        'no puedo pagar',
        'ayuda para pagar',
        'problemas para pagar',
        'dificultad* para pagar',
        'plan de pago*',
        'dificultad* financiera*',
        'dificultad* economica*',
        'perdi mi trabajo',
        'perdi mi empleo',
      ],
    },
    answer: {
      en: "I'm sorry things are hard right now; we have options. Depending on your account, we may offer a payment plan with a lower monthly amount, a different due date, or a short-term hardship program. A specialist needs to review your account for these, so I can connect you with an agent. Paying at least the minimum by the due date keeps your account in good standing.",
      es: 'Siento que esté pasando por un momento difícil; tenemos opciones. Según su cuenta, podemos ofrecerle un plan de pagos con una cuota mensual menor, otra fecha de pago o un programa temporal de ayuda. Un especialista debe revisar su cuenta, así que puedo comunicarlo con un agente. Pagar al menos el mínimo antes de la fecha de vencimiento mantiene su cuenta al corriente.',
    },
    quickReplies: both('agent', 'due', 'lateFee'),
    next: {
      en: 'Next steps for payment assistance: an agent reviews your account and the options you qualify for, usually in the same conversation. Meanwhile, pay at least the minimum by the due date if you can.',
      es: 'Próximos pasos de la ayuda para pagar: un agente revisa su cuenta y las opciones a las que puede acceder, normalmente en la misma conversación. Mientras tanto, si puede, pague al menos el mínimo antes de la fecha de vencimiento.',
    },
    summary: 'Customer needs payment assistance (hardship / payment plan)',
  },
  {
    // Before payment-due and dispute: "a late fee on my payment", "a late charge".
    intent: 'late-fee',
    triggers: {
      any: [
        'late fee*',
        'late charge*',
        'late payment fee*',
        'fee for paying late',
        'paid late',
        'late payment',
        'cargo* por mora',
        'cargo* por pago tardio',
        'cargo* por pago atrasado',
        'cargo* por atraso',
        'comision* por atraso',
        'comision* por retraso',
        'recargo*',
        'mora',
        'pague tarde',
        'pago atrasado',
        'pago tardio',
        'waive*',
        'condon*',
      ],
      // "My payment was late, can you take off the fee?", "pagué tarde y me cobraron".
      allOf: [
        [
          ['late', 'tarde', 'atrasado', 'atrasada'],
          ['fee', 'fees', 'charge', 'charged', 'penalty', 'cargo', 'cobro', 'cobraron', 'multa'],
        ],
      ],
    },
    answer: {
      en: "A late fee is charged when at least the minimum payment isn't received by the due date; the amount is on your statement. If you usually pay on time, an agent can review the fee and may be able to waive it once. To avoid future fees, set up AutoPay for at least the minimum payment.",
      es: 'El cargo por pago tardío se aplica cuando no recibimos al menos el pago mínimo antes de la fecha de vencimiento; el importe aparece en su estado de cuenta. Si suele pagar a tiempo, un agente puede revisar el cargo y quizá anularlo una vez. Para evitar cargos futuros, active el pago automático de al menos el mínimo.',
    },
    quickReplies: both('agent', 'due', 'help'),
    next: {
      en: 'Next steps for the late fee: an agent can review it in this chat; if a courtesy waiver is granted, the credit shows on your account within 1–2 business days and on your next statement.',
      es: 'Próximos pasos del cargo por pago tardío: un agente puede revisarlo en este chat; si se concede la anulación, el crédito aparece en su cuenta en 1 o 2 días hábiles y en su próximo estado de cuenta.',
    },
    summary: 'Customer asks about a late fee (possible courtesy waiver)',
  },
  {
    // Before rewards: "use my points" is about paying with them.
    intent: 'pay-with-points',
    triggers: {
      any: [
        'pay with points',
        'pay with my points',
        'use points',
        'use my points',
        'using points',
        'using my points',
        'redeem*',
        'cover a charge with points',
        'pagar con puntos',
        'pagar con mis puntos',
        'usar puntos',
        'usar mis puntos',
        'canje*',
        'redimir*',
      ],
    },
    answer: {
      en: 'You can use your points to cover eligible charges on your statement, to book travel, or at checkout with participating merchants. In the app or online, open Rewards, then Use points, and pick the charges to cover; the credit appears within a few days. Points have a set value per charge type, shown before you confirm.',
      es: 'Puede usar sus puntos para cubrir cargos elegibles de su estado de cuenta, reservar viajes o pagar en comercios participantes. En la app o en línea, abra Recompensas, luego Usar puntos, y elija los cargos que desea cubrir; el crédito aparece en unos días. Cada tipo de canje tiene un valor por punto, que verá antes de confirmar.',
    },
    quickReplies: both('rewards', 'travel', 'agent'),
    next: {
      en: 'Next steps for paying with points: choose the charges under Rewards, then Use points, and confirm; the statement credit appears within 2–3 business days. Charges in a dispute cannot be covered with points.',
      es: 'Próximos pasos para pagar con puntos: elija los cargos en Recompensas, luego Usar puntos, y confirme; el crédito aparece en 2 o 3 días hábiles. Los cargos en disputa no se pueden cubrir con puntos.',
    },
    summary: 'Customer wants to pay with points',
  },
  {
    intent: 'rewards',
    triggers: {
      any: [
        'reward*',
        'points',
        'point balance',
        'membership rewards',
        'miles',
        'cashback',
        'cash back',
        'recompensa*',
        'puntos',
        'millas',
        'premios',
      ],
    },
    answer: {
      en: 'Your points balance is on the home screen of the app and on your monthly statement, with the points earned each month. Points are usually posted within a few days after a purchase. You can pay with points, transfer them to travel partners, or redeem them for gift cards.',
      es: 'Su saldo de puntos aparece en la pantalla principal de la app y en su estado de cuenta mensual, con los puntos ganados cada mes. Los puntos suelen acreditarse unos días después de cada compra. Puede pagar con puntos, transferirlos a socios de viaje o cambiarlos por tarjetas de regalo.',
    },
    quickReplies: both('points', 'travel', 'agent'),
    next: {
      en: 'Next steps for rewards: check the balance in the app; points for recent purchases post within a few days. If points are missing after 8 weeks, an agent can look into it.',
      es: 'Próximos pasos de recompensas: consulte el saldo en la app; los puntos de compras recientes se acreditan en unos días. Si faltan puntos después de 8 semanas, un agente puede revisarlo.',
    },
    summary: 'Customer asks about rewards points',
  },
  {
    // Before add: "remove an authorized user" names the user too.
    intent: 'authorized-user-remove',
    triggers: {
      all: [
        AU,
        [
          'remove',
          'removing',
          'delete',
          'cancel',
          'take off',
          'take * off',
          'eliminar',
          'elimina',
          'quitar',
          'quita',
          'borrar',
          'dar de baja',
          'cancelar',
          'retirar',
        ],
      ],
      allOf: [
        [AU_PEOPLE, ['remove', 'take', 'delete', 'eliminar', 'quitar', 'sacar', 'dar de baja'], AU_WHERE],
      ],
    },
    answer: {
      en: 'I can help remove an authorized user; only the primary cardmember can do this. Their card stops working as soon as they are removed, and their past charges stay on your account. To find their card, tell me only its last four digits.',
      es: 'Puedo ayudarle a dar de baja a un usuario autorizado; solo el titular principal puede hacerlo. Su tarjeta deja de funcionar en cuanto se le da de baja, y sus cargos anteriores siguen en la cuenta. Para encontrar su tarjeta, dígame solo los últimos cuatro dígitos.',
    },
    quickReplies: both('agent'),
    next: {
      en: 'Next steps for removing the authorized user: their card stops working immediately, pending charges still post, and the change shows on your next statement. Please destroy their card.',
      es: 'Próximos pasos para dar de baja al usuario autorizado: su tarjeta deja de funcionar de inmediato, los cargos pendientes se registran igualmente y el cambio aparece en su próximo estado de cuenta. Destruya la tarjeta del usuario, por favor.',
    },
    summary: 'Customer wants to remove an authorized user',
    card: 'last4+zip',
  },
  {
    intent: 'authorized-user-add',
    triggers: { any: AU, allOf: [[AU_PEOPLE, ['add', 'agregar', 'anadir', 'sumar', 'incluir'], AU_WHERE]] },
    answer: {
      en: "You can add an authorized user in the app or online under Account, then Authorized users; you'll need their name, date of birth and address, so please enter those there rather than in this chat. They get their own card, and their purchases appear on your statement. An agent can also help.",
      es: 'Puede agregar un usuario autorizado en la app o en línea, en Cuenta y luego Usuarios autorizados; necesitará su nombre, fecha de nacimiento y dirección, así que ingréselos allí y no en este chat. Recibirá su propia tarjeta y sus compras aparecerán en su estado de cuenta. Un agente también puede ayudarle.',
    },
    quickReplies: both('agent', 'rewards'),
    next: {
      en: 'Next steps for the authorized user: once added, their card arrives in 7–10 business days at your billing address; you can set a spending limit for them in the app.',
      es: 'Próximos pasos del usuario autorizado: una vez agregado, su tarjeta llega en 7 a 10 días hábiles a su dirección de facturación; puede fijarle un límite de gasto en la app.',
    },
    summary: 'Customer wants to add an authorized user',
  },
];
