// Reduced motion: the browser's prefers-reduced-motion until the person picks in the game's own
// setting, which is remembered. Camera pans, fire flicker and shaking stop; effects fade in place.
import { STORAGE } from "../constants.js";

type Choice = "reduce" | "full";

const query = typeof window !== "undefined" && window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;

function stored(): Choice | null {
  const v = localStorage.getItem(STORAGE.motion);
  return v === "reduce" || v === "full" ? v : null;
}

/** Whether motion should be calm now; read every time, so a changed setting applies at once. */
export function reducedMotion(): boolean {
  const choice = stored();
  if (choice) return choice === "reduce";
  return query?.matches ?? false;
}

export function setReducedMotion(on: boolean): void {
  localStorage.setItem(STORAGE.motion, on ? "reduce" : "full");
  document.documentElement.classList.toggle("calm", on);
}

/** Marks the page so CSS transitions calm down too; call once at start-up. */
export function applyMotionClass(): void {
  document.documentElement.classList.toggle("calm", reducedMotion());
  query?.addEventListener("change", () => document.documentElement.classList.toggle("calm", reducedMotion()));
}
