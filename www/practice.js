// Practice forms: every answer is checked by the Rust checker; hints, worked solutions and
// progress (saved in localStorage) come from it too. The forms themselves are in index.html.
import { Practice } from '../pkg/vanishing_gradients.js';

const STORAGE_KEY = 'vg-progress';

function readSaved() {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return ''; // storage blocked (private mode, sandboxed frame): practice still works
  }
}

function save(practice) {
  try {
    window.localStorage.setItem(STORAGE_KEY, practice.serialize());
  } catch {
    /* not saved, nothing lost on the page */
  }
}

function showFeedback(status, feedback) {
  status.dataset.verdict = feedback.verdict;
  const message = document.createElement('span');
  message.className = 'feedback-message';
  message.textContent = feedback.message;
  status.replaceChildren(message);
  const readAs = feedback.readAs;
  if (readAs) {
    const line = document.createElement('span');
    line.className = 'feedback-read-as';
    line.textContent = ` ${readAs}.`;
    status.append(line);
  }
}

function list(items, ordered = false) {
  const element = document.createElement(ordered ? 'ol' : 'ul');
  for (const text of items) {
    const item = document.createElement('li');
    item.textContent = text;
    element.append(item);
  }
  return element;
}

// The hint button, the hints shown so far and, after an attempt, the worked solution.
function helpArea(practice, id, area) {
  const hintList = document.createElement('div');
  const hintButton = document.createElement('button');
  hintButton.type = 'button';
  hintButton.className = 'hint-button';
  const stepsBox = document.createElement('details');
  stepsBox.className = 'worked-solution';
  const summary = document.createElement('summary');
  summary.textContent = 'Worked solution';
  const refresh = () => {
    const shown = practice.hintsShown(id);
    const total = practice.hintCount(id);
    hintList.replaceChildren(shown.length ? list(shown, true) : '');
    hintButton.hidden = shown.length >= total;
    hintButton.textContent = `Hint ${shown.length + 1} of ${total}`;
    const steps = practice.solution(id);
    stepsBox.hidden = steps.length === 0;
    stepsBox.replaceChildren(summary, ...(steps.length ? [list(steps, true)] : []));
  };
  hintButton.addEventListener('click', () => {
    practice.revealHint(id);
    save(practice);
    refresh();
  });
  area.replaceChildren(hintButton, hintList, stepsBox);
  refresh();
  return refresh;
}

// The seed's own solution stays closed until the learner has tried one of the slide's answers.
function lockSolution(practice, details, answerIds) {
  const summary = details.querySelector('summary');
  const openLabel = summary?.textContent ?? 'Solution';
  const unlocked = () => answerIds.some((id) => practice.solution(id).length > 0);
  const refresh = () => {
    const open = unlocked();
    details.classList.toggle('locked', !open);
    if (summary) summary.textContent = open ? openLabel : `${openLabel} (opens after your first attempt)`;
    if (!open) details.open = false;
  };
  summary?.addEventListener('click', (event) => {
    if (!unlocked()) event.preventDefault();
  });
  details.addEventListener('toggle', () => {
    if (details.open && !unlocked()) details.open = false;
  });
  refresh();
  return refresh;
}

export function mountPractice(root = document) {
  const practice = new Practice(readSaved());
  if (practice.loadProblem) {
    console.warn(`Vanishing Gradients: saved progress was not usable and starts afresh (${practice.loadProblem})`);
    save(practice);
  }
  const refreshers = [];
  const solutions = [...root.querySelectorAll('details.solution[data-solution-for]')].map((details) => {
    const slide = details.closest('section');
    const ids = [...(slide?.querySelectorAll('form.answer[data-answer]') ?? [])].map((f) => f.dataset.answer);
    return lockSolution(practice, details, ids);
  });
  for (const form of root.querySelectorAll('form.answer[data-answer]')) {
    const id = form.dataset.answer;
    const input = form.querySelector('input');
    const status = form.querySelector('[role="status"]');
    const hints = form.querySelector('.hints');
    if (!input || !status) continue;
    const refreshHelp = hints ? helpArea(practice, id, hints) : () => {};
    refreshers.push(refreshHelp);
    const last = practice.lastInput(id);
    if (last) input.value = last;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      let feedback;
      try {
        feedback = practice.check(id, input.value);
      } catch (error) {
        status.dataset.verdict = 'invalid';
        status.textContent = `Can't read that answer here: ${error.message ?? error}`;
        return;
      }
      showFeedback(status, feedback);
      feedback.free();
      save(practice);
      refreshHelp();
      for (const refresh of solutions) refresh();
      document.dispatchEvent(new CustomEvent('practice:checked', { detail: { id, verdict: status.dataset.verdict, response: input.value } }));
    });
  }
  return practice;
}
