/**
 * Passwords. The value is the whitespace-delimited token after the cue, or a quoted string.
 * "password is X", "pwd: X", "contraseña es X", "password = X" always redact X, unless X is
 * one of the words people use to TALK about a password ("my password is wrong/not working").
 * Without a link word or colon, X is redacted only when it looks like a secret (letters mixed
 * with digits or symbols, or mixed case) so "password reset" and "forgot password" pass.
 */
export const PASSWORD_CUES: readonly string[] = [
  'password', // the word itself
  'passwd', // Unix spelling
  'pwd', // abbreviation
  'pw', // abbreviation ("user jdoe pw X")
  'pass word', // split spelling
  'passphrase', // long password
  'pass phrase', // split spelling
  'login password', // online-account password
  'online password', // online-account password
  'pword', // short form
  'p word', // short form
  'pswd', // short form
  'psswd', // short form
  'passw', // short form
  'p/w', // short form
  'temporary password', // the one the bank gave ("the temporary password you gave me was X")
  'temp password', // same, short
  'temp pw', // same, shorter
  'temp pass', // same
  'new password', // "new password: X"
  'old password', // "old password: X"
  'contraseña', // ES: password
  'contraseña temporal', // ES: temporary password
  'contraseña provisional', // ES: temporary password
  'contraseña nueva', // ES: new password
  'nueva contraseña', // ES: new password
];

/**
 * Cues whose word alone is common English: their value is taken after ':' or '=' ("pass: X"),
 * or when it looks like a secret ("pass Tr0ub4dor&3x!", "login Tr0ub4dor&3x! please"); link
 * words do not link them ("login is down").
 */
export const PASSWORD_STRICT_CUES: readonly string[] = [
  'pass', // "pass: X" in pasted credentials, "pass X"
];

/**
 * "login X": people type their password after the word, but also their user name ("login:
 * jdoe"), so the value must look like a secret even after ':'.
 */
export const LOGIN_CUES: readonly string[] = [
  'login', // "login Tr0ub4dor&3x! please"
  'log in', // same
  'logon', // same
];

/**
 * Words that make a phrase a description, not a passphrase: "my password is too short for the
 * site", "expired last week". A passphrase is three or more words after a link word with none of
 * these ("my password is correct horse battery staple").
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'the a an my your his her our their it its i you we they me is was are were be been' +
    ' being am not no to for on in at of by with from and or but so because that this these' +
    ' those have has had do does did can could will would should must too very still again' +
    ' already anymore please since when after before yesterday today now last week month ago' +
    ' day days time el la los las un una mi tu su es era no de del en con por para y o pero' +
    ' que muy ya ayer hoy semana desde'
  ).split(' '),
);

/** Words that introduce the value ("is", ":" is handled as punctuation). */
export const PASSWORD_LINKS: ReadonlySet<string> = new Set([
  'is',
  'was',
  'es',
  'era',
  'now',
  'ahora',
  'to',
  'a',
  'be',
  'would',
  'will',
  'sera',
  'set',
  'changed',
  'cambie',
  'cambiada',
  'became',
  'como',
]);

/**
 * Words that describe a password rather than being one. "my password is wrong" passes;
 * a password that IS one of these words is a known miss (see docs, known limits).
 */
export const NOT_A_SECRET: ReadonlySet<string> = new Set([
  // EN
  'wrong',
  'incorrect',
  'correct',
  'right',
  'not',
  'invalid',
  'expired',
  'locked',
  'blocked',
  'too',
  'still',
  'the',
  'a',
  'an',
  'my',
  'your',
  'same',
  'different',
  'required',
  'missing',
  'empty',
  'blank',
  'being',
  'been',
  'no',
  'new',
  'old',
  'weak',
  'strong',
  'long',
  'short',
  'saved',
  'stored',
  'changed',
  'reset',
  'forgotten',
  'forgot',
  'on',
  'in',
  'at',
  'for',
  'with',
  'what',
  'that',
  'this',
  'it',
  'ok',
  'okay',
  'fine',
  'working',
  'broken',
  'case',
  'hidden',
  'and',
  'or',
  'if',
  'but',
  'so',
  'because',
  'requires',
  'needs',
  'should',
  'must',
  'has',
  'have',
  'had',
  'contains',
  'sent',
  'set',
  'updated',
  'which',
  'also',
  'valid',
  'accepted',
  'rejected',
  'never',
  'always',
  'doesn',
  'isn',
  'wasn',
  'won',
  'didn',
  'don',
  'can',
  'cannot',
  "can't",
  'expiring',
  'about',
  'like',
  'from',
  'of',
  'to',
  'by',
  'showing',
  'asterisks',
  'there',
  'here',
  'mine',
  'yours',
  'unknown',
  'secret',
  'private',
  'personal',
  'temporary',
  'something',
  'nothing',
  'easy',
  'hard',
  'simple',
  'complicated',
  'complex',
  'safe',
  'secure',
  'compromised',
  'stolen',
  'leaked',
  'hacked',
  'please',
  'help',
  'again',
  'issue',
  'problem',
  'error',
  'field',
  'box',
  'screen',
  'page',
  'link',
  'email',
  'e',
  // ES
  'mal',
  'incorrecta',
  'incorrecto',
  'correcta',
  'correcto',
  'muy',
  'la',
  'el',
  'mi',
  'tu',
  'su',
  'bloqueada',
  'bloqueado',
  'vencida',
  'expirada',
  'caducada',
  'nueva',
  'vieja',
  'olvidada',
  'que',
  'lo',
  'y',
  'o',
  'pero',
  'porque',
  'de',
  'del',
  'un',
  'una',
  'enviada',
  'actualizada',
  'cual',
  'nunca',
  'siempre',
  'no',
  'valida',
  'invalida',
  'diferente',
  'misma',
  'igual',
  'segura',
  'temporal',
  'ayuda',
  'otra',
  'vez',
]);
