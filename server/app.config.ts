// The Colyseus application: transport, the "smolder" room and the HTTP routes. Tests boot
// this same config with @colyseus/testing; server/main.ts listens with it.
import "./env.js";
import config from "@colyseus/tools";
import { bodyLimit, limitMatchmakeBodies, type MatchmakeServer } from "./body.js";
import { colyseusLogger } from "./colyseus-log.js";
import { log } from "./log.js";
import { createRoomsApi, installJoinGuard, joinOriginApi } from "./hosting/api.js";
import { limitsFromEnv, type RateLimits } from "./hosting/limits.js";
import { hosting } from "./hosting/registry.js";
import { restoreRooms, takeOverHandovers } from "./hosting/restore.js";
import { createSessionsApi } from "./hosting/sessions-api.js";
import { healthz, metrics, staticFiles } from "./http.js";
import { HOSTED_ROOM_NAME, MAX_FRAME_BYTES, ROOM_NAME, WORKSHOP_ROOM_NAME } from "../shared/protocol/index.js";
import { HostedRoom } from "./rooms/HostedRoom.js";
import { WorkshopRoom } from "./rooms/WorkshopRoom.js";
import { type RoomDefinitionOptions, SmolderRoom } from "./rooms/SmolderRoom.js";
import { lastWordsSaid } from "./rooms/last-words.js";
import type { ScaleServerOptions } from "./scale.js";
import { openStore } from "./storage/open.js";
import { keepFor, retentionDays } from "./storage/retention.js";
import type { SessionStore } from "./storage/store.js";
import { floodLimitsFromEnv } from "./throttle.js";
import { SmolderTransport } from "./transport.js";

export interface AppOptions {
  /** Let the creating client choose scenario, seed, countdown, tick speed and bots (tests, bench). */
  trustRoomSettings?: boolean;
  /** Folder of the built client to serve; default dist/. */
  staticRoot?: string;
  displayLogs?: boolean;
  /** Per-address limits on creating hosted rooms and on wrong codes (tests tighten them). */
  limits?: Partial<RateLimits>;
  /** Take the caller's address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** Where sessions and rounds are kept; default: openStore(DATA_DIR, DATABASE_URL), closed at shutdown. */
  store?: SessionStore;
  /** Bring back the hosted rooms whose rounds were in progress when the last server stopped (default: yes). */
  restoreRooms?: boolean;
  /** Several processes as one game: Redis presence and driver and this process's public address
   *  (server/scale.ts, from REDIS_URL and SMOLDER_PUBLIC_ADDRESS). Default: one process, local presence and driver. */
  scale?: ScaleServerOptions;
}

export function createAppConfig(opts: AppOptions = {}) {
  // Always set explicitly: definition options override client options, so a client can never switch this on.
  const definition: Required<RoomDefinitionOptions> = { trustSettings: opts.trustRoomSettings === true };
  floodLimitsFromEnv(definition.trustSettings);
  // Opened when the server starts, not here: importing this module (the default export) must not touch DATA_DIR or a database.
  let opened: SessionStore | undefined;
  let closeStore: (() => Promise<void>) | undefined;
  return config({
    displayLogs: opts.displayLogs ?? false,
    // Colyseus's messages go to the server's log (stack traces only for real faults).
    options: { greet: false, logger: colyseusLogger, ...opts.scale },
    initializeTransport: (options) => new SmolderTransport({ ...options, maxPayload: MAX_FRAME_BYTES }),
    initializeGameServer: async (gameServer) => {
      limitMatchmakeBodies(gameServer as unknown as MatchmakeServer);
      gameServer.define(ROOM_NAME, SmolderRoom, definition);
      gameServer.define(HOSTED_ROOM_NAME, HostedRoom);
      gameServer.define(WORKSHOP_ROOM_NAME, WorkshopRoom);
      if (!opts.store && !opened) {
        // DATABASE_URL (PostgreSQL) if set, else DATA_DIR; a database that cannot be reached or
        // is newer than this server stops the start here.
        const store = (opened = await openStore(process.env.DATA_DIR, process.env.DATABASE_URL));
        // A store passed in belongs to the caller; the one opened here is closed with the server,
        // once the rooms are gone (a round saved while they closed is written first).
        closeStore = async () => {
          await store.close();
          opened = undefined;
        };
      }
      hosting.configure({
        limits: { ...limitsFromEnv(), ...opts.limits },
        trustProxy: opts.trustProxy ?? process.env.SMOLDER_TRUST_PROXY === "1",
        store: opts.store ?? opened,
      });
      const days = retentionDays(process.env.SMOLDER_RETENTION_DAYS);
      const stopRetention = days === null ? () => undefined : keepFor(opts.store ?? opened!, days, (text) => log.info({ event: "retention" }, text));
      // Colyseus keeps one shutdown callback (a second replaces the first): both jobs go in one.
      gameServer.onShutdown(async () => {
        // A room still saving its round must finish before the store closes (last-words.ts).
        await lastWordsSaid();
        stopRetention();
        await closeStore?.();
      });
      installJoinGuard();
    },
    // Before the first connection, so a client coming back finds its room under its code.
    beforeListen: async () => {
      if (opts.restoreRooms === false) return;
      await restoreRooms(hosting.store);
      await takeOverHandovers(hosting.store);
    },
    initializeExpress: (app) => {
      app.use(bodyLimit);
      app.use(healthz);
      app.use(metrics);
      app.use(joinOriginApi);
      app.use(createRoomsApi({ trustRoomSettings: definition.trustSettings }));
      app.use(createSessionsApi());
      app.use(staticFiles(opts.staticRoot ?? "dist"));
    },
  });
}

export default createAppConfig();
