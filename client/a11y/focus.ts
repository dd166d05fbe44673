// Keyboard focus where the consoles change under it. A button disabled by the action it sent, a
// section hidden or rebuilt by a new state, a page replaced by the next: the browser drops focus
// to the top of the document, and a keyboard or screen-reader user starts over from there. These
// put it back on the control (or heading) that comes next.

const CONTROLS = "button, select, input, textarea, a[href], [tabindex]:not([tabindex='-1'])";

/** Whether `el` can hold focus now: in the page, enabled and shown. */
export function usable(el: Element | null | undefined): el is HTMLElement {
  return (
    el instanceof HTMLElement &&
    el.isConnected &&
    !(el as HTMLButtonElement).disabled &&
    el.closest("[hidden], [inert]") === null &&
    el.getClientRects().length > 0
  );
}

/** Whether focus is nowhere in particular (the page's body), or on something no longer usable. */
export function focusLost(): boolean {
  const a = document.activeElement;
  return !a || a === document.body || !usable(a);
}

/** Focuses `el` if focus was lost; a heading gets tabindex=-1 so it can take focus without a Tab stop. */
export function catchFocus(el: HTMLElement | null | undefined): void {
  if (!el || !focusLost()) return;
  if (!el.matches(CONTROLS)) el.tabIndex = -1;
  el.focus({ preventScroll: false });
}

/**
 * Keeps focus in a panel whose controls are disabled, hidden or rebuilt as the room's state
 * changes: when the control last focused in it is gone and focus with it, `next` names where it
 * goes (given the lost control), else the panel's first usable control. Call `settle` after each render.
 */
export class FocusKeeper {
  private last: HTMLElement | null = null;

  constructor(
    private readonly panel: HTMLElement,
    private readonly next: (gone: HTMLElement) => Element | null | undefined = () => null,
  ) {
    panel.addEventListener("focusin", (e) => (this.last = e.target instanceof HTMLElement ? e.target : null));
  }

  settle(): void {
    const gone = this.last;
    if (!gone || usable(gone) || !focusLost()) return;
    const target = [this.next(gone), ...this.panel.querySelectorAll(CONTROLS)].find(usable);
    if (!target) return;
    this.last = target;
    target.focus();
  }
}
