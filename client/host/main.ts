// The host console's page (/host): plain DOM, no Phaser. What it shows is chosen from the
// address (routes.ts): the landing page, a room's console, a workshop's console, or a stored
// session's debrief.
import { byId } from "../ui/lookup.js";
import { Routes } from "./routes.js";

new Routes(byId("host", HTMLElement)).route(new URLSearchParams(location.search));
