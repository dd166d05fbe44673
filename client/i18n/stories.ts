// The results' sentences in the page's language. Which player earned what is the rules' call
// (shared/story.ts and shared/credit.ts decide it, the same on every screen); only the words
// are chosen here.
import type { headlines } from "../../shared/index.js";
import type { PlayerSummary } from "../../shared/summary.js";
import { formatValue } from "../ui/dom.js";
import { t } from "./index.js";
import { shownName } from "./player-names.js";

type StoryPlayer = Pick<PlayerSummary, "seat" | "praise" | "saves" | "firesCaused" | "indirect" | "net" | "effort">;

function source(p: StoryPlayer): string {
  const fixes = p.saves > 0;
  const dust = (p.effort.sprint ?? 0) > 0;
  return t(fixes && dust ? "story.fixesAndDust" : fixes ? "story.fixes" : dust ? "story.dust" : "story.risk");
}

/** The player's story (see shared/story.ts storyOf), or null without a seat. */
export function myStory(players: readonly StoryPlayer[], seat: number | null | undefined): string | null {
  const p = players.find((x) => x.seat === seat);
  if (!p) return null;
  const out = [p.praise > 0 ? t("story.praise", { count: p.praise }) : t("story.noPraise")];
  const cost = formatValue(p.indirect);
  if (p.firesCaused > 0) out.push(t(cost !== "0" ? "story.startedFiresCost" : "story.startedFires", { source: source(p), count: p.firesCaused, cost }));
  else if (p.saves > 0) out.push(t("story.noneStarted"));
  const net = formatValue(Math.abs(p.net));
  if (net !== "0") out.push(p.net > 0 ? t("story.added", { value: net }) : t("story.cost", { value: net }));
  return out.join(" ");
}

/** The headline (see shared/credit.ts headlineSentence) in words. */
export function headlineText(hl: ReturnType<typeof headlines>): string | null {
  const { praised, good } = hl;
  const least = hl.goodKind !== "most good";
  const name = shownName;
  if (praised && good && praised === good) return t(least ? "story.mostBothLeast" : "story.mostBoth", { praised: name(praised) });
  if (praised && good) return t(least ? "story.mostSplitLeast" : "story.mostSplit", { praised: name(praised), good: name(good) });
  if (praised) return t("story.praisedOnly", { praised: name(praised) });
  if (good) return t(least ? "story.goodOnlyLeast" : "story.goodOnly", { good: name(good) });
  return null;
}
