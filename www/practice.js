// Practice forms: every answer is checked by the Rust checker; hints, worked solutions, new
// numbers and progress (saved in localStorage) come from it too. The forms are in index.html.
//
// New numbers: one seed picks other numbers for every problem at once. It lives in the query
// (?practice.seed=N; other keys and the deck's #/ID are kept), so a shared link shows the same
// set. Seed 0 (no key) is the lesson's own numbers, and then the page shows its HTML as written.
import { Practice } from '../pkg/vanishing_gradients.js';

const STORAGE_KEY = 'vg-progress';
const SEED_KEY = 'practice.seed';
const MAX_SEED = 0xffffffff;

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
    /* full or blocked: not saved, nothing lost on the page */
  }
}

/** The seed in the address, or 0 (the lesson's numbers) when there is none or it is not one. */
function seedFromUrl() {
  const pairs = location.search.replace(/^\?/, '').split('&');
  const raw = pairs.find((pair) => pair.split('=')[0] === SEED_KEY)?.split('=')[1] ?? '';
  return /^\d{1,10}$/.test(raw) && Number(raw) <= MAX_SEED ? Number(raw) : 0;
}

/** Puts the seed in the address (or removes it for 0), keeping other keys as they are and the hash. */
function seedToUrl(seed) {
  const pairs = location.search.replace(/^\?/, '').split('&').filter((pair) => pair && pair.split('=')[0] !== SEED_KEY);
  if (seed) pairs.push(`${SEED_KEY}=${seed}`);
  const search = pairs.length ? `?${pairs.join('&')}` : '';
  try {
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  } catch {
    /* some sandboxed frames forbid history changes: the numbers still change on the page */
  }
}

function randomSeed() {
  const buffer = new Uint32Array(1);
  try {
    crypto.getRandomValues(buffer);
  } catch {
    buffer[0] = Math.floor(Math.random() * MAX_SEED);
  }
  return buffer[0] || 1;
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

function button(text, className) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = text;
  return element;
}

// The hint button, the hints shown so far and, after an attempt, the worked solution.
function helpArea(practice, id, area) {
  const hintList = document.createElement('div');
  const hintButton = button('', 'hint-button');
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
    if (!steps.length) stepsBox.open = false;
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
// It is written for the lesson's numbers, so it is hidden while other numbers are shown.
function lockSolution(practice, details, answerIds) {
  const summary = details.querySelector('summary');
  const openLabel = summary?.textContent ?? 'Solution';
  const unlocked = () => answerIds.some((id) => practice.solution(id).length > 0);
  const refresh = () => {
    const open = unlocked();
    details.hidden = practice.seed !== 0;
    details.classList.toggle('locked', !open);
    if (summary) summary.textContent = open ? openLabel : `${openLabel} (opens after your first attempt)`;
    if (!open || details.hidden) details.open = false;
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

/** The element holding a problem's question: a [data-problem] block, or the seed's slide. */
function promptOf(root, problemId) {
  const holder = root.querySelector(`[data-problem="${problemId}"]`) ?? document.getElementById(problemId);
  return holder?.querySelector('.problem') ?? null;
}

// Swaps the questions, labels and button names between the lesson's HTML (seed 0, restored
// exactly as written) and the current numbers' text from Rust.
function textSwapper(practice, root, forms) {
  const originals = new Map();
  const keep = (element) => {
    if (element && !originals.has(element)) originals.set(element, [...element.childNodes].map((n) => n.cloneNode(true)));
  };
  const put = (element, text) => {
    if (!element) return;
    keep(element);
    if (practice.seed === 0) element.replaceChildren(...originals.get(element).map((n) => n.cloneNode(true)));
    else element.textContent = text;
  };
  return () => {
    const problems = new Set();
    for (const { id, form } of forms) {
      const [problemId, question, label, quantity, lessonQuantity] = practice.boxTexts(id);
      if (problemId && !problems.has(problemId)) {
        problems.add(problemId);
        put(promptOf(root, problemId), question);
      }
      put(form.querySelector('label'), label ?? '');
      const check = form.querySelector('button[type="submit"]');
      keep(check);
      const original = originals.get(check)?.map((n) => n.textContent).join('') ?? '';
      put(check, lessonQuantity ? original.replace(lessonQuantity, quantity) : original);
    }
  };
}

// "New numbers" and "Back to the lesson's numbers", after a slide's answers (on "More practice",
// above its problems).
function numbersControls(section, onNew, onLesson) {
  const group = document.createElement('div');
  group.className = 'practice-numbers';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Numbers for the practice problems');
  const fresh = button('New numbers', 'new-numbers');
  const lesson = button('Back to the lesson’s numbers', 'lesson-numbers');
  const note = document.createElement('p');
  note.className = 'numbers-note';
  note.setAttribute('aria-live', 'polite');
  fresh.addEventListener('click', onNew);
  lesson.addEventListener('click', () => {
    onLesson();
    fresh.focus(); // the pressed button is gone: keep the keyboard where it was
  });
  group.append(fresh, lesson, note);
  const grid = section.querySelector('.practice-grid');
  const column = section.querySelector('.text-col');
  if (grid) grid.before(group);
  else if (column) column.append(group);
  else section.insertBefore(group, section.querySelector('aside.notes'));
  return (seed) => {
    lesson.hidden = seed === 0;
    note.textContent = seed === 0
      ? ''
      : `Set ${seed}: new numbers in every practice problem. This page’s address shares the same set.`;
  };
}

// "4 of 10 correct" and "Reset my answers" (asked twice; the safe choice has the focus),
// wherever the page has a [data-progress-summary].
function summaryArea(practice, mount, onReset) {
  const line = document.createElement('p');
  line.className = 'progress-line';
  line.setAttribute('aria-live', 'polite');
  const reset = button('Reset my answers', 'reset-progress');
  const confirm = document.createElement('p');
  confirm.className = 'reset-confirm';
  confirm.hidden = true;
  const yes = button('Yes, reset every answer', 'reset-yes');
  const keep = button('Keep my answers', 'reset-keep');
  confirm.append('Reset every answer, hint and attempt? ', yes, ' ', keep);
  const ask = (asking) => {
    confirm.hidden = !asking;
    reset.hidden = asking;
    (asking ? keep : reset).focus();
  };
  reset.addEventListener('click', () => ask(true));
  keep.addEventListener('click', () => ask(false));
  yes.addEventListener('click', () => {
    ask(false);
    onReset();
  });
  mount.replaceChildren(line, reset, confirm);
  return (message = '') => {
    line.textContent = `Your practice: ${practice.summary()}.${message ? ` ${message}` : ''}`;
  };
}

export function mountPractice(root = document) {
  const saved = readSaved();
  const practice = new Practice(saved, seedFromUrl());
  if (practice.loadProblem) {
    console.warn(`Vanishing Gradients: saved progress was not usable and starts afresh (${practice.loadProblem})`);
  }
  if (saved && practice.serialize() !== saved) save(practice);

  const forms = [];
  for (const form of root.querySelectorAll('form.answer[data-answer]')) {
    const input = form.querySelector('input');
    const status = form.querySelector('[role="status"]');
    if (input && status) forms.push({ id: form.dataset.answer, form, input, status, hints: form.querySelector('.hints') });
  }
  const solutions = [...root.querySelectorAll('details.solution[data-solution-for]')].map((details) => {
    const slide = details.closest('section');
    const ids = [...(slide?.querySelectorAll('form.answer[data-answer]') ?? [])].map((f) => f.dataset.answer);
    return lockSolution(practice, details, ids);
  });
  const swapTexts = textSwapper(practice, root, forms);
  const summaries = [...root.querySelectorAll('[data-progress-summary]')].map((mount) => summaryArea(practice, mount, resetAnswers));
  const refreshSummaries = (message) => summaries.forEach((show) => show(message));
  const refreshHelp = new Map();
  const controls = [];

  // Puts every box's last answer (with the current numbers) and its feedback back, or empties
  // it; then redraws hints, solutions and the summary.
  function showForms() {
    for (const { id, input, status } of forms) {
      input.value = practice.lastInput(id) ?? '';
      const feedback = practice.lastFeedback(id);
      if (feedback) {
        showFeedback(status, feedback);
        feedback.free();
      } else {
        status.removeAttribute('data-verdict');
        status.replaceChildren();
      }
      refreshHelp.get(id)?.();
    }
    solutions.forEach((refresh) => refresh());
  }

  function showSeed(seed) {
    practice.setSeed(seed);
    save(practice);
    seedToUrl(seed);
    swapTexts();
    showForms();
    controls.forEach((show) => show(seed));
    refreshSummaries();
  }

  // Another random set in which every problem's question differs from the one on the page.
  function newNumbers() {
    // The question of each problem, once: [problem id, question] of every box.
    const prompts = () => [...new Map(forms.map(({ id }) => practice.boxTexts(id).slice(0, 2))).values()];
    const before = prompts();
    let seed = randomSeed();
    for (let tries = 0; tries < 20; tries += 1) {
      if (seed !== practice.seed) {
        practice.setSeed(seed);
        if (prompts().every((text, i) => text !== before[i])) break;
      }
      seed = randomSeed();
    }
    showSeed(seed);
  }

  function resetAnswers() {
    practice.reset();
    save(practice);
    showForms();
    refreshSummaries('Your answers were reset.');
  }

  for (const section of new Set(forms.map(({ form }) => form.closest('section')).filter(Boolean))) {
    controls.push(numbersControls(section, newNumbers, () => showSeed(0)));
  }
  swapTexts();
  controls.forEach((show) => show(practice.seed));
  if (practice.seed !== 0) seedToUrl(practice.seed);

  for (const { id, form, input, status, hints } of forms) {
    refreshHelp.set(id, hints ? helpArea(practice, id, hints) : () => {});
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      let feedback;
      try {
        feedback = practice.check(id, input.value);
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) {
          reportError(error); // a trap: the page-wide handler stops every interactive part plainly
          return;
        }
        status.dataset.verdict = 'invalid';
        status.textContent = `Can't read that answer here: ${error.message ?? error}`;
        return;
      }
      showFeedback(status, feedback);
      feedback.free();
      save(practice);
      refreshHelp.get(id)();
      solutions.forEach((refresh) => refresh());
      refreshSummaries();
      document.dispatchEvent(new CustomEvent('practice:checked', {
        detail: { id, verdict: status.dataset.verdict, response: input.value, seed: practice.seed },
      }));
    });
  }
  showForms();
  refreshSummaries();
  return practice;
}
