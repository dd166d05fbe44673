// What the server says in codes (shared/protocol/notices.ts), in the page's language.
import { isNotice, unsavedRounds } from "../../shared/protocol/index.js";
import { has, language, num, t, type Key } from "./index.js";

/** A room's `message`: a notice of the server's in words; a host's own text as they wrote it. */
export function messageText(message: string): string {
  const key = `notices.${message.slice(1)}`;
  return isNotice(message) && has(key) ? t(key as Key) : message;
}

/** The console's line for rounds the store has not taken yet ("" when none wait). */
export function unsavedText(field: string): string {
  const rounds = unsavedRounds(field);
  if (rounds.length === 0) return "";
  const list = new Intl.ListFormat(language(), { type: "conjunction" }).format(rounds.map((r) => num(r)));
  return t("host.unsaved", { count: rounds.length, rounds: list });
}
