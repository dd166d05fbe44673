// The rules are type-checked with no DOM and no Node types (tsconfig.shared.json), so that they
// cannot reach for window, Buffer or timers. This is the one platform function they use: a deep
// copy that every engine the game runs on (Node 17+, every current browser) provides alike.
declare function structuredClone<T>(value: T): T;
