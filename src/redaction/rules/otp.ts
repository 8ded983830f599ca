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
  { phrase: 'otp', reason: 'one-time password' },
  { phrase: 'one time code', reason: 'wording of most bank SMS' },
  { phrase: 'one time passcode', reason: 'wording of bank SMS' },
  { phrase: 'one time password', reason: 'wording of bank SMS' },
  { phrase: 'one time pin', reason: 'wording of bank SMS' },
  { phrase: 'one time verification code', reason: 'Amex SafeKey SMS' },
  { phrase: 'onetime code', reason: 'spelling variant' },
  { phrase: 'verification code', reason: 'most common 2FA wording' },
  { phrase: 'verification', reason: '"Verification: 482917"' },
  { phrase: 'verify code', reason: 'app wording' },
  { phrase: 'authentication code', reason: '2FA wording' },
  { phrase: 'auth code', reason: '2FA wording (login context)' },
  { phrase: 'login code', reason: '2FA wording' },
  { phrase: 'log in code', reason: '2FA wording' },
  { phrase: 'sign in code', reason: '2FA wording' },
  { phrase: 'access code', reason: '2FA wording' },
  { phrase: '2fa', reason: 'two-factor code' },
  { phrase: 'mfa', reason: 'multi-factor code' },
  { phrase: 'safekey', reason: 'American Express SafeKey one-time code' },
  { phrase: 'sms code', reason: 'code received by text' },
  { phrase: 'text code', reason: 'code received by text' },
  { phrase: 'texted me', reason: '"they texted me 482917"' },
  { phrase: 'code', reason: 'generic: "the code is 482917", "code: 482917"' },
  { phrase: 'token', reason: 'hardware/soft token code' },
  { phrase: 'código', reason: 'ES: generic code' },
  { phrase: 'código de verificación', reason: 'ES: verification code' },
  { phrase: 'código de acceso', reason: 'ES: access code' },
  { phrase: 'código de un solo uso', reason: 'ES: one-time code' },
  { phrase: 'código temporal', reason: 'ES: temporary code' },
  { phrase: 'clave dinámica', reason: 'ES (LatAm banks): dynamic key = OTP' },
  { phrase: 'clave temporal', reason: 'ES: temporary key' },
  { phrase: 'contraseña de un solo uso', reason: 'ES: one-time password' },
];

export const PIN_CUES: readonly CueRule[] = [
  { phrase: 'pin', reason: 'card or account PIN (PCI sensitive authentication data)' },
  { phrase: 'pin number', reason: 'same' },
  { phrase: 'pin code', reason: 'same' },
  { phrase: 'nip', reason: 'ES (MX): número de identificación personal' },
  { phrase: 'número de identificación personal', reason: 'ES: PIN spelled out' },
];

/**
 * Words that name a secret that may be digits (→ otp, "[code removed]") or a word
 * (→ password, when a link word or colon introduces it).
 */
export const PASSCODE_CUES: readonly CueRule[] = [
  { phrase: 'passcode', reason: 'numeric or alphanumeric login secret' },
  { phrase: 'pass code', reason: 'spelling variant' },
  { phrase: 'clave', reason: 'ES: used for PINs and passwords alike' },
  { phrase: 'clave secreta', reason: 'ES: secret key' },
  { phrase: 'clave de acceso', reason: 'ES: access key' },
  { phrase: 'clave personal', reason: 'ES: personal key' },
];
