// What the scenes share: one connection to the server, and the player's chosen name.
import { Session } from "./net/session.js";

export const app = {
  session: new Session(),
};
