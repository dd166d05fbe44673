// The server sends an error code and its own English text; the words shown are the catalogue's
// for that code, and the server's text only for a code this client does not know yet.
import { has, t, type Key } from "./index.js";

export function errorText(e: { code?: string; message: string }): string {
  const key = `errors.${e.code ?? ""}`;
  return e.code && has(key) ? t(key as Key) : e.message;
}
