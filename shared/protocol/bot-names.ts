// The name a bot's seat gets: "Bot 2 (idle)", in English, because it is data (logs, exports,
// stored rounds and debriefs keep it). Screens show it in their own language: a client that finds
// this shape on a seat the rules mark as a bot reads the number and the kind back out of it, so a
// person who types such a name is still shown as typed.
import { BOT_KINDS, type BotKind } from "../state.js";

export function botName(seat: number, kind: BotKind): string {
  return `Bot ${seat + 1} (${kind})`;
}

const SHAPE = /^Bot (\d+) \(([a-z]+)\)$/;

/** The number (from 1) and kind in a name botName wrote, or null for any other name. */
export function readBotName(name: string): { n: number; kind: BotKind } | null {
  const m = SHAPE.exec(name);
  const kind = BOT_KINDS.find((k) => k === m?.[2]);
  return m && kind ? { n: Number(m[1]), kind } : null;
}
