// What the server says in codes (a notice in the room's message, the rounds not saved yet, a bot's
// name) is put into words by each client, in its own language; a host's or a person's own text
// is shown as they wrote it.
import { beforeAll, describe, expect, it } from "vitest";
import { BOT_KINDS } from "../../shared/state.js";
import { botName, NOTICES, readBotName, unsavedField, unsavedRounds } from "../../shared/protocol/index.js";
import { de } from "../../client/i18n/de.js";
import { initI18n } from "../../client/i18n/index.js";
import { messageText, unsavedText } from "../../client/i18n/notices.js";
import { playerName, shownName } from "../../client/i18n/player-names.js";

describe("the codes on the wire", () => {
  it("a bot's name reads back as its number and kind; no other name does", () => {
    for (const kind of BOT_KINDS) expect(readBotName(botName(4, kind))).toEqual({ n: 5, kind });
    expect(botName(1, "idle")).toBe("Bot 2 (idle)");
    for (const name of ["Bot 2", "Bot 2 (lazy)", "bot 2 (idle)", "Ana", "Bot 2 (idle) "]) expect(readBotName(name), name).toBeNull();
  });

  it("the rounds not saved yet go as numbers", () => {
    expect(unsavedField([])).toBe("");
    expect(unsavedField([2, 3])).toBe("2,3");
    expect(unsavedRounds("2,3")).toEqual([2, 3]);
    expect(unsavedRounds("")).toEqual([]);
  });
});

describe("in German", () => {
  beforeAll(() => initI18n("de"));

  it("the restart notice and the other notices are in German; a host's own text is left alone", () => {
    expect(messageText(NOTICES.restarted)).toBe("Der Spielserver wurde neu gestartet; die Spielleitung setzt die Runde gleich fort.");
    expect(messageText(NOTICES.roundNotRestored)).toBe(de.notices["round-not-restored"]);
    expect(messageText(NOTICES.workshopNotRestored)).toBe(de.notices["workshop-not-restored"]);
    expect(messageText("Noch zwei Minuten!")).toBe("Noch zwei Minuten!");
    expect(messageText("@everyone look up")).toBe("@everyone look up");
    expect(messageText("")).toBe("");
  });

  it("the console's line for rounds not saved yet is in German", () => {
    expect(unsavedText("")).toBe("");
    expect(unsavedText("2")).toBe("Runde 2 noch nicht gespeichert – neuer Versuch läuft");
    expect(unsavedText("2,3,4")).toBe("Runden 2, 3 und 4 noch nicht gespeichert – neuer Versuch läuft");
  });

  it("a bot's name is in German; a person's is as typed, even one that looks like a bot's", () => {
    expect(playerName({ name: botName(1, "idle"), bot: "idle" })).toBe("Bot 2 (untätig)");
    expect(shownName({ name: botName(0, "hero"), bot: "hero" })).toBe("Bot 1 (Held)");
    expect(playerName({ name: "Bot 2 (idle)", bot: "" })).toBe("Bot 2 (idle)");
    // A what-if hands a person's seat to a bot: the person's name, marked as a bot's.
    expect(shownName({ name: "Ana", bot: "balanced" })).toBe("Ana (Bot)");
  });
});

describe("in Spanish and English", () => {
  it("says the same in each", async () => {
    await initI18n("es");
    expect(messageText(NOTICES.restarted)).toBe("El servidor de juego se ha reiniciado; quien dirige reanudará la ronda.");
    expect(unsavedText("2,3")).toBe("Rondas 2 y 3 aún sin guardar: reintentando");
    expect(playerName({ name: botName(2, "firefighter"), bot: "firefighter" })).toBe("Bot 3 (bombero)");
    await initI18n("en");
    expect(messageText(NOTICES.restarted)).toBe("The game server restarted; your host will resume the round.");
    expect(unsavedText("1")).toBe("Round 1 not saved yet — retrying");
    expect(playerName({ name: botName(1, "idle"), bot: "idle" })).toBe("Bot 2 (idle)");
  });
});
