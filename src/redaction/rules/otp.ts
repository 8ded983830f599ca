/**
 * One-time passcodes and PINs. A bare 4–8-digit number is indistinguishable from a ZIP,
 * an order number or the last four, so these are caught ONLY by a cue (or by the agent's
 * question, see agent context). A cue claims the first number after it (≤ 6 words, same
 * sentence) or a number right before it ("482917 is your code"). Values: 4–8 digits, also
 * grouped ("482 917") or spaced ("4 8 2 9 1 7"), or a short letters+digits code ("X7K9P2",
 * "G-482917"). Phrases such as "zip code", "promo code" or "error code" are benign cues
 * (rules/benign.ts) and win because the longest phrase starting earliest is taken.
 */
import type { CueRule } from './cue.js';

export const OTP_DIGITS = { min: 4, max: 8 } as const;
export const PIN_DIGITS = { min: 4, max: 8 } as const;

export const OTP_CUES: readonly CueRule[] = [
  { phrase: 'otp' }, // one-time password
  { phrase: 'one time code' }, // wording of most bank SMS
  { phrase: 'one time passcode' }, // wording of bank SMS
  { phrase: 'one time password' }, // wording of bank SMS
  { phrase: 'one time pin' }, // wording of bank SMS
  { phrase: 'one time verification code' }, // Amex SafeKey SMS
  { phrase: 'onetime code' }, // spelling variant
  { phrase: 'verification code' }, // most common 2FA wording
  { phrase: 'verification' }, // "Verification: 482917"
  { phrase: 'verify code' }, // app wording
  { phrase: 'authentication code' }, // 2FA wording
  { phrase: 'auth code' }, // 2FA wording (login context)
  { phrase: 'login code' }, // 2FA wording
  { phrase: 'log in code' }, // 2FA wording
  { phrase: 'sign in code' }, // 2FA wording
  { phrase: 'access code' }, // 2FA wording
  { phrase: '2fa' }, // two-factor code
  { phrase: 'mfa' }, // multi-factor code
  { phrase: 'safekey' }, // American Express SafeKey one-time code
  { phrase: 'sms code' }, // code received by text
  { phrase: 'text code' }, // code received by text
  { phrase: 'texted me' }, // "they texted me 482917"
  { phrase: 'code' }, // generic: "the code is 482917", "code: 482917"
  { phrase: 'token' }, // hardware/soft token code
  { phrase: 'código' }, // ES: generic code
  { phrase: 'código de verificación' }, // ES: verification code
  { phrase: 'código de acceso' }, // ES: access code
  { phrase: 'código de un solo uso' }, // ES: one-time code
  { phrase: 'código temporal' }, // ES: temporary code
  { phrase: 'clave dinámica' }, // ES (LatAm banks): dynamic key = OTP
  { phrase: 'clave temporal' }, // ES: temporary key
  { phrase: 'contraseña de un solo uso' }, // ES: one-time password
];

export const PIN_CUES: readonly CueRule[] = [
  { phrase: 'pin' }, // card or account PIN (PCI sensitive authentication data)
  { phrase: 'pin number' }, // same
  { phrase: 'pin code' }, // same
  { phrase: 'nip' }, // ES (MX): número de identificación personal
  { phrase: 'número de identificación personal' }, // ES: PIN spelled out
];

/**
 * Words that name a secret that may be digits (→ otp, "[code removed]") or a word
 * (→ password, when a link word or colon introduces it).
 */
export const PASSCODE_CUES: readonly CueRule[] = [
  { phrase: 'passcode' }, // numeric or alphanumeric login secret
  { phrase: 'pass code' }, // spelling variant
  { phrase: 'clave' }, // ES: used for PINs and passwords alike
  { phrase: 'clave secreta' }, // ES: secret key
  { phrase: 'clave de acceso' }, // ES: access key
  { phrase: 'clave personal' }, // ES: personal key
];
