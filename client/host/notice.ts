// What a facilitator's page says about its connection, in one set of words for the host
// console, the workshop console and the team cards. The policy itself is net/connection.ts;
// this only turns its status into a line and, where a person can do something, a button.
import { errorText } from "../i18n/errors.js";
import { language, t } from "../i18n/index.js";
import type { StatusReport } from "../net/connection.js";

export interface Notice {
  /** "" when there is nothing to say (connected, or left on purpose). */
  text: string;
  /** The button's label, when pressing it helps (it retries the connection). */
  action?: string;
}

/** A refused command as the console says it: in English the server's own reason (it names what
 *  was wrong), in another language the catalogue's words for its code. */
export function refusal(e: { code?: string; message: string }): string {
  return language() === "en" ? e.message : errorText(e);
}

/** `what` names the thing held: "room ABC123", "workshop ABC123", "this team's room". */
export function connectionNotice(report: StatusReport, what: string): Notice {
  switch (report.status) {
    case "connected":
    case "left":
      return { text: "" };
    case "reconnecting":
      return { text: report.attempt > 1 ? t("notice.reconnectingAttempt", { n: report.attempt }) : t("notice.reconnecting") };
    case "lost":
      return { text: t("notice.lost", { n: report.attempt }), action: t("notice.tryAgain") };
    case "gone":
      return { text: t("notice.gone", { what: capitalise(what) }) };
    case "kicked":
      return { text: t("notice.kicked"), action: t("notice.takeBack") };
    case "flooded":
      return { text: t("notice.flooded"), action: t("notice.reconnect") };
    case "closed":
      return { text: t("notice.closed", { what }) };
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
