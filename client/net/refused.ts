// An HTTP API answer that was not ok, as an error a page can catch and put into words
// (client/i18n/refusals.ts): the server's refusal read from the body, with its code when it sent one.
import { readApiRefusal, type Refusal } from "../../shared/protocol/index.js";

export class Refused extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly status: number,
  ) {
    super(refusal.text || `HTTP ${status}`);
    this.name = "Refused";
  }
}

/** The refusal in a not-ok answer; a body that is not JSON, or has no code, keeps only the server's text. */
export async function refusedBy(res: Response): Promise<Refused> {
  const body = (await res.json().catch(() => null)) as unknown;
  const error = (body as { error?: unknown } | null)?.error;
  return new Refused(readApiRefusal(body) ?? { code: "", params: {}, text: typeof error === "string" ? error : "" }, res.status);
}
