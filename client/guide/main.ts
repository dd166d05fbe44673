// The facilitator's guide (/guide): the plan for a one-hour session, what to watch while people
// play, and the debrief's questions, in the person's language (the browser's, or their pick, with
// the same switch as the other pages). Plain DOM; guide.css makes it print on a couple of pages.
import { initI18n, type Key, t } from "../i18n/index.js";
import { rich } from "../i18n/rich.js";
import { h } from "../ui/dom.js";
import { byId } from "../ui/lookup.js";
import { languagePicker } from "../ui/settings.js";

await initI18n();
document.title = t("guide.pageTitle");

/** The console's own button labels, so the guide names each exactly as the console shows it. */
function labels(): Record<string, string> {
  return {
    hostRoom: t("title.hostRoom"),
    hostWorkshop: t("title.hostWorkshop"),
    openProjector: t("host.openProjector").replace(/\s*↗$/, ""),
    debrief: t("tables.debrief"),
    show: t("bench.show"),
    nextRound: t("controls.nextRound"),
    board: t("options.board"),
    boardValue: t("options.boardValue"),
    pause: t("controls.pause"),
  };
}

const say = (key: Key, opts: { href?: string } = {}) => rich(t(key, labels()), opts);

/** The hour, minute by minute: the minutes are the same in every language. */
const HOUR = [
  ["0–8", "introduce"],
  ["8–18", "roundOne"],
  ["18–38", "debrief"],
  ["38–48", "roundTwo"],
  ["48–60", "close"],
] as const;

const QUESTIONS = ["value", "fires", "tipping", "effort", "praised", "whatIf"] as const;

function header(): HTMLElement {
  const print = h("a", { href: "#", onclick: (e: Event) => (e.preventDefault(), window.print()) }, t("guide.print"));
  return h(
    "header",
    {},
    h("p", { class: "kicker" }, t("guide.kicker")),
    h("h1", {}, t("guide.title")),
    h("p", { class: "lede" }, t("guide.lede")),
    h(
      "nav",
      { class: "no-print" },
      h("span", {}, h("a", { href: "/host" }, t("guide.back")), " · ", print),
      h("span", { class: "settings-row" }, languagePicker()),
    ),
  );
}

const list = (...items: (Node | string)[][]) => h("ul", {}, ...items.map((item) => h("li", {}, ...item)));

function sections(): HTMLElement[] {
  return [
    h(
      "section",
      {},
      h("h2", {}, t("guide.before.title")),
      list(say("guide.before.open", { href: "/host" }), say("guide.before.projector"), say("guide.before.wifi"), say("guide.before.scenario")),
    ),
    h(
      "section",
      {},
      h("h2", {}, t("guide.hour.title")),
      h(
        "table",
        { class: "plan" },
        h("thead", {}, h("tr", {}, h("th", {}, t("guide.hour.minutes")), h("th", {}, t("guide.hour.step")), h("th", {}, t("guide.hour.what")))),
        h(
          "tbody",
          {},
          ...HOUR.map(([minutes, step]) =>
            h("tr", {}, h("td", {}, minutes), h("td", {}, t(`guide.hour.${step}.step`)), h("td", {}, ...say(`guide.hour.${step}.what`))),
          ),
        ),
      ),
    ),
    h(
      "section",
      {},
      h("h2", {}, t("guide.watch.title")),
      list(say("guide.watch.split"), say("guide.watch.risk"), say("guide.watch.tips"), say("guide.watch.applause"), say("guide.watch.pause")),
    ),
    h(
      "section",
      { class: "page-break" },
      h("h2", {}, t("guide.questions.title")),
      h(
        "dl",
        { class: "questions" },
        ...QUESTIONS.flatMap((q) => [h("dt", {}, t(`guide.questions.${q}.title`)), h("dd", {}, ...say(`guide.questions.${q}.text`))]),
      ),
    ),
    h(
      "section",
      {},
      h("h2", {}, t("guide.closing.title")),
      list([t("guide.closing.fires")], [t("guide.closing.who")], [t("guide.closing.stop")]),
      h("p", { class: "credit" }, ...say("guide.closing.credit")),
    ),
  ];
}

byId("guide", HTMLElement).replaceChildren(header(), ...sections());
