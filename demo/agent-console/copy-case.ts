/**
 * Copying a case number to the clipboard, or, where the page may not write to it, selecting the
 * number so the agent can copy it themselves. Says which happened.
 */
export async function copyCaseNumber(caseNumber: string, shown: Element | null): Promise<string> {
  try {
    await navigator.clipboard.writeText(caseNumber);
    return 'Copied.';
  } catch {
    const selection = getSelection();
    if (shown && selection) selection.selectAllChildren(shown);
    return 'Could not copy: the number is selected, press Control+C (or Command+C) to copy it.';
  }
}
