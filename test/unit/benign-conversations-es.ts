/**
 * Spanish templates for ./benign-conversations.ts: how Spanish-speaking cardmembers in the US write
 * to the chat (US amounts and dates next to `15 de agosto`, `el día 3`), and what the assistant or
 * agent answers. Every value comes from the Kit; nothing here is a secret.
 */
import type { IntentGroup, Kit, LangPack, Step } from './benign-conversations-kit.js';

export const A = (agent: string): Step => ({ agent });
export const C = (customer: string): Step => ({ customer });

const OK = [
  'ok',
  'ok gracias',
  'sí',
  'si',
  'vale',
  'perfecto, gracias',
  'listo',
  'dale',
  'muchas gracias',
  'está bien',
  'claro',
  '👍',
  'gracias',
];

export function ok(k: Kit): Step {
  return C(k.r.pick(OK));
}

export function askLast4(k: Kit): Step {
  return A(
    k.r.pick([
      '¿Me confirmas los últimos cuatro dígitos de la tarjeta?',
      'Para encontrar tu tarjeta, dime solo los últimos cuatro dígitos.',
      '¿Cuáles son los últimos 4 dígitos de la tarjeta?',
      'Con gusto te ayudo. ¿De qué tarjeta se trata? Solo los últimos cuatro dígitos, por favor.',
    ]),
  );
}

export function last4Reply(k: Kit, l4: string): Step {
  return C(
    k.r.ws(
      `40|${l4}`,
      `12|terminada en ${l4}`,
      `10|los últimos 4 son ${l4}`,
      `8|es ${l4}`,
      `6|${l4} gracias`,
      `6|la que termina en ${l4}`,
      `5|últimos cuatro: ${l4}`,
      `4|${l4}.`,
      `4|creo que ${l4}`,
      `5|la tarjeta que termina en ${l4}`,
    ),
  );
}

export function identify(k: Kit, l4: string, zipToo = false): Step[] {
  const { r } = k;
  const s: Step[] = [askLast4(k)];
  if (r.chance(0.08))
    s.push(
      C(r.pick(['tengo 2 tarjetas, ¿cuál?', '¿la gold o la platinum?'])),
      A('La tarjeta con la que necesitas ayuda. Bastan los últimos cuatro dígitos.'),
    );
  s.push(last4Reply(k, l4));
  if (zipToo || r.chance(0.3)) {
    const z = k.zip();
    s.push(
      A(
        r.pick([
          '¿Cuál es tu código postal?',
          '¿Me confirmas el código postal de facturación?',
          'Gracias. ¿Y tu código postal (ZIP)?',
        ]),
      ),
      C(r.ws(`55|${z}`, `15|el zip es ${z}`, `10|es ${z}`, `10|código postal ${z}`, `10|${z} gracias`)),
    );
  }
  s.push(
    A(
      r.pick([
        `Gracias, encontré la tarjeta terminada en ${l4}.`,
        'Gracias, ya tengo tu cuenta abierta.',
        'Gracias.',
      ]),
    ),
  );
  return s;
}

export function askPhone(k: Kit): Step {
  return A(
    k.r.pick([
      '¿Cuál es el mejor número de teléfono para comunicarnos contigo?',
      '¿Cuál es el número de teléfono nuevo?',
      '¿A qué número te podemos llamar?',
    ]),
  );
}

export function phoneReply(k: Kit): Step {
  const p = k.phone();
  return C(
    k.r.ws(`50|${p}`, `15|es el ${p}`, `12|mi celular ${p}`, `10|${p} gracias`, `13|el nuevo es ${p}`),
  );
}

export function caseStatement(k: Kit, what: string): Step[] {
  const caseNo = k.caseNo();
  const s: Step[] = [A(`Abrí ${what}. Tu número de caso es ${caseNo}.`)];
  if (k.r.chance(0.35))
    s.push(
      C(
        k.r.ws(
          `30|ok, el número de caso es ${caseNo}?`,
          `25|anotado ${caseNo}`,
          `25|¿cuánto tiempo tarda?`,
          `20|¿me van a dar un crédito temporal?`,
        ),
      ),
      A('Normalmente respondemos en un plazo de 30 días; puedes seguir el caso en la app, en Disputas.'),
    );
  return s;
}

// ---- card and account intents -----------------------------------------------------------------

function lostStolen(k: Kit): Step[] {
  const { r } = k;
  const l4 = k.last4();
  const s: Step[] = [
    C(
      r.ws(
        `20|Perdí mi tarjeta`,
        `15|me robaron la tarjeta ${r.pick(['ayer', 'anoche', 'hoy en la mañana', k.date().c])}`,
        `12|Perdí mi tarjeta o me la robaron`,
        `10|creo que dejé la tarjeta en un restaurante ${k.time()}`,
        `10|no encuentro mi tarjeta, necesito otra`,
        `8|la tarjeta está dañada, el chip no funciona`,
        `8|perdí la tarjeta que termina en ${l4}`,
      ),
    ),
    A('Lo siento. Puedo bloquear tu tarjeta ahora y enviarte un reemplazo.'),
    ...identify(k, l4),
  ];
  if (r.chance(0.4))
    s.push(
      A('¿Cuándo usaste la tarjeta por última vez?'),
      C(
        r.ws(
          `35|${k.date().c} en ${k.merchant()}`,
          `30|ayer ${k.time()}`,
          `20|en ${k.merchant()}, ${k.money(3, 90).c}`,
          `15|hace como 2 días`,
        ),
      ),
    );
  const addr = k.address();
  s.push(A(`Tu tarjeta está bloqueada. ¿Enviamos el reemplazo a ${addr.a}?`));
  if (r.chance(0.7)) s.push(C(r.pick(['sí', 'sí por favor', 'si, correcto', 'correcto'])));
  else {
    const other = k.address();
    s.push(
      C(r.ws(`50|no, mándala a ${other.c}`, `50|estoy de viaje, ¿la pueden mandar a ${other.c}?`)),
      A('Claro, actualicé la dirección de envío de este reemplazo.'),
    );
  }
  s.push(A('La tarjeta nueva llegará en 2 a 3 días hábiles.'));
  if (r.chance(0.35))
    s.push(
      C(
        r.pick([
          `¿y mi pago automático de ${k.merchant()}?`,
          '¿puedo usar apple pay mientras?',
          `¿llega antes del ${r.int(1, 28)}?`,
        ]),
      ),
      A('Sí, puedes agregar la tarjeta nueva a tu billetera digital en cuanto se emita.'),
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
            `35|Quiero desbloquear mi tarjeta`,
            `30|ya encontré la tarjeta, desbloquéala por favor`,
            `20|desbloquear tarjeta terminada en ${l4}`,
            `15|me rechazaron la tarjeta en ${k.merchant()}`,
          )
        : r.ws(
            `40|Quiero bloquear mi tarjeta`,
            `30|bloquea mi tarjeta por ahora por favor`,
            `30|bloquear la tarjeta que termina en ${l4}`,
          ),
    ),
    ...identify(k, l4),
    A(
      unlock
        ? 'Tu tarjeta está desbloqueada y lista para usar.'
        : 'Tu tarjeta está bloqueada: las compras nuevas se rechazarán hasta que la desbloquees.',
    ),
  ];
  if (r.chance(0.45))
    s.push(
      C(
        r.ws(
          `35|ya pasaron ${r.int(5, 30)} minutos y la siguen rechazando`,
          `35|¿y la suscripción de ${k.merchant()}?`,
          `30|lo intenté ${r.int(2, 4)} veces`,
        ),
      ),
      A('Los pagos recurrentes pueden seguir cobrándose. Intenta de nuevo en un minuto.'),
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
            `50|Quiero dar de baja a un usuario autorizado, ${who}`,
            `50|cancelen la tarjeta de ${who}, termina en ${l4}`,
          )
        : r.ws(
            `35|quiero agregar a mi ${r.pick(['esposa', 'esposo', 'hijo', 'hija', 'mamá'])} como usuario autorizado`,
            `30|¿cómo agrego a ${who}?`,
            `35|¿mi hija puede ser usuaria autorizada? tiene ${r.int(13, 19)} años`,
          ),
    ),
  ];
  if (remove) {
    s.push(
      A('Con gusto. ¿Cuáles son los últimos cuatro dígitos de su tarjeta?'),
      last4Reply(k, l4),
      A(`La tarjeta de ${who.split(' ')[0]} terminada en ${l4} quedó dada de baja.`),
    );
    if (r.chance(0.4))
      s.push(
        C(`¿y el cargo de ${k.money(20, 900).c} que hizo ${k.date().c}?`),
        A('Los cargos anteriores a la baja siguen en tu cuenta.'),
      );
  } else {
    s.push(
      A(
        'Puedes agregarlo en la app, en Cuenta y luego Usuarios autorizados. Su tarjeta llega en 7 a 10 días hábiles.',
      ),
    );
    if (r.chance(0.5))
      s.push(
        C(
          r.ws(
            `35|¿puedo ponerle un límite de ${k.money(100, 2000, true).c} al mes?`,
            `30|ya tengo ${r.int(1, 4)} usuarios autorizados`,
            `35|¿la mandan a ${k.address().c}?`,
          ),
        ),
        A('Sí, puedes fijar un límite de gasto mensual para cada usuario autorizado.'),
      );
  }
  return s;
}

function creditLimit(k: Kit): Step[] {
  const { r } = k;
  const now = r.pick([2000, 3000, 5000, 8000, 10000, 15000]);
  const want = now * 2;
  const f = (n: number): string =>
    r.ws(
      `35|$${n.toLocaleString('en-US')}`,
      `30|${String(n)}`,
      `15|${n / 1000} mil`,
      `20|${n.toLocaleString('en-US')} dólares`,
    );
  return [
    C(
      r.ws(
        `30|¿Me pueden aumentar el límite de crédito?`,
        `30|mi límite es ${f(now)} y necesito ${f(want)}`,
        `20|¿por qué bajaron mi límite a ${f(now)}?`,
        `20|quiero subir el límite de ${f(now)} a ${f(want)}`,
      ),
    ),
    ...identify(k, k.last4()),
    A('Puedo solicitar una revisión. ¿Cuál es tu ingreso anual total?'),
    C(
      r.ws(
        `35|como ${f(r.int(35, 200) * 1000)}`,
        `30|${r.int(35, 200)} mil al año`,
        `20|${r.int(35, 200) * 1000}`,
        `15|unos ${r.int(3, 12)} mil al mes`,
      ),
    ),
    A(`Gracias. Tu nuevo límite de crédito es $${want.toLocaleString('en-US')}.`),
  ];
}

function fraudAlert(k: Kit): Step[] {
  const { r } = k;
  const amt = k.money(1, 1500);
  const m = k.merchant();
  const s: Step[] = [
    C(
      r.ws(
        `30|me llegó un mensaje preguntando por una compra de ${amt.c} en ${m}`,
        `25|alerta de fraude por ${amt.c}, sí fui yo`,
        `20|me rechazaron la tarjeta en ${m} y me llegó una alerta ${k.time()}`,
        `25|me llegó un correo de actividad sospechosa, ${r.int(2, 3)} cargos`,
      ),
    ),
    ...identify(k, k.last4()),
    A(`Veo un cargo de ${amt.a} en ${m} el ${k.date().a}. ¿Hiciste esta compra?`),
  ];
  const mine = r.chance(0.6);
  s.push(
    C(
      mine
        ? r.pick(['sí fui yo', 'sí', 'si, estaba en la tienda', 'sí, fui yo'])
        : r.pick(['no', 'no fui yo', 'nunca he ido ahí', `no, solo la de ${k.money(3, 50).c} es mía`]),
    ),
  );
  if (mine) s.push(A('Gracias por confirmar. Ya puedes usar tu tarjeta de nuevo.'));
  else
    s.push(
      ...caseStatement(k, 'un reclamo por fraude'),
      A('Tu tarjeta quedó cancelada y la nueva llegará en 2 a 3 días hábiles.'),
    );
  return s;
}

function contactUpdate(k: Kit): Step[] {
  const { r } = k;
  const phone = r.chance(0.45);
  const s: Step[] = [
    C(
      phone
        ? r.ws(
            `40|Necesito cambiar mi número de teléfono`,
            `30|cambien mi teléfono al ${k.phone()}`,
            `30|teléfono nuevo`,
          )
        : r.ws(
            `35|Me mudé y necesito cambiar mi dirección`,
            `30|dirección nueva: ${k.address().c}`,
            `35|actualizar dirección`,
          ),
    ),
    ...identify(k, k.last4(), r.chance(0.4)),
  ];
  if (phone) s.push(askPhone(k), phoneReply(k));
  else {
    const addr = k.address();
    s.push(
      A('¿Cuál es la dirección nueva?'),
      C(r.ws(`70|${addr.c}`, `30|es ${addr.c}`)),
      A(`Gracias. Actualicé tu dirección a ${addr.a}.`),
    );
    if (r.chance(0.3)) s.push(askPhone(k), phoneReply(k));
  }
  s.push(A('Tus datos de contacto están actualizados.'));
  return s;
}

function digitalWallet(k: Kit): Step[] {
  const { r } = k;
  const dev = k.device();
  const wallet = r.pick(['Apple Pay', 'Google Pay', 'apple pay', 'Samsung Pay']);
  const s: Step[] = [
    C(
      r.ws(
        `35|no puedo agregar mi tarjeta a ${wallet} en mi ${dev}`,
        `25|${wallet} dice que contacte al emisor`,
        `20|lo intenté ${r.int(2, 5)} veces y no funciona`,
        `20|tengo un ${dev} nuevo, ¿cómo paso la tarjeta a ${wallet}?`,
      ),
    ),
    ...identify(k, k.last4()),
    A(`Ya quité el bloqueo. Intenta agregar la tarjeta a ${wallet} otra vez.`),
  ];
  if (r.chance(0.5))
    s.push(
      C(r.pick(['¡ya funcionó, gracias!', 'sigue dando error', 'funcionó al 2do intento', 'ok lo intento'])),
      A('Perfecto. Si falla de nuevo, reinicia el teléfono.'),
    );
  return s;
}

export const ES_ACCOUNT = {
  'lost-stolen': lostStolen,
  'lock-unlock': lockUnlock,
  'authorized-user': authorizedUser,
  'credit-limit': creditLimit,
  'fraud-alert': fraudAlert,
  'contact-update': contactUpdate,
  'digital-wallet': digitalWallet,
} satisfies IntentGroup;

// ---- frame ------------------------------------------------------------------------------------

export const ES: LangPack = {
  open: (k) => {
    const { r } = k;
    const s: Step[] = [A('¡Hola! Soy el asistente virtual. ¿En qué te puedo ayudar hoy?')];
    if (r.chance(0.35))
      s.push(
        C(
          r.pick([
            'hola',
            'buenas tardes',
            'Hola, buenos días',
            'agente',
            'quiero hablar con una persona',
            'español',
          ]),
        ),
        A(`Hola, me llamo ${r.pick(['Lucía', 'Javier', 'Carmen', 'Andrés'])}. ¿En qué te puedo ayudar?`),
      );
    if (r.chance(0.08)) s.push(C(`ya llamé ${r.int(2, 5)} veces`), A('Lo siento. Ahora mismo te ayudo.'));
    return s;
  },
  more: (k) => [A(k.r.pick(['¿Hay algo más en lo que te pueda ayudar?', '¿Algo más?']))],
  close: (k) => {
    const { r } = k;
    const s: Step[] = [
      A(r.pick(['¿Hay algo más en lo que te pueda ayudar?', '¿Te puedo ayudar con algo más?'])),
    ];
    s.push(
      C(
        r.pick([
          'no, eso es todo, gracias',
          'no',
          'no gracias',
          'Eso es todo, gracias',
          'nada más, gracias',
          'no, muchas gracias',
        ]),
      ),
    );
    if (r.chance(0.4)) s.push(A('Gracias por ser Socio de American Express. ¡Que tengas un buen día!'));
    if (r.chance(0.15)) s.push(ok(k));
    return s;
  },
  also: ['también, ', 'otra cosa, ', 'ah y ', 'sí, '],
};
