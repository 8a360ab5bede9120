/**
 * "Try it": a window of monthly levels (typed, or filled from a stretch of the series) is sent
 * to `POST /v1/forecast`; the answer — or the API's problem detail — is shown in a live region,
 * and the request itself as curl and as a typed-client call, kept in step with the form.
 */
import { INTERVAL_LEVELS, nextMonth } from '@gatecast/core';
import { formatInterval, formatMonth, formatPoints } from '../shared/format.js';
import {
  clientCall,
  curlCommand,
  type ForecastRequestBody,
  forecastRequestBody,
} from '../shared/requestSnippets.js';
import type { SiteData } from '../shared/siteData.js';
import { ApiProblem, type ForecastResponse, postForecast } from './api.js';
import { elementById } from './dom.js';
import { parseWindowText, stretchEnding } from './parseWindow.js';

/** The stretch last filled from the series: the month after it and, if known, its actual level. */
interface Remembered {
  /** The text box's content when filled; the memory holds only while it is unchanged. */
  text: string;
  target: string;
  actual: number | undefined;
}

function remember(
  text: string,
  stretch: NonNullable<ReturnType<typeof stretchEnding>>,
): Remembered {
  return {
    text,
    target: nextMonth(stretch.dates.at(-1) as string),
    actual: stretch.next?.value,
  };
}

function paragraph(text: string, className?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

function showForecast(out: HTMLElement, answer: ForecastResponse, remembered?: Remembered) {
  // A bare window has no months; when it was filled from the series the page knows the month.
  const target = answer.target ?? remembered?.target;
  const value = document.createElement('p');
  value.className = 'try-value';
  const strong = document.createElement('strong');
  strong.dataset.field = 'forecast';
  strong.textContent = formatPoints(answer.forecast);
  value.append(`${target ? formatMonth(target) : 'Next month'}: `, strong, ` ${answer.unit}`);
  const list = document.createElement('dl');
  list.className = 'try-intervals';
  for (const level of INTERVAL_LEVELS) {
    const dt = document.createElement('dt');
    dt.textContent = `${level}% interval`;
    const dd = document.createElement('dd');
    dd.dataset.field = level;
    dd.textContent = formatInterval(answer.intervals[level] ?? [null, null]);
    list.append(dt, dd);
  }
  const facts = [`model ${answer.model}`, `engine ${answer.engine}`];
  if (remembered?.actual !== undefined && target === remembered.target) {
    facts.push(`actual ${formatMonth(remembered.target)}: ${formatPoints(remembered.actual)}`);
  }
  out.replaceChildren(value, list, paragraph(`From the API: ${facts.join(' · ')}.`, 'hint'));
  out.dataset.state = 'forecast';
}

function showProblem(out: HTMLElement, problem: ApiProblem) {
  const title = paragraph(
    problem.status > 0 ? `${problem.title} (${problem.status})` : problem.title,
    'problem-title',
  );
  out.replaceChildren(title);
  if (problem.detail) out.append(paragraph(problem.detail, 'problem-detail'));
  // Field errors the detail already spells out are not repeated.
  const extra = problem.errors.filter((e) => !problem.detail?.includes(e.detail));
  if (extra.length > 0) {
    const list = document.createElement('ul');
    list.className = 'problem-errors';
    for (const error of extra) {
      const item = document.createElement('li');
      item.textContent = error.pointer ? `${error.pointer}: ${error.detail}` : error.detail;
      list.append(item);
    }
    out.append(list);
  }
  out.dataset.state = 'error';
}

/**
 * Writes the request the form would send (or sent) as curl and as a typed-client call, for the
 * page's own origin; with a window that does not parse, says so instead.
 *
 * @returns the body shown, or `undefined` when the window does not parse
 */
function showRequest(
  model: string,
  windowText: string,
  note: HTMLElement,
): ForecastRequestBody | undefined {
  const container = elementById('try-request', HTMLElement);
  const parsed = parseWindowText(windowText);
  if (!parsed.ok) {
    container.dataset.state = 'invalid';
    note.textContent = `No request yet: ${parsed.message}`;
    return undefined;
  }
  const body = forecastRequestBody(model, parsed.values);
  elementById('try-curl', HTMLElement).textContent = curlCommand(location.origin, body);
  elementById('try-client', HTMLElement).textContent = clientCall(location.origin, body);
  container.dataset.state = 'ready';
  container.dataset.model = model;
  container.dataset.count = String(parsed.values.length);
  note.textContent = `The request for ${model} with ${parsed.values.length} monthly levels, as a shell command and as a call of the typed client; both follow your edits.`;
  return body;
}

/** Shows the copy buttons where the clipboard can be written, and wires them. */
function setUpCopyButtons(): void {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const source = document.getElementById(button.dataset.copy ?? '');
    if (!source) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(source.textContent ?? '');
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Copy failed';
      }
      setTimeout(() => {
        button.textContent = 'Copy';
      }, 2000);
    });
  }
}

/** Wires the form; returns nothing, everything happens on user events. */
export function setUpTryIt(data: SiteData): void {
  const form = elementById('try-form', HTMLFormElement);
  const text = elementById('try-window', HTMLTextAreaElement);
  const model = elementById('try-model', HTMLSelectElement);
  const end = elementById('stretch-end', HTMLInputElement);
  const fill = elementById('stretch-fill', HTMLButtonElement);
  const out = elementById('try-result', HTMLElement);
  const submit = form.querySelector('button[type="submit"]');
  const requestNote = elementById('try-request-note', HTMLElement);
  let remembered: Remembered | undefined;
  const updateRequest = () => showRequest(model.value, text.value, requestNote);
  updateRequest();
  text.addEventListener('input', updateRequest);
  model.addEventListener('change', updateRequest);
  setUpCopyButtons();

  const initial = stretchEnding(
    data.series,
    data.series.dates.at(-1)?.slice(0, 7) ?? '',
    data.windowLength,
  );
  if (initial) remembered = remember(text.value, initial);

  fill.addEventListener('click', () => {
    const stretch = stretchEnding(data.series, end.value, data.windowLength);
    if (!stretch) {
      out.replaceChildren(
        paragraph(`Pick a month between ${end.min} and ${end.max}.`, 'problem-title'),
      );
      out.dataset.state = 'error';
      end.focus();
      return;
    }
    text.value = stretch.values.join(', ');
    remembered = remember(text.value, stretch);
    updateRequest();
    out.replaceChildren(
      paragraph(
        `Filled with ${stretch.values.length} months, ${formatMonth(stretch.dates[0] as string)} to ${formatMonth(stretch.dates.at(-1) as string)}.`,
        'hint',
      ),
    );
    out.dataset.state = 'filled';
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const parsed = parseWindowText(text.value);
    if (!parsed.ok) {
      out.replaceChildren(paragraph(parsed.message, 'problem-title'));
      out.dataset.state = 'error';
      text.focus();
      return;
    }
    out.dataset.state = 'pending';
    out.setAttribute('aria-busy', 'true');
    if (submit instanceof HTMLButtonElement) submit.disabled = true;
    const body = forecastRequestBody(model.value, parsed.values);
    showRequest(body.model, text.value, requestNote);
    const sent = (answer: string) => {
      requestNote.textContent = `The page sent this request for ${body.model} with ${body.window.length} monthly levels; the API answered ${answer}. Edit the form to change it.`;
    };
    try {
      const answer = await postForecast(body);
      showForecast(out, answer, remembered?.text === text.value ? remembered : undefined);
      sent('with a forecast');
    } catch (error) {
      const problem =
        error instanceof ApiProblem
          ? error
          : new ApiProblem(0, 'Something went wrong', String(error));
      showProblem(out, problem);
      sent(problem.status > 0 ? `${problem.status} (${problem.title})` : problem.title);
    } finally {
      out.removeAttribute('aria-busy');
      if (submit instanceof HTMLButtonElement) submit.disabled = false;
    }
  });
}
