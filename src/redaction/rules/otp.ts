/**
 * One-time passcodes and PINs. A bare 3–8-digit number is indistinguishable from a ZIP,
 * an order number or the last four, so these are caught ONLY by a cue (or by the agent's
 * question, see agent context). A cue claims the first number after it (≤ 6 words, same
 * sentence) or a number right before it ("482917 is your code"). Values: 3–8 digits (after
 * "code" three digits are the card's code or a short one-time code, never benign), also
 * grouped ("482 917") or spaced ("4 8 2 9 1 7"), or a short letters+digits code ("X7K9P2",
 * "G-482917"). Phrases such as "zip code", "promo code" or "error code" are benign cues
 * (rules/benign.ts) and win because the longest phrase starting earliest is taken.
 */
export const OTP_DIGITS = { min: 3, max: 8 } as const;
export const PIN_DIGITS = { min: 3, max: 8 } as const;

export const OTP_CUES: readonly string[] = [
  'otp', // one-time password
  'one time code', // wording of most bank SMS
  'one time passcode', // wording of bank SMS
  'one time password', // wording of bank SMS
  'one time pin', // wording of bank SMS
  'one time verification code', // Amex SafeKey SMS
  'onetime code', // spelling variant
  'verification code', // most common 2FA wording
  'verification', // "Verification: 482917"
  'verify code', // app wording
  'authentication code', // 2FA wording
  'auth code', // 2FA wording (login context)
  'login code', // 2FA wording
  'log in code', // 2FA wording
  'sign in code', // 2FA wording
  'access code', // 2FA wording
  '2fa', // two-factor code
  'mfa', // multi-factor code
  'safekey', // American Express SafeKey one-time code
  'sms code', // code received by text
  'text code', // code received by text
  'texted me', // "they texted me 482917"
  'text message said', // "the text message said 482917"
  'text said', // same
  'the sms said', // same
  'el mensaje decía', // ES: the message said
  'el sms decía', // ES: same
  'code', // generic: "the code is 482917", "code: 482917"
  'token', // hardware/soft token code
  'código', // ES: generic code
  'código de verificación', // ES: verification code
  'código de acceso', // ES: access code
  'código de un solo uso', // ES: one-time code
  'código temporal', // ES: temporary code
  'clave dinámica', // ES (LatAm banks): dynamic key = OTP
  'clave temporal', // ES: temporary key
  'contraseña de un solo uso', // ES: one-time password
];

export const PIN_CUES: readonly string[] = [
  'pin', // card or account PIN (PCI sensitive authentication data)
  'pin number', // same
  'pin code', // same
  'nip', // ES (MX): número de identificación personal
  'número de identificación personal', // ES: PIN spelled out
];

/**
 * Words that name a secret that may be digits (→ otp, "[code removed]") or a word
 * (→ password, when a link word or colon introduces it).
 */
export const PASSCODE_CUES: readonly string[] = [
  'passcode', // numeric or alphanumeric login secret
  'pass code', // spelling variant
  'clave', // ES: used for PINs and passwords alike
  'clave secreta', // ES: secret key
  'clave de acceso', // ES: access key
  'clave personal', // ES: personal key
];
