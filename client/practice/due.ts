// Whether a first-time player is offered the practice board before their first round.
import { STORAGE } from "../constants.js";

export function practiceDue(): boolean {
  return localStorage.getItem(STORAGE.tutorialDone) !== "1";
}
