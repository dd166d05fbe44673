// The workshop host's commands to the workshop room, checked with zod before the room looks
// at who sent them (unknown commands and extra fields refused).
import { z } from "zod";
import { HOST_MESSAGE_MAX_LENGTH, TEAM_NAME_MAX_LENGTH, TEAM_SIZE_MAX, TEAM_SIZE_MIN } from "../../shared/protocol/index.js";

const teamId = z.string().min(1).max(16);

export const workshopCommandSchema = z.discriminatedUnion("command", [
  /** Everyone into balanced teams of about `size` (replaces the current teams; before opening only). */
  z.object({ command: z.literal("form"), size: z.number().int().min(TEAM_SIZE_MIN).max(TEAM_SIZE_MAX) }).strict(),
  /** One person into another team (before opening only). */
  z.object({ command: z.literal("move"), key: z.string().min(1).max(64), team: teamId }).strict(),
  z.object({ command: z.literal("rename"), team: teamId, name: z.string().min(1).max(TEAM_NAME_MAX_LENGTH) }).strict(),
  z.object({ command: z.literal("addTeam") }).strict(),
  /** An empty team only. */
  z.object({ command: z.literal("removeTeam"), team: teamId }).strict(),
  /** Opens one hosted room per team and sends everyone to theirs; later arrivals go straight to a team. */
  z.object({ command: z.literal("open") }).strict(),
  z.object({ command: z.literal("lock") }).strict(),
  z.object({ command: z.literal("unlock") }).strict(),
  z.object({ command: z.literal("message"), text: z.string().max(HOST_MESSAGE_MAX_LENGTH) }).strict(),
]);
export type WorkshopCommand = z.infer<typeof workshopCommandSchema>;
