// A seat's name as screens show it. People's names are shown as they typed them; a bot's name is
// the server's "Bot 2 (idle)" (shared/protocol/bot-names.ts), shown in the page's language.
import { readBotName } from "../../shared/protocol/index.js";
import { t } from "./index.js";

interface Named {
  name: string;
  /** The bot kind driving the seat; "" or null for a person. */
  bot: string | null;
}

/** The name alone (where a "bot" tag beside it says the rest). */
export function playerName(p: Named): string {
  const bot = p.bot ? readBotName(p.name) : null;
  return bot ? t("common.botName", { n: bot.n, kind: t(`bots.${bot.kind}`) }) : p.name;
}

/** Whether a bot's name already says it is one (the server's names do; a what-if's seats keep
 *  their people's names, and an export's aliases are "Bot 3"). */
export const namesBot = (p: Named): boolean => readBotName(p.name) !== null || /\bbot\b/i.test(p.name);

/** The name as tables and sentences show it: a bot says so, once, in the page's language. */
export function shownName(p: Named): string {
  return p.bot && !namesBot(p) ? t("common.withBot", { name: p.name }) : playerName(p);
}
