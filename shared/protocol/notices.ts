// What the server tells people without choosing their words: a code, or the bare figures, that
// each client puts into its own language (client/i18n), so no English reaches a German screen.

/** Notices the server itself puts in a room's `message`, which otherwise holds the host's own text.
 *  A client shows the words for a code it knows and anything else as it came (a host's text is
 *  never translated; a host who types a code exactly gets that notice, which is harmless). */
export const NOTICES = {
  /** A round being played came back after a restart, paused until the host resumes it. */
  restarted: "@server-restarted",
  /** A hosted room came back after a restart, but its round could not (the reason is logged). */
  roundNotRestored: "@round-not-restored",
  /** A workshop came back after a restart, but its teams could not (the reason is logged). */
  workshopNotRestored: "@workshop-not-restored",
} as const;

export type Notice = (typeof NOTICES)[keyof typeof NOTICES];

const KNOWN = new Set<string>(Object.values(NOTICES));

export const isNotice = (message: string): message is Notice => KNOWN.has(message);

/** The hosted state's `unsaved`: the rounds the store has not taken yet, in order, as "2,3";
 *  "" when every finished round is stored. */
export const unsavedField = (rounds: readonly number[]): string => rounds.join(",");

export function unsavedRounds(field: string): number[] {
  return field
    .split(",")
    .filter((s) => s.trim() !== "")
    .map(Number)
    .filter(Number.isInteger);
}
