// A dialog that is modal for focus: focus moves in, Tab cycles inside it, Escape closes it and
// focus returns where it was. While one is open the game's keys stand still (input/controls.ts
// asks modalOpen()), so no key press acts on both the dialog and the map.
import { layer, removeLayer } from "./dom.js";

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

/** Shows `panel` in layer `id` as a modal dialog; returns the function that closes it. */
export function openModal(id: string, panel: HTMLElement, onClose?: () => void): () => void {
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-modal", "true");
  panel.tabIndex = -1;
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    removeLayer(id);
    onClose?.();
    // Back where the person was; the canvas page has no focusable map, so the body is the fallback.
    if (before?.isConnected) before.focus();
  };
  panel.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      close();
      return;
    }
    if (e.key !== "Tab") return;
    const items = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    if (items.length === 0) return e.preventDefault();
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && (document.activeElement === first || document.activeElement === panel)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  });
  layer(id, panel);
  (panel.querySelector<HTMLElement>("h1, h2") ? panel : (panel.querySelector<HTMLElement>(FOCUSABLE) ?? panel)).focus();
  return close;
}
