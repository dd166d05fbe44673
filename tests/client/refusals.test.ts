// A refused join, create or request reaches the page as a code and figures (shared/protocol/
// refusals.ts), and the page words it in its own language; a code it does not know yet shows
// the server's English, and an error with nothing in it the page's own fallback.
import { beforeAll, describe, expect, it } from "vitest";
import { apiRefusal, readApiRefusal, readRefusal, REFUSALS, refusalMessage } from "../../shared/protocol/index.js";
import { de } from "../../client/i18n/de.js";
import { has, initI18n, t } from "../../client/i18n/index.js";
import { refusalText, roomMissing } from "../../client/i18n/refusals.js";
import { Refused } from "../../client/net/refused.js";

/** What colyseus.js throws for a refused join: an Error with the server's message (and a numeric code). */
const joinError = (message: string): Error => Object.assign(new Error(message), { code: 4215 });

describe("refusals on the wire", () => {
  it("a matchmaking message leads with the code and figures, and reads back", () => {
    const message = refusalMessage(REFUSALS.tooManyJoins, "Too many games joined from your address. Try again in 30 s.", { seconds: 30 });
    expect(message).toBe("[too-many-joins seconds=30] Too many games joined from your address. Try again in 30 s.");
    expect(readRefusal(message)).toEqual({
      code: "too-many-joins",
      params: { seconds: 30 },
      text: "Too many games joined from your address. Try again in 30 s.",
    });
    expect(readRefusal(refusalMessage(REFUSALS.roomLocked, "This room is locked by its host."))).toEqual({
      code: "room-locked",
      params: {},
      text: "This room is locked by its host.",
    });
  });

  it("a typed room code survives spaces, brackets and non-ASCII", () => {
    const room = "ab] c=ü";
    expect(readRefusal(refusalMessage(REFUSALS.noRoom, "No room.", { room }))?.params).toEqual({ room });
  });

  it("a message without a code is not a refusal, and unknown figures are dropped", () => {
    expect(readRefusal("This room is locked by its host.")).toBeNull();
    expect(readRefusal('room "ABC" not found')).toBeNull();
    expect(readRefusal("[brand-new colour=red seconds=x] Something new.")).toEqual({ code: "brand-new", params: {}, text: "Something new." });
  });

  it("an HTTP answer carries the code beside its error", () => {
    const body = apiRefusal(REFUSALS.tooManyCreates, "too many rooms created from your address; try again in 12 s", { seconds: 12 });
    expect(body).toEqual({ error: "too many rooms created from your address; try again in 12 s", code: "too-many-creates", seconds: 12 });
    expect(readApiRefusal(JSON.parse(JSON.stringify(body)))).toEqual({ code: "too-many-creates", params: { seconds: 12 }, text: body.error });
    expect(readApiRefusal({ error: "older server" })).toBeNull();
    expect(readApiRefusal("nope")).toBeNull();
  });
});

describe("in German", () => {
  beforeAll(() => initI18n("de"));

  it("every refusal has German words", () => {
    for (const code of Object.values(REFUSALS)) expect(has(`refusals.${code}`), code).toBe(true);
  });

  it("a refused join reads in German, with its figures", () => {
    const fallback = t("title.noAnswer");
    expect(refusalText(joinError("[room-locked] This room is locked by its host."), fallback)).toBe("Die Spielleitung hat diesen Raum gesperrt.");
    expect(refusalText(joinError("[removed] The host removed you from this room."), fallback)).toBe(de.refusals.removed);
    expect(refusalText(joinError("[workshop-full] This workshop is full."), fallback)).toBe("Dieser Workshop ist voll.");
    expect(refusalText(joinError('[no-room room=777777] No room with code "777777". Check the code and try again.'), fallback)).toBe(
      "Es gibt keinen Raum mit dem Code „777777“. Prüf den Code und versuch es noch einmal.",
    );
    expect(refusalText(joinError("[too-many-joins seconds=1200] Too many games joined from your address. Try again in 1200 s."), fallback)).toBe(
      "Von deiner Adresse aus wurden zu viele Spiele betreten. Versuch es in 1.200 s noch einmal.",
    );
    // The title puts a failed quick play in its own sentence around the refusal.
    expect(t("title.couldNotJoin", { why: refusalText(joinError("[round-over] This round is over. Join a new room to play."), fallback) })).toBe(
      "Beitritt fehlgeschlagen: Diese Runde ist vorbei. Tritt einem neuen Raum bei, um zu spielen.",
    );
  });

  it("a refused HTTP request reads in German", () => {
    const refused = new Refused(readApiRefusal(apiRefusal(REFUSALS.tooManyCreates, "too many rooms created", { seconds: 30 }))!, 429);
    expect(refusalText(refused, t("host.noAnswer"))).toBe("Von deiner Adresse aus wurden zu viele Räume angelegt. Versuch es in 30 s noch einmal.");
    expect(t("host.couldNotCreateRoom", { why: refusalText(refused, t("host.noAnswer")) })).toBe(
      "Raum ließ sich nicht anlegen: Von deiner Adresse aus wurden zu viele Räume angelegt. Versuch es in 30 s noch einmal.",
    );
  });

  it("falls back to the server's text for a code it does not know, and to its own words for nothing at all", () => {
    const fallback = t("title.noAnswer");
    expect(refusalText(joinError("[brand-new] Something the server learnt after this page."), fallback)).toBe("Something the server learnt after this page.");
    expect(refusalText(joinError("room is gone"), fallback)).toBe("room is gone");
    expect(refusalText(new Refused({ code: "", params: {}, text: "" }, 502), fallback)).toBe("Der Server hat nicht geantwortet.");
    expect(refusalText(joinError(""), fallback)).toBe("Der Server hat nicht geantwortet.");
    expect(refusalText(undefined, fallback)).toBe("Der Server hat nicht geantwortet.");
  });

  it("knows a missing room by its code, not by its English", () => {
    expect(roomMissing(joinError('[no-room room=ABC] No room with code "ABC".'))).toBe(true);
    expect(roomMissing(joinError("[room-locked] No room for you."))).toBe(false);
  });
});

describe("in Spanish and English", () => {
  it("says the same in each", async () => {
    await initI18n("es");
    const locked = joinError("[room-locked] This room is locked by its host.");
    expect(refusalText(locked, "")).toBe("Quien dirige ha cerrado esta sala.");
    expect(t("host.couldNotOpen", { code: "ABC234", why: refusalText(locked, "") })).toBe(
      "No se pudo abrir la sala ABC234. Quien dirige ha cerrado esta sala.",
    );
    await initI18n("en");
    expect(refusalText(locked, "")).toBe("This room is locked by its host.");
    expect(refusalText(joinError('[no-room room=777777] No room with code "777777".'), "")).toBe('No room with code "777777". Check the code and try again.');
  });
});
