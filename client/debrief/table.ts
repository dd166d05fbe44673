// The per-player table: praise beside direct, indirect and net effect, sortable by any column,
// with your own row highlighted. Sorted by praise first, as the leaderboard was during play;
// a click on "Net" shows who actually did the team the most good.
import type { PlayerSummary } from "../../shared/index.js";
import { language, t } from "../i18n/index.js";
import { namesBot, playerName } from "../i18n/player-names.js";
import { h } from "../ui/dom.js";
import { signed } from "./format.js";

type Key = "name" | "praise" | "direct" | "indirect" | "net" | "saves" | "firesCaused";
// Built when a table is drawn, so the words are in the page's language.
const columns = (): { key: Key; label: string; title: string; value?: boolean }[] => [
  { key: "name", label: t("debrief.player"), title: "" },
  { key: "praise", label: t("debrief.praise"), title: t("debrief.praiseTitle") },
  { key: "direct", label: t("debrief.direct"), title: t("debrief.directTitle"), value: true },
  { key: "indirect", label: t("debrief.indirect"), title: t("debrief.indirectTitle"), value: true },
  { key: "net", label: t("debrief.net"), title: t("debrief.netTitle"), value: true },
  { key: "saves", label: t("debrief.saves"), title: t("debrief.savesTitle") },
  { key: "firesCaused", label: t("debrief.caused"), title: t("debrief.causedTitle") },
];

export function playerTable(players: readonly PlayerSummary[], you: number | null = null): HTMLElement {
  let sortKey: Key = "praise";
  let desc = true;
  const head = h("tr");
  const body = h("tbody");
  const table = h("table", { class: "d-table", "data-testid": "debrief-table" }, h("thead", {}, head), body);
  const COLUMNS = columns();
  const render = () => {
    head.replaceChildren(
      ...COLUMNS.map((c) => {
        const arrow = c.key === sortKey ? (desc ? " ▼" : " ▲") : "";
        const th = h(
          "th",
          {
            class: `col-${c.key}${c.key === "name" ? "" : " num"}`,
            title: c.title,
            "aria-sort": c.key === sortKey ? (desc ? "descending" : "ascending") : "none",
          },
          h("button", { type: "button", class: "d-sort" }, c.label + arrow),
        );
        th.querySelector("button")!.addEventListener("click", () => {
          desc = c.key === sortKey ? !desc : c.key !== "name";
          sortKey = c.key;
          render();
          // The header is drawn again: the pressed button keeps the focus it had.
          head.querySelector<HTMLButtonElement>(`.col-${c.key} button`)?.focus();
        });
        return th;
      }),
    );
    const rows = [...players].sort((a, b) => {
      const x = a[sortKey];
      const y = b[sortKey];
      const cmp = typeof x === "string" ? x.localeCompare(String(y)) : x - (y as number);
      return desc ? -cmp : cmp;
    });
    body.replaceChildren(
      ...rows.map((p) =>
        h(
          "tr",
          { class: [p.seat === you ? "you" : "", p.bot ? "bot" : ""].join(" ").trim(), "data-seat": p.seat },
          ...COLUMNS.map((c) => {
            if (c.key === "name")
              return h(
                "td",
                { class: "col-name" },
                playerName(p),
                p.bot && !namesBot(p) ? h("small", {}, ` ${t("common.bot")}`) : null,
                p.seat === you ? h("small", { class: "you-tag" }, ` ${t("common.you").toLocaleLowerCase(language())}`) : null,
              );
            const v = p[c.key];
            const cls = `col-${c.key} num${c.key === "net" ? (v < 0 ? " neg" : " pos") : ""}`;
            return h("td", { class: cls }, c.value ? signed(c.key === "indirect" ? -v : v) : v);
          }),
        ),
      ),
    );
  };
  render();
  return table;
}
