// The wire contract, written once for the server and the client: room and message names,
// error and close codes, limits (wire.ts), the facilitators' commands (commands.ts), how any
// message is checked (check.ts), the stored round and session (stored.ts) and the HTTP API's
// payloads (http.ts), and what the server says in codes for each client to put into words
// (notices.ts, bot-names.ts, refusals.ts). The client imports these from here and nothing from server/.
export * from "./wire.js";
export * from "./check.js";
export * from "./commands.js";
export * from "./stored.js";
export * from "./http.js";
export * from "./notices.js";
export * from "./bot-names.js";
export * from "./refusals.js";
