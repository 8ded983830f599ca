/**
 * Words a customer addressed as "usted" in neutral Latin-American Spanish should never read:
 * the informal "tú" forms (pronouns, possessives, verbs), "vosotros", and Spain's own words.
 * Shared by the widget's catalogue test and the server's texts test.
 */
export const INFORMAL_SPANISH =
  /(^|[^\p{L}])(tú|tu|tus|te|ti|contigo|puedes|quieres|tienes|eres|estás|necesitas|sigues|verás|recibirás|tengas|quieras|puedas|vuelves|quédate|inténtalo|dime|cuéntame|llámanos|escríbenos|pregúntanos|chatea|ayudarte|ayudándote|comunicarte|saliste|vosotros|ordenador|móvil|vale|intro|mayús|añade)(?![\p{L}])/iu;

/**
 * Informal imperatives that are also a third person ("un agente revisa su cuenta", "la tarjeta
 * vuelve a funcionar"): informal only in text that never narrates, such as the widget's labels.
 */
export const INFORMAL_IMPERATIVE = /(^|[^\p{L}])(escribe|elige|revisa|vuelve)(?![\p{L}])/iu;

/** Wording that assumes the customer's gender where a neutral one exists. */
export const GENDERED_SPANISH =
  /(^|[^\p{L}])(comunicarlo|comunicarla|lo comunico|la comunico|lo atenderá|la atenderá)(?![\p{L}])/iu;
