/**
 * Typed element lookup for the page the build generated.
 */

/**
 * The element with `id`, checked to be a `type`.
 *
 * @throws {Error} if there is no such element or it is another kind — the page and the script
 * were built apart from each other
 */
export function elementById<T extends Element>(
  id: string,
  type: new (...args: never[]) => T,
  root: Document = document,
): T {
  const element = root.getElementById(id);
  if (!(element instanceof type)) throw new Error(`#${id} is missing or not a ${type.name}`);
  return element;
}
