/** Reads cells out of rendered HTML without a DOM, for unit tests of the renderers. */

/** The inner HTML of the `<tr>` whose `attribute` is `value`, or `undefined`. */
export function rowHtml(html: string, attribute: string, value: string): string | undefined {
  const start = html.indexOf(`<tr ${attribute}="${value}"`);
  if (start < 0) return undefined;
  return html.slice(start, html.indexOf('</tr>', start));
}

/** The text of the element carrying `attribute="value"` inside `html`, tags stripped. */
export function cellText(html: string, attribute: string, value: string): string | undefined {
  const match = new RegExp(`${attribute}="${value}"[^>]*>(.*?)</(td|dd|span|th)>`, 's').exec(html);
  return match?.[1]?.replace(/<[^>]+>/g, '');
}
