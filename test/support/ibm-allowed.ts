// The IBM Equal Access findings we keep, and why. Each entry names the rule, the pages and states
// it may be seen in and the element (a selector it matches); its `why` is also a row of the table
// "IBM Equal Access findings we keep, and why" in docs/accessibility.md (a test checks that).
// Where the reason can be checked on the element, `verify` checks it (a visible label, a focus
// outline, nothing painted over it), so an entry cannot hide a new defect of the same rule.
// A finding no entry explains fails the test; an entry no finding needs any more fails it too.

/** Where a finding was seen. */
export interface IbmContext {
  /** `gallery`: demo/states.html (en, es); `agent-console`: demo/agent.html. */
  page: 'gallery' | 'agent-console';
  /** A state of the gallery (`connecting`…) or of the console (`signed-out`…). */
  state: string;
  theme: 'light' | 'dark';
}

export interface IbmAllowed {
  rule: string;
  /** The engine's reason code, when only one of the rule's reasons is kept. */
  reason?: string;
  pages: readonly IbmContext['page'][];
  states: '*' | readonly string[];
  /** Only in these themes (default: any). */
  themes?: readonly IbmContext['theme'][];
  /** A selector the flagged element matches. */
  where: string;
  /** One line: why we keep it. Also in docs/accessibility.md. */
  why: string;
  /** Checks the reason on the flagged element: resolves with what is wrong, or '' when it holds. */
  verify?: (element: Element) => string | Promise<string>;
}

function view(element: Element): Window {
  return element.ownerDocument.defaultView!;
}

/** A `<label>` of the control that people can see: on screen, with text, not clipped to 1 px. */
function hasVisibleLabel(element: Element): string {
  const labels = [...((element as HTMLTextAreaElement | HTMLSelectElement).labels ?? [])];
  const visible = labels.some((label) => {
    const box = label.getBoundingClientRect();
    const style = view(label).getComputedStyle(label);
    return (
      box.width > 1 && box.height > 1 && style.visibility === 'visible' && label.textContent.trim() !== ''
    );
  });
  return visible ? '' : 'it has no visible <label>';
}

/** Behind an open modal dialog: inert, so it can take no focus and nothing needs to show it. */
function inertBehindModal(element: Element): boolean {
  const modal = element.ownerDocument.querySelector('dialog:modal');
  return modal !== null && !modal.contains(element);
}

/**
 * Focused, it matches `:focus-visible` and draws an outline of at least 2 px (behind an open modal
 * dialog it cannot take focus: the states without the dialog check it).
 */
function showsFocusOutline(element: Element): string {
  if (inertBehindModal(element)) return '';
  const control = element as HTMLElement;
  control.focus({ preventScroll: true });
  const style = view(control).getComputedStyle(control);
  const problem =
    control.ownerDocument.activeElement !== control
      ? 'it does not take focus'
      : !control.matches(':focus-visible')
        ? 'it does not match :focus-visible when focused'
        : style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2
          ? `its focus outline is ${style.outlineWidth} ${style.outlineStyle}`
          : '';
  control.blur();
  return problem;
}

/**
 * Nothing covers it: behind an open modal dialog it is inert (it cannot take focus); otherwise,
 * scrolled into view, the point at its centre is the element itself or inside it.
 */
function isUnobscured(element: Element): string {
  if (inertBehindModal(element)) return '';
  const doc = element.ownerDocument;
  element.scrollIntoView({ block: 'center', behavior: 'instant' });
  const box = element.getBoundingClientRect();
  const top = doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return top && (top === element || element.contains(top)) ? '' : `${top?.localName ?? 'nothing'} is on top`;
}

/**
 * A checkbox whose name's other checkboxes in its own tree (its widget's shadow root) and form all
 * sit in its fieldset: the same name elsewhere on the page belongs to another widget.
 */
function groupedInItsForm(element: Element): string {
  const box = element as HTMLInputElement;
  const fieldset = box.closest('fieldset');
  const root = box.getRootNode() as Document | ShadowRoot;
  const named = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter(
    (other) => other.name === box.name && other.form === box.form,
  );
  return fieldset && named.length > 1 && named.every((other) => other.closest('fieldset') === fieldset)
    ? ''
    : 'a checkbox of its name in its own form is outside its fieldset';
}

export const IBM_ALLOWED: readonly IbmAllowed[] = [
  {
    rule: 'input_label_visible',
    reason: 'potential_no_label',
    pages: ['gallery'],
    states: '*',
    where: 'button[part="close-button"]',
    why: 'The ✕ button is an icon button named "Close chat": the drawn ✕ is its visible label (WCAG 3.3.2 accepts a well-known icon; 2.5.3 is about text labels).',
    verify: (element) =>
      element.getAttribute('aria-label')?.trim() &&
      parseFloat(view(element).getComputedStyle(element, '::before').width) > 0
        ? ''
        : 'it has no name or no drawn ✕',
  },
  {
    rule: 'input_label_visible',
    pages: ['gallery', 'agent-console'],
    states: '*',
    where: 'textarea, select',
    why: 'Each message box and list has a visible `<label for>` (e.g. "Type your message"); the engine takes a `<label>` as visible only for `<input>` and `<button>`, not `<textarea>` or `<select>`.',
    verify: hasVisibleLabel,
  },
  {
    rule: 'text_quoted_correctly',
    pages: ['gallery', 'agent-console'],
    states: '*',
    where: '[part="bubble"], .ac-msg__text',
    why: "A message is the sender's own words, always shown as plain text (never markup); quotation marks in it are their punctuation, not a quotation we could mark up.",
  },
  {
    rule: 'text_contrast_sufficient',
    reason: 'potential_same_color',
    pages: ['gallery'],
    states: ['sensitive'],
    where: '.backdrop mark',
    why: 'The sensitive-data highlight behind the message box has transparent text on purpose (the box draws the typed text over it; the backdrop is `aria-hidden`); visual.test.ts checks the text people see.',
    verify: (element) =>
      element.closest('.backdrop')?.getAttribute('aria-hidden') === 'true' &&
      view(element).getComputedStyle(element).color === 'rgba(0, 0, 0, 0)'
        ? ''
        : 'the highlight is not a transparent, aria-hidden copy',
  },
  {
    rule: 'element_tabbable_role_valid',
    reason: 'fail_invalid_role',
    pages: ['gallery'],
    states: '*',
    where: '#transcript[role="log"][tabindex="0"]',
    why: 'The transcript (`role="log"`) is a tab stop in every state, so the tab order never changes and keyboard users can scroll it and move between messages; the engine accepts a focusable log only once it overflows, which a state with few messages does or not by a few pixels of layout.',
  },
  {
    rule: 'style_focus_visible',
    reason: 'potential_focus_not_visible',
    pages: ['agent-console'],
    states: '*',
    where: 'button, input, select, textarea, [tabindex]',
    why: "The engine cannot tell from the console's CSS whether focus shows; the test focuses each flagged control and checks it matches `:focus-visible` with an outline of at least 2 px.",
    verify: showsFocusOutline,
  },
  {
    rule: 'element_tabbable_unobscured',
    reason: 'potential_obscured',
    pages: ['agent-console'],
    states: ['conversation', 'end-dialog', 'ended'],
    where: 'button, select, textarea',
    why: 'The engine ignores clipping and inertness: it counts the scrolled-away part of the transcript, or the open modal dialog over an inert control, as covering it; the test checks nothing is on top of it.',
    verify: isUnobscured,
  },
  {
    rule: 'input_checkboxes_grouped',
    reason: 'fail_notsamegroup',
    pages: ['gallery'],
    states: ['accommodations', 'accommodations-warning', 'accommodations-refused'],
    where: '#needs-form fieldset input[type="checkbox"][name="need"]',
    why: "Checkbox names group only within one form; the engine pools them over the page, shadow roots too, and the gallery shows three needs forms. The test checks the name's other boxes in its form share its fieldset.",
    verify: groupedInItsForm,
  },
];
