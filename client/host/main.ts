// The host console's page (/host): plain DOM, no Phaser. What it shows is chosen from the
// address (routes.ts): the landing page, a room's console, a workshop's console, or a stored
// session's debrief.
import { initI18n, t } from "../i18n/index.js";
import { roomLanguage } from "../i18n/room-language.js";
import { byId } from "../ui/lookup.js";
import { Routes } from "./routes.js";

const params = new URLSearchParams(location.search);
// The host's own language (browser or pick), unless the room on screen fixed one.
await initI18n(undefined, roomLanguage(params.get("code")));
document.title = t("host.pageTitle");
new Routes(byId("host", HTMLElement)).route(params);
