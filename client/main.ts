// The player's page. What the title needs comes first: its words, the motion setting and its
// form, which is plain HTML and usable at once. The game engine (game.ts, most of the page's
// JavaScript) loads meanwhile; a choice made on the form before it is there waits for it.
import { applyMotionClass } from "./a11y/motion.js";
import { goFromTitle } from "./app.js";
import { STORAGE } from "./constants.js";
import { initI18n } from "./i18n/index.js";
import { updateScreenClasses } from "./ui/layout.js";
import { showTitleForm } from "./ui/title-form.js";
import "./window-api.js";

await initI18n();
applyMotionClass();
updateScreenClasses();
window.addEventListener("resize", updateScreenClasses);
// A reload in a round goes back to its seat (BootScene), not through the title.
if (!sessionStorage.getItem(STORAGE.reconnect)) showTitleForm(goFromTitle);
await import("./game.js");
