/**
 * Shape of a context rule. A cue is a phrase that, written near a number, says what the
 * number is. Phrases are matched on folded word keys (case and accents ignored: "Código" =
 * "codigo"), hyphens between words are skipped ("one-time" = "one time"), and digits or
 * symbols inside a phrase match as their own tokens ("2fa", "ss#", "last 4").
 */
export interface CueRule {
  /**
   * The phrase, as a person would type it. Why it is a cue is the comment next to it in its
   * table (a comment rather than a field, so it costs nothing in the widget's bundle).
   */
  phrase: string;
}
