// What a closing room still has to do after its people are gone: release its code, write down
// its round or checkpoint, and (on Redis) tell another process to take it over. Colyseus moves
// on to quitting Redis and the app to closing the store as soon as the *first* room of a
// stopping process finishes closing, so a slower room would lose those writes: the presence
// (scale.ts) and the store (app.config.ts) wait for these first.
const pending = new Set<Promise<unknown>>();

export function lastWords<T>(work: Promise<T>): Promise<T> {
  pending.add(work);
  const forget = () => void pending.delete(work);
  work.then(forget, forget);
  return work;
}

/** Resolves once every room that has started closing has finished (failures included). */
export async function lastWordsSaid(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
