/**
 * What the layout tests measure in the page: every element's box against the viewport, and the
 * contrast of every piece of text against what is painted behind it. Both run inside Chromium
 * (`page.evaluate`), on the laid-out page, so they check what a reader sees.
 */
import type { Page } from 'playwright-core';

/** An element whose box leaves the viewport sideways. */
export interface Overflow {
  /** A CSS-ish path, e.g. `main > section#cells > div.math`. */
  path: string;
  left: number;
  right: number;
}

/** What {@link overflowingElements} found. */
export interface OverflowReport {
  viewport: number;
  /** The document's scroll width (more than the viewport: the page scrolls sideways). */
  scrollWidth: number;
  /** Elements outside `[0, viewport]` that are neither screen-reader-only nor inside an allowed scroller. */
  outside: Overflow[];
  /** Elements counted: every element with a box. */
  checked: number;
  /** KaTeX's screen-reader MathML regions found, each checked to be clipped out of sight. */
  hiddenMathml: number;
  /** Scroll containers whose content is wider than they are (each must be an allowed scroller). */
  scrolling: string[];
}

/**
 * Walks every element of the page and reports those whose bounding box leaves the viewport
 * sideways (half a pixel of rounding allowed). Two kinds are set aside, by rule:
 * - KaTeX's MathML copy of each equation (`.katex-mathml`), which only screen readers read: it is
 *   checked to be clipped out of sight (absolutely positioned, 1 px, `clip-path: inset(50%)`);
 * - the descendants of the scroll containers matching `allowedScrollers` (none by default), which
 *   must be focusable regions so a keyboard can scroll them.
 */
export async function overflowingElements(
  page: Page,
  allowedScrollers: string | null = null,
): Promise<OverflowReport> {
  return page.evaluate((allowed) => {
    const viewport = document.documentElement.clientWidth;
    const describe = (el: Element): string => {
      const parts: string[] = [];
      for (
        let e: Element | null = el;
        e && e !== document.body && parts.length < 5;
        e = e.parentElement
      ) {
        const cls =
          typeof e.className === 'string' && e.className
            ? `.${e.className.trim().split(/\s+/).join('.')}`
            : '';
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls}`);
      }
      return parts.join(' > ');
    };
    const outside: { path: string; left: number; right: number }[] = [];
    const scrolling: string[] = [];
    let checked = 0;
    let hiddenMathml = 0;
    for (const mathml of document.querySelectorAll('.katex-mathml')) {
      const style = getComputedStyle(mathml);
      const box = mathml.getBoundingClientRect();
      const clipped = style.clipPath === 'inset(50%)' || style.clip === 'rect(1px, 1px, 1px, 1px)';
      if (style.position !== 'absolute' || !clipped || box.width > 1 || box.height > 1) {
        outside.push({ path: `${describe(mathml)} (MathML not clipped)`, left: 0, right: 0 });
      }
      hiddenMathml++;
    }
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (
        (style.overflowX === 'auto' || style.overflowX === 'scroll') &&
        el.scrollWidth > el.clientWidth + 1
      ) {
        scrolling.push(describe(el));
        const ok = allowed !== null && el.matches(allowed) && (el as HTMLElement).tabIndex === 0;
        if (!ok)
          outside.push({
            path: `${describe(el)} (scrolls sideways)`,
            left: 0,
            right: el.scrollWidth,
          });
      }
      if (el.closest('.katex-mathml')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      checked++;
      if (box.left >= -0.5 && box.right <= viewport + 0.5) continue;
      if (allowed !== null && el.parentElement?.closest(allowed)) continue;
      outside.push({
        path: describe(el),
        left: Math.round(box.left),
        right: Math.round(box.right),
      });
    }
    return {
      viewport,
      scrollWidth: document.documentElement.scrollWidth,
      outside,
      checked,
      hiddenMathml,
      scrolling,
    };
  }, allowedScrollers);
}

/** A run of text whose contrast is below the bar. */
export interface LowContrast {
  path: string;
  text: string;
  colour: string;
  background: string;
  ratio: number;
}

/** What {@link textContrast} measured. */
export interface ContrastReport {
  /** The computed background colour of the page (`html`, else `body`). */
  pageBackground: string;
  /** WCAG relative luminance of the page background, 0 (black) .. 1 (white). */
  pageLuminance: number;
  /** Text elements measured (HTML elements with their own text, and SVG `<text>`). */
  checked: number;
  /** Those under `minimum`. */
  failing: LowContrast[];
}

/**
 * Measures the WCAG 2 contrast ratio of every element that holds text of its own — its `color`
 * (for SVG text, its `fill`) against the first opaque background behind it, walking up the tree
 * (the page's background at the top). Elements not rendered (hidden, zero-sized, screen-reader
 * only MathML, `<option>`s) are skipped; so is text drawn at reduced opacity (disabled controls).
 *
 * @param minimum the ratio each text must reach (4.5: WCAG AA for normal text)
 */
export async function textContrast(page: Page, minimum: number): Promise<ContrastReport> {
  return page.evaluate((minimum) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d context');
    /** Any CSS colour as sRGB 0..255 and alpha 0..1, through the canvas (oklch, color() …). */
    const rgba = (colour: string): [number, number, number, number] => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = '#000';
      context.fillStyle = colour;
      context.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
    };
    const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const htmlBackground = getComputedStyle(document.documentElement).backgroundColor;
    const pageBackground =
      rgba(htmlBackground)[3] > 0
        ? htmlBackground
        : getComputedStyle(document.body).backgroundColor;
    const backgroundOf = (el: Element): string => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (rgba(bg)[3] >= 0.99) return bg;
      }
      return pageBackground;
    };
    const describe = (el: Element): string => {
      const parts: string[] = [];
      for (
        let e: Element | null = el;
        e && e !== document.body && parts.length < 4;
        e = e.parentElement
      ) {
        const cls =
          typeof e.className === 'string' && e.className
            ? `.${e.className.trim().split(/\s+/)[0]}`
            : '';
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls}`);
      }
      return parts.join(' > ');
    };
    const failing: {
      path: string;
      text: string;
      colour: string;
      background: string;
      ratio: number;
    }[] = [];
    let checked = 0;
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('.katex-mathml, option, script, style, noscript, title')) continue;
      const ownText = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!ownText) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || Number(style.opacity) < 1) continue;
      let faded = false;
      for (let e = el.parentElement; e; e = e.parentElement) {
        if (Number(getComputedStyle(e).opacity) < 1) faded = true;
      }
      if (faded) continue;
      const isSvg = el instanceof SVGElement;
      const colour = isSvg ? style.fill : style.color;
      if (isSvg && !/^(rgb|#|color)/.test(colour)) continue;
      const background = backgroundOf(el);
      const value = ratio(luminance(rgba(colour)), luminance(rgba(background)));
      checked++;
      if (value < minimum) {
        failing.push({
          path: describe(el),
          text: ownText.slice(0, 40),
          colour,
          background,
          ratio: Math.round(value * 100) / 100,
        });
      }
    }
    return { pageBackground, pageLuminance: luminance(rgba(pageBackground)), checked, failing };
  }, minimum);
}
