// Friendly generated names for people who do not pick one.
const FIRST = ["Amber", "Cinder", "Ember", "Flint", "Ash", "Blaze", "Coal", "Spark", "Tinder", "Kindle", "Ridge", "Brook", "Moss", "Fern", "Cedar", "Willow"];
const SECOND = ["Otter", "Heron", "Badger", "Lynx", "Wren", "Fox", "Marten", "Owl", "Hare", "Finch", "Vole", "Kestrel"];

export function generatedName(): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  return `${pick(FIRST)} ${pick(SECOND)}`;
}
