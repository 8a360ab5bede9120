/**
 * "Try it": a window of monthly levels (typed, or filled from a stretch of the series) is sent
 * to `POST /v1/forecast`; the answer — or the API's problem detail — is shown in a live region.
 */
import { INTERVAL_LEVELS, nextMonth } from '@gatecast/core';
import { formatInterval, formatMonth, formatPoints } from '../shared/format.js';
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

/** Wires the form; returns nothing, everything happens on user events. */
export function setUpTryIt(data: SiteData): void {
  const form = elementById('try-form', HTMLFormElement);
  const text = elementById('try-window', HTMLTextAreaElement);
  const model = elementById('try-model', HTMLSelectElement);
  const end = elementById('stretch-end', HTMLInputElement);
  const fill = elementById('stretch-fill', HTMLButtonElement);
  const out = elementById('try-result', HTMLElement);
  const submit = form.querySelector('button[type="submit"]');
  let remembered: Remembered | undefined;

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
    try {
      const answer = await postForecast({ model: model.value, window: parsed.values });
      showForecast(out, answer, remembered?.text === text.value ? remembered : undefined);
    } catch (error) {
      showProblem(
        out,
        error instanceof ApiProblem
          ? error
          : new ApiProblem(0, 'Something went wrong', String(error)),
      );
    } finally {
      out.removeAttribute('aria-busy');
      if (submit instanceof HTMLButtonElement) submit.disabled = false;
    }
  });
}
