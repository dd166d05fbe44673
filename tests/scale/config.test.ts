// Configuration by environment (server/scale.ts): REDIS_URL switches presence and driver to
// Redis, SMOLDER_PUBLIC_ADDRESS names this process for the seat reservations; neither set
// means one process with the embedded defaults.
import { LocalDriver, LocalPresence } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppConfig } from "../../server/app.config.js";
import { colyseusLogger } from "../../server/colyseus-log.js";
import { normaliseAddress, openScale, redact, scaleFromEnv, scaleWarnings } from "../../server/scale.js";
import { freePort, type RedisServer, runScaleTests, startRedis } from "./harness.js";

describe("scale configuration from the environment", () => {
  it("without REDIS_URL nothing changes: no presence, no driver, no public address", async () => {
    const config = scaleFromEnv(2567, {});
    expect(config).toEqual({ redisUrl: undefined, publicAddress: undefined });
    expect(await openScale(config)).toEqual({});
    expect(scaleWarnings(config)).toEqual([]);
  });

  it("reads REDIS_URL and SMOLDER_PUBLIC_ADDRESS; {port} becomes this process's port; schemes and trailing slashes go", () => {
    expect(scaleFromEnv(2568, { REDIS_URL: "redis://10.0.0.5:6379", SMOLDER_PUBLIC_ADDRESS: "game.example.org/{port}" })).toEqual({
      redisUrl: "redis://10.0.0.5:6379",
      publicAddress: "game.example.org/2568",
    });
    expect(normaliseAddress("https://game.example.org/2568/")).toBe("game.example.org/2568");
    expect(normaliseAddress("wss://a.example.org")).toBe("a.example.org");
    expect(normaliseAddress("127.0.0.1:2567")).toBe("127.0.0.1:2567");
  });

  it("warns about a public address without Redis, and Redis without a public address", () => {
    expect(scaleWarnings({ redisUrl: "redis://x" })[0]).toMatch(/SMOLDER_PUBLIC_ADDRESS is not/);
    expect(scaleWarnings({ publicAddress: "a" })[0]).toMatch(/without REDIS_URL/);
    expect(scaleWarnings({ redisUrl: "redis://x", publicAddress: "a" })).toEqual([]);
  });

  it("never prints a Redis password", () => {
    expect(redact("redis://user:hunter2@db.internal:6379/0")).toBe("redis://user:***@db.internal:6379/0");
    expect(redact("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
  });

  it("createAppConfig passes presence, driver and public address to Colyseus only when given", () => {
    // Colyseus's own messages always go to the server's log.
    expect(createAppConfig({}).options).toEqual({ greet: false, logger: colyseusLogger });
    const presence = new LocalPresence();
    const driver = new LocalDriver();
    expect(createAppConfig({ scale: { presence, driver, publicAddress: "a.example.org/2568" } }).options).toEqual({
      greet: false,
      logger: colyseusLogger,
      presence,
      driver,
      publicAddress: "a.example.org/2568",
    });
  });
});

describe.skipIf(!runScaleTests)("scale configuration against a real redis-server", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("REDIS_URL gives Colyseus's RedisPresence and RedisDriver, connected", async () => {
    const opened = await openScale({ redisUrl: redis.url, publicAddress: "127.0.0.1:2999" });
    try {
      expect(opened.presence).toBeInstanceOf(RedisPresence);
      expect(opened.driver).toBeInstanceOf(RedisDriver);
      expect(opened.publicAddress).toBe("127.0.0.1:2999");
      await opened.presence!.set("smolder:test", "1");
      expect(await opened.presence!.get("smolder:test")).toBe("1");
    } finally {
      opened.presence?.shutdown();
      await opened.driver?.shutdown();
    }
  });

  it("a REDIS_URL nobody answers fails the start with a clear message instead of hanging", async () => {
    const port = await freePort();
    await expect(openScale({ redisUrl: `redis://127.0.0.1:${port}` }, 500)).rejects.toThrow(
      new RegExp(`cannot reach Redis at redis://127.0.0.1:${port}/? within 0.5 s \\(REDIS_URL\\): .*ECONNREFUSED`),
    );
  });
});
