// A stand-in for colyseus.js in client unit tests: rooms whose socket a test closes with any
// code, and a client whose joins a test can make fail, so the connection policy is driven
// exactly as a server and a network would drive it.
type Handler = (...args: never[]) => void;

export class FakeRoom {
  static made = 0;
  readonly id = ++FakeRoom.made;
  readonly sent: [string, unknown][] = [];
  left = false;
  reconnectionToken = `token-${this.id}`;
  state: Record<string, unknown> = {};
  private readonly leaveHandlers: ((code: number) => void)[] = [];
  private readonly messageHandlers = new Map<string, Handler[]>();
  private readonly stateHandlers: (() => void)[] = [];

  constructor(readonly options: Record<string, unknown> = {}) {}

  onLeave(callback: (code: number) => void): void {
    this.leaveHandlers.push(callback);
  }

  onMessage<T>(type: string, callback: (message: T) => void): void {
    const list = this.messageHandlers.get(type) ?? [];
    list.push(callback as Handler);
    this.messageHandlers.set(type, list);
  }

  onStateChange(callback: () => void): void {
    this.stateHandlers.push(callback);
  }

  send(type: string, message: unknown): void {
    if (this.left) throw new Error(`room ${this.id} is closed: a send to it is lost`);
    this.sent.push([type, message]);
  }

  /** A consented leave, as colyseus.js does it: the server closes the socket with 4000. */
  leave(consented = true): Promise<number> {
    const code = consented ? 4000 : 1006;
    this.close(code);
    return Promise.resolve(code);
  }

  /** The socket closes with `code` (a drop, a kick, a flood…); colyseus.js then forgets every handler. */
  close(code: number): void {
    if (this.left) return;
    this.left = true;
    for (const fn of this.leaveHandlers.splice(0)) fn(code);
    this.messageHandlers.clear();
    this.stateHandlers.length = 0;
  }

  /** The server sends a message. */
  message(type: string, payload: unknown): void {
    for (const fn of this.messageHandlers.get(type) ?? []) (fn as (m: unknown) => void)(payload);
  }

  /** A state patch arrives. */
  patch(state: Record<string, unknown>): void {
    this.state = state;
    for (const fn of this.stateHandlers) fn();
  }
}

/** An error as colyseus.js raises it for a matchmaking refusal. */
export class FakeServerError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export class FakeClient {
  /** Every join and reconnect, with when it happened (Date.now, faked in tests) and how it ended. */
  readonly calls: { at: number; kind: "join" | "reconnect"; arg: unknown; ok: boolean }[] = [];
  readonly rooms: FakeRoom[] = [];
  /** Joins that fail (a network down) before one succeeds again. */
  failing = 0;
  /** Every join fails with this, if set (a room that is gone). */
  refusal: Error | null = null;

  joinById(code: string, options: Record<string, unknown>): Promise<FakeRoom> {
    return this.answer("join", { code, ...options });
  }

  reconnect(token: string): Promise<FakeRoom> {
    return this.answer("reconnect", token);
  }

  get last(): FakeRoom {
    return this.rooms.at(-1)!;
  }

  private answer(kind: "join" | "reconnect", arg: unknown): Promise<FakeRoom> {
    const fail = this.refusal ?? (this.failing > 0 ? new Error("Failed to fetch") : null);
    this.calls.push({ at: Date.now(), kind, arg, ok: !fail });
    if (fail) {
      if (this.failing > 0) this.failing--;
      return Promise.reject(fail);
    }
    const room = new FakeRoom(typeof arg === "object" && arg ? (arg as Record<string, unknown>) : { token: arg });
    this.rooms.push(room);
    return Promise.resolve(room);
  }
}
