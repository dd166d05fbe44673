// A hosted room may fix the language of its projector and consoles (the host picks it in the
// console), whatever each browser says; players keep their own. Pages are drawn once in one
// language, so a change reloads the page (a reload keeps the projector's place and the host's
// room); the room's pick is kept for this tab and this room so the reload draws in it at once.
import { detectLanguage, isLanguage, type Language, language } from "./index.js";

const key = (code: string) => `smolder.roomLanguage.${code}`;

/** The language room `code` fixed when this tab last saw it, if any. */
export function roomLanguage(code: string | null | undefined): Language | undefined {
  if (!code) return undefined;
  const kept = sessionStorage.getItem(key(code));
  return isLanguage(kept) ? kept : undefined;
}

/** Follows what room `code` says now ("" for each browser's own): redraws the page if that changes its language. */
export function followRoomLanguage(code: string, said: string): void {
  const wanted = isLanguage(said) ? said : undefined;
  if (wanted === roomLanguage(code)) return;
  if (wanted) sessionStorage.setItem(key(code), wanted);
  else sessionStorage.removeItem(key(code));
  if ((wanted ?? detectLanguage()) !== language()) location.reload();
}
