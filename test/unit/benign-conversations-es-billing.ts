/**
 * Spanish templates for ./benign-conversations.ts, money and travel intents: disputes, payments
 * and due dates, late fees, rewards, statements, balance transfers, refunds, annual fees, trips.
 */
import type { IntentGroup, Kit, Step } from './benign-conversations-kit.js';
import { A, C, identify, caseStatement } from './benign-conversations-es.js';

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
        `16|Quiero disputar un cargo`,
        `14|necesito disputar un cargo de ${amt.c} de ${m} del ${d.c.replace(/^el /, '')}`,
        `12|Hay un cargo de ${m} por ${amt.c} que yo no hice`,
        `10|${m} me cobró dos veces, ${amt.c} ${d.c} y otra vez al día siguiente`,
        `10|me cobraron ${amt.c} en ${m} pero cancelé el pedido`,
        `8|no reconozco un cargo de ${amt.c}`,
        `8|nunca me llegó lo que compré en ${m}, fueron ${amt.c}`,
        `6|me siguen cobrando una suscripción que cancelé hace ${r.int(2, 6)} meses`,
        `6|disputar cargo`,
      ) + (volunteered ? `, tarjeta terminada en ${l4}` : ''),
    ),
  ];
  if (!volunteered) s.push(...identify(k, l4));
  if (r.chance(0.6))
    s.push(
      A(r.pick(['¿De cuánto fue el cargo?', '¿Cuál fue el importe?'])),
      C(r.ws(`50|${amt.c}`, `20|fue de ${amt.c}`, `15|${amt.c} ${d.c}`, `15|como ${amt.c}`)),
    );
  if (r.chance(0.45))
    s.push(
      A('¿Qué día se registró el cargo?'),
      C(r.ws(`45|${d.c}`, `25|fue ${d.c}`, `15|${d.c} ${k.time()}`, `15|la semana pasada`)),
    );
  if (r.chance(0.3))
    s.push(
      A('¿Cómo aparece el comercio en tu estado de cuenta?'),
      C(r.ws(`50|${k.descriptor(m)}`, `30|dice ${k.descriptor(m)}`, `20|${m}`)),
    );
  if (r.chance(0.45))
    s.push(
      A('¿Ya te comunicaste con el comercio?'),
      C(
        r.ws(
          `20|sí, los llamé ${r.int(2, 5)} veces`,
          `20|sí, ${k.date().c} me dijeron que me devolvían el dinero y nada`,
          `15|no`,
          `15|les escribí ${r.int(2, 4)} correos y no contestan`,
          `15|me dieron el ticket #${r.digits(r.int(5, 8))} pero nunca llamaron`,
          `15|estuve ${r.int(20, 90)} minutos en espera`,
        ),
      ),
    );
  if (r.chance(0.3))
    s.push(
      A('¿Tienes el número de pedido o el recibo?'),
      C(
        r.ws(
          `40|pedido # ${k.orderNo()}`,
          `25|${k.orderNo()}`,
          `20|el número de orden es ${k.orderNo()}`,
          `15|no lo tengo`,
        ),
      ),
    );
  s.push(...caseStatement(k, `una disputa por el cargo de ${amt.a} de ${m}`));
  if (r.chance(0.2))
    s.push(
      C(`¿y tengo que pagar los ${amt.c} mientras tanto?`),
      A('No, ese importe queda en suspenso mientras lo revisamos.'),
    );
  return s;
}

function paymentDue(k: Kit): Step[] {
  const { r } = k;
  const paid = k.money(25, 6000, true);
  const d = k.date();
  const s: Step[] = [
    C(
      r.ws(
        `20|¿Cuándo vence mi pago?`,
        `15|pagué ${paid.c} ${d.c} y no aparece`,
        `12|hice un pago de ${paid.c} desde mi cuenta de ${r.pick(['Chase', 'Wells Fargo', 'Bank of America'])} terminada en ${k.last4()}`,
        `12|¿puedo cambiar la fecha de pago al 15?`,
        `10|pagué 500 ayer y todavía dice que debo`,
        `10|¿cuál es el pago mínimo este mes?`,
        `10|Necesito ayuda para pagar, perdí mi trabajo hace ${r.int(2, 8)} semanas`,
        `11|el pago vence ${d.c} pero me pagan el ${r.pick(['1', '15', '20', '30'])}`,
      ),
    ),
  ];
  if (r.chance(0.5)) s.push(...identify(k, k.last4()));
  s.push(
    A(
      `Tu pago vence el ${k.date().a}. El pago mínimo es ${k.money(25, 300).a} y el saldo del estado de cuenta es ${k.money(200, 8000).a}.`,
    ),
  );
  if (r.chance(0.6))
    s.push(
      C(
        r.ws(
          `25|ok, hoy pago ${paid.c}`,
          `20|ya pagué ${paid.c} ${k.date().c}`,
          `15|¿puedo pagar la mitad ahora y el resto el ${r.int(1, 28)}?`,
          `15|la última vez tardó ${r.int(2, 5)} días`,
          `25|ok`,
        ),
      ),
      A(
        'Los pagos se acreditan en 1 a 3 días hábiles. Puedes cambiar la fecha de vencimiento una vez al año en la app.',
      ),
    );
  return s;
}

function lateFee(k: Kit): Step[] {
  const { r } = k;
  const fee = r.pick(['$40', '$29', '40 dólares', '29 dólares', '40']);
  const s: Step[] = [
    C(
      r.ws(
        `25|me cobraron un cargo por pago tardío de ${fee}`,
        `20|¿pueden quitarme el cargo por atraso? pagué ${k.date().c}, solo 1 día tarde`,
        `20|Tengo una pregunta sobre un cargo por pago tardío`,
        `15|el pago automático falló porque cambié de banco y me cobraron ${fee}`,
        `20|es la primera vez en ${r.int(3, 15)} años que pago tarde`,
      ),
    ),
    ...identify(k, k.last4()),
    A('Veo un cargo por pago tardío en tu último estado de cuenta. Déjame revisar tu historial.'),
  ];
  if (r.chance(0.5))
    s.push(
      C(
        r.pick([
          `soy cliente desde ${k.year(1995, 2020)}`,
          `fue un error del banco, tardó ${r.int(2, 4)} días`,
          'por favor',
        ]),
      ),
    );
  s.push(
    A('Como cortesía, anulé el cargo. El crédito aparece en 1 o 2 días hábiles.'),
    C(r.pick(['¡muchas gracias!', 'gracias', 'perfecto', `¿y aparece antes del ${r.int(1, 28)}?`])),
  );
  return s;
}

function rewards(k: Kit): Step[] {
  const { r } = k;
  const pts = k.points();
  const s: Step[] = [
    C(
      r.ws(
        `20|¿Cuántos puntos de recompensa tengo?`,
        `15|tengo ${pts.c} puntos, ¿cuánto valen?`,
        `15|quiero pagar con puntos el cargo de ${k.money(100, 2500).c}`,
        `15|me faltan ${k.points().c} puntos de una compra en ${k.merchant()}`,
        `10|¿puedo transferir ${pts.c} puntos a Aeromexico?`,
        `10|la promoción decía ${r.pick(['5x', '3x'])} puntos y solo me dieron 1x`,
      ),
    ),
  ];
  if (r.chance(0.4)) s.push(...identify(k, k.last4()));
  s.push(
    A(
      `Tienes ${pts.a} puntos Membership Rewards. Los puntos de compras recientes se acreditan en unos días.`,
    ),
  );
  if (r.chance(0.5))
    s.push(
      C(
        r.ws(
          `30|¿y ${pts.c} puntos cuánto cubren?`,
          `20|mi número de socio Club Premier es ${r.digits(9)}`,
          `25|ya pasaron ${r.int(2, 10)} semanas`,
          `25|quiero usar ${k.points().c} nada más`,
        ),
      ),
      A('Verás el valor antes de confirmar, en Recompensas y luego Usar puntos.'),
    );
  return s;
}

function statement(k: Kit): Step[] {
  const { r } = k;
  const bal = k.money(150, 9000);
  const s: Step[] = [
    C(
      r.ws(
        `25|el saldo del estado de cuenta es ${bal.c} pero el saldo actual es ${k.money(150, 9000).c}, ¿cuál pago?`,
        `20|¿cuándo cierra mi estado de cuenta?`,
        `20|hay un cargo de intereses de ${k.money(3, 120).c}, ¿por qué?`,
        `20|necesito los estados de cuenta de ${k.year(2019, 2025)} para los impuestos`,
        `15|en el estado de ${r.pick(['julio', 'mayo', 'marzo'])} salen ${r.int(2, 4)} cargos de ${k.merchant()}`,
      ),
    ),
  ];
  if (r.chance(0.5)) s.push(...identify(k, k.last4()));
  s.push(
    A(
      `Tu estado de cuenta cierra el día ${r.pick([3, 8, 15, 22, 27])} de cada mes. Si pagas el saldo de ${bal.a} antes del vencimiento, no pagas intereses.`,
    ),
  );
  if (r.chance(0.5))
    s.push(
      C(
        r.pick([
          `¿entonces pago ${bal.c}?`,
          '¿dónde los descargo?',
          `¿y el mínimo es como ${r.int(35, 90)}?`,
        ]),
      ),
      A('Sí. Los estados de cuenta de los últimos 7 años están en la app.'),
    );
  return s;
}

function balanceTransfer(k: Kit): Step[] {
  const { r } = k;
  const amt = k.money(500, 15000, true);
  const bank = r.pick(['Citi', 'Chase', 'Discover', 'Capital One']);
  const s: Step[] = [
    C(
      r.ws(
        `40|quiero transferir ${amt.c} de mi tarjeta ${bank}`,
        `30|¿hacen transferencias de saldo? me ofrecieron ${k.percent()}`,
        `30|transferencia de saldo de ${amt.c}, ¿cuál es la comisión?`,
      ),
    ),
    ...identify(k, k.last4()),
    A('Tu cuenta tiene una oferta: 0% durante 12 meses con una comisión del 3% de cada transferencia.'),
  ];
  if (r.chance(0.5))
    s.push(
      C(
        r.ws(
          `40|o sea que por ${amt.c} son ${k.money(15, 450).c}?`,
          `30|la de ${bank} termina en ${k.last4()}`,
          `30|¿cuánto tarda?`,
        ),
      ),
      A('Las transferencias tardan de 5 a 7 días hábiles.'),
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
        `30|devolví un artículo a ${m} ${k.date().c} y nunca me llegó el reembolso de ${amt.c}`,
        `25|${m} dice que hizo el reembolso hace ${r.int(2, 4)} semanas y no aparece`,
        `20|el reembolso no aparece`,
        `25|dijeron 5-7 días hábiles y ya van ${r.int(10, 40)} días`,
      ),
    ),
    ...identify(k, k.last4()),
  ];
  if (r.chance(0.6))
    s.push(
      A('¿Tienes el número de rastreo de la devolución o una referencia del comercio?'),
      C(
        r.ws(
          `40|${k.tracking()}`,
          `25|el número de rastreo es ${k.tracking()}`,
          `20|referencia ${r.digits(r.int(6, 10))}`,
          `15|no, solo el correo`,
        ),
      ),
    );
  s.push(A(`Todavía no veo un crédito de ${m}. Abrí un reclamo y te daré un crédito temporal de ${amt.a}.`));
  return s;
}

function annualFee(k: Kit): Step[] {
  const { r } = k;
  const fee = r.pick(['$695', '$325', '$250', '$95', '695 dólares']);
  return [
    C(
      r.ws(
        `35|me cobraron la cuota anual de ${fee}, ¿la pueden quitar?`,
        `25|¿por qué la anualidad es ${fee}? el año pasado fue ${r.pick(['$550', '$250', '$95'].filter((x) => !fee.includes(x.slice(1))))}`,
        `20|quiero cambiar a una tarjeta sin cuota anual`,
        `20|soy cliente desde ${k.year(1990, 2020)} y la cuota es muy alta`,
      ),
    ),
    ...identify(k, k.last4()),
    A(
      `La cuota anual se cobró el ${k.date().a}. Si cancelas dentro de los 30 días siguientes, se reembolsa.`,
    ),
    C(
      r.pick([
        'ok lo voy a pensar',
        '¿hay alguna oferta?',
        `gasto como ${r.int(20, 90)} mil al año con esta tarjeta`,
        'gracias',
      ]),
    ),
  ];
}

function travel(k: Kit): Step[] {
  const { r } = k;
  const where = r.pick([
    'México',
    'Colombia',
    'España',
    'Puerto Rico',
    'República Dominicana',
    'Perú',
    'Cancún',
    'Madrid',
    'Bogotá',
  ]);
  const s: Step[] = [
    C(
      r.ws(
        `30|Viajo a ${where} ${k.dateRange()}, ¿tengo que avisar?`,
        `20|me voy a ${where} por ${r.int(5, 21)} días`,
        `15|Necesito ayuda con una reserva de viaje`,
        `20|cancelaron mi vuelo ${k.flight()} ${k.date().c}`,
        `15|me rechazaron la tarjeta en ${where}, estoy aquí hasta ${k.date().c}`,
      ),
    ),
    A(
      'Con gusto te ayudo con tu viaje. No hace falta avisar del viaje: reconocemos tus viajes por tus compras.',
    ),
  ];
  if (r.chance(0.6))
    s.push(
      C(
        r.ws(
          `30|la confirmación es ${k.confirmation()}`,
          `25|pagué ${k.money(300, 4000).c} por ${r.int(1, 4)} boletos`,
          `25|mi vuelo es el ${k.flight()} ${k.time()}`,
          `20|ok, bueno saberlo`,
        ),
      ),
      A(
        'Gracias. Las reglas de cancelación dependen de la aerolínea; un reembolso vuelve a la tarjeta en 7 a 10 días hábiles.',
      ),
    );
  if (r.chance(0.25))
    s.push(
      C(`¿cobran comisión por compras en el extranjero, el ${k.percent()}?`),
      A('Tu tarjeta no tiene comisiones por transacciones en el extranjero.'),
    );
  return s;
}

export const ES_BILLING = {
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
