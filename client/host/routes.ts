// Which page the host console shows, from its address: the landing page, a room's console, a
// workshop's console, or a stored session's debrief. Each page leads to the others through here,
// and the address always names the room or workshop on screen so a reload comes back to it.
import { catchFocus } from "../a11y/focus.js";
import { tidyCode } from "../net/session.js";
import { t } from "../i18n/index.js";
import { refusalText, roomMissing } from "../i18n/refusals.js";
import { h } from "../ui/dom.js";
import { openConsole } from "./console.js";
import { createRoom, keptRooms } from "./keys.js";
import { landingPage, type Nav } from "./landing.js";
import { showStoredSession } from "./stored-session.js";
import { openWorkshop } from "./workshop.js";

export class Routes implements Nav {
  constructor(private readonly root: HTMLElement) {}

  landing(note = ""): void {
    this.root.replaceChildren(...landingPage(this, note));
    catchFocus(this.root.querySelector("h1"));
  }

  openRoom(code: string): void {
    history.replaceState(null, "", `/host?code=${code}`);
    const kept = keptRooms()[code];
    if (!kept) return this.landing(t("host.noKeyRoom", { code }));
    void openConsole(this.root, code, kept.secret, this);
  }

  openWorkshop(code: string): void {
    history.replaceState(null, "", `/host?workshop=${code}`);
    const kept = keptRooms()[code];
    if (!kept) return this.landing(t("host.noKeyWorkshop", { code }));
    openWorkshop(this.root, code, kept.secret, kept.sessionId).catch((e: unknown) =>
      this.landing(roomMissing(e) ? t("host.workshopClosed", { code }) : t("host.couldNotOpenWorkshop", { code, why: refusalText(e, t("host.noAnswer")) })),
    );
  }

  async hostAgain(sessionId: string): Promise<void> {
    try {
      const created = await createRoom(sessionId);
      this.openRoom(created.code);
    } catch (e) {
      this.landing(t("host.couldNotHostAgain", { why: refusalText(e, t("host.noAnswer")) }));
    }
  }

  /** The page the address asks for: ?new=1 or ?new=workshop, ?workshop=CODE, ?session=ID, ?code=CODE, or the landing page. */
  route(params: URLSearchParams): void {
    const wanted = tidyCode(params.get("code") ?? "");
    const session = params.get("session");
    const workshop = tidyCode(params.get("workshop") ?? "");
    const fresh = params.get("new");
    if (fresh === "workshop") return this.create(true);
    if (workshop) return this.openWorkshop(workshop);
    if (fresh === "1") return this.create(false);
    if (session) return void showStoredSession(this.root, session, this);
    if (wanted) return this.openRoom(wanted);
    this.landing();
  }

  private create(workshop: boolean): void {
    this.root.replaceChildren(h("p", { class: "muted" }, t(workshop ? "host.creatingWorkshop" : "host.creatingRoom")));
    createRoom(undefined, workshop).then(
      (c) => (workshop ? this.openWorkshop(c.code) : this.openRoom(c.code)),
      (e: unknown) => this.landing(t(workshop ? "host.couldNotCreateWorkshop" : "host.couldNotCreateRoom", { why: refusalText(e, t("host.noAnswer")) })),
    );
  }
}
