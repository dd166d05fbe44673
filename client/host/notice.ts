// What a facilitator's page says about its connection, in one set of words for the host
// console, the workshop console and the team cards. The policy itself is net/connection.ts;
// this only turns its status into a line and, where a person can do something, a button.
import type { StatusReport } from "../net/connection.js";

export interface Notice {
  /** "" when there is nothing to say (connected, or left on purpose). */
  text: string;
  /** The button's label, when pressing it helps (it retries the connection). */
  action?: string;
}

/** `what` names the thing held: "room ABC123", "workshop ABC123", "this team's room". */
export function connectionNotice(report: StatusReport, what: string): Notice {
  switch (report.status) {
    case "connected":
    case "left":
      return { text: "" };
    case "reconnecting":
      return { text: `Connection lost. Reconnecting${report.attempt > 1 ? ` (attempt ${report.attempt})` : ""}…` };
    case "lost":
      return { text: `Could not reach the server again after ${report.attempt} attempts.`, action: "Try again" };
    case "gone":
      return { text: `${capitalise(what)} has closed.` };
    case "kicked":
      return { text: "This console was opened in another tab or device.", action: "Take it back here" };
    case "flooded":
      return {
        text: "The server closed this console's connection: it sent far more messages than a person can (a stuck key or a script?).",
        action: "Reconnect",
      };
    case "closed":
      return { text: `The game server running ${what} shut down, so it has closed. Its finished rounds are kept.` };
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
