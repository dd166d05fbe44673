// A page's fixed elements (those its HTML file holds) looked up by id and type once, at start:
// one that is missing or of the wrong kind stops the page with an error that names it, instead
// of a null met later somewhere else.
type ElementClass<T extends HTMLElement> = abstract new () => T;

export function byId<T extends HTMLElement>(id: string, type: ElementClass<T>, root: Pick<Document, "getElementById"> = document): T {
  const el = root.getElementById(id);
  if (el instanceof type) return el;
  const found = el ? `a <${el.tagName.toLowerCase()}>` : "nothing";
  throw new Error(`This page needs a ${type.name} with id "${id}" and found ${found}.`);
}
