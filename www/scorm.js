// SCORM 1.2 runtime adapter. When the lesson is launched by an LMS that offers the SCORM 1.2 API
// (an object `API` in a parent window, or in an opener's), it reports the learner's results:
//   cmi.core.score.raw / min / max   percent of the practice answers solved (0–100)
//   cmi.core.lesson_status           incomplete → completed (every slide seen, every answer
//                                    tried) or passed (every answer solved); never downgraded
//   cmi.suspend_data                 progress (slides seen, attempts, the practice record) so a
//                                    return visit resumes; cmi.core.lesson_location the slide
//   cmi.interactions.n.*             each checked answer (id, fill-in, response, result)
// and commits after each change; LMSFinish when the page goes away. Without an LMS (a file, a
// web page, a frame on another origin) it finds no API and does nothing.

/** How many parent windows to climb, as in the ADL reference finder. */
const MAX_PARENTS = 10;
/** cmi.suspend_data holds at most 4096 characters in SCORM 1.2. */
const MAX_SUSPEND = 4096;
const PRACTICE_KEY = 'vg-progress';

function apiIn(win) {
  try {
    const api = win.API;
    return api && typeof api.LMSInitialize === 'function' && typeof api.LMSSetValue === 'function' ? api : null;
  } catch {
    return null; // a window on another origin
  }
}

function climb(win) {
  let current = win;
  for (let level = 0; current && level <= MAX_PARENTS; level += 1) {
    const api = apiIn(current);
    if (api) return api;
    let parent = null;
    try {
      parent = current.parent;
    } catch {
      return null;
    }
    if (!parent || parent === current) return null;
    current = parent;
  }
  return null;
}

/** The SCORM 1.2 API object of the LMS around this window, or null. */
export function findApi(win = window) {
  const found = climb(win);
  if (found) return found;
  try {
    const opener = win.top && win.top.opener;
    return opener ? climb(opener) : null;
  } catch {
    return null;
  }
}

function clock(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const two = (n) => String(n).padStart(2, '0');
  return `${two(Math.min(9999, Math.floor(total / 3600)))}:${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`;
}

function readPractice() {
  try {
    return window.localStorage.getItem(PRACTICE_KEY) ?? '';
  } catch {
    return '';
  }
}

function writePractice(value) {
  try {
    if (value) window.localStorage.setItem(PRACTICE_KEY, value);
    else window.localStorage.removeItem(PRACTICE_KEY);
  } catch {
    // storage blocked: the LMS still has the score and status
  }
}

/**
 * Connects `tracker` (see createTracker in www/embed.js) to the LMS, if there is one. Restores the
 * saved progress at once (before the practice forms read theirs). Returns the API or null.
 */
export function connectScorm(tracker, win = window) {
  const api = findApi(win);
  if (!api) return null;
  const call = (name, ...args) => {
    try {
      return String(api[name](...args));
    } catch (error) {
      console.warn(`Vanishing Gradients: SCORM ${name} failed`, error);
      return '';
    }
  };
  if (call('LMSInitialize', '') !== 'true') {
    console.warn('Vanishing Gradients: the LMS did not initialise the SCORM session; results are not reported');
    return null;
  }
  const get = (element) => call('LMSGetValue', element);
  const set = (element, value) => call('LMSSetValue', element, String(value)) === 'true';
  const started = Date.now();
  const readOnly = ['browse', 'review'].includes(get('cmi.core.lesson_mode'));

  // Resume: the LMS's record replaces whatever this browser kept (another learner may have used it).
  let saved = null;
  try {
    const text = get('cmi.suspend_data');
    saved = text ? JSON.parse(text) : null;
  } catch {
    saved = null;
  }
  tracker.restore(saved && typeof saved === 'object' ? saved.r : null);
  // The practice forms' own record (hints, last answers), kept here too if storage is blocked.
  let practice = saved && typeof saved.p === 'string' ? saved.p : '';
  writePractice(practice);
  const bookmark = get('cmi.core.lesson_location');

  let status = get('cmi.core.lesson_status');
  const rank = { passed: 3, completed: 2, failed: 1, incomplete: 1, browsed: 0, 'not attempted': 0, '': 0 };

  const report = () => {
    if (readOnly) return;
    const s = tracker.summary();
    if (s.tried > 0) {
      set('cmi.core.score.min', 0);
      set('cmi.core.score.max', 100);
      set('cmi.core.score.raw', Math.round(s.scaled * 100));
    }
    const wanted = s.passed && s.complete ? 'passed' : s.complete ? 'completed' : 'incomplete';
    if ((rank[wanted] ?? 0) > (rank[status] ?? 0)) {
      if (set('cmi.core.lesson_status', wanted)) status = wanted;
    }
    const slide = window.deck?.current?.()?.id;
    if (slide) set('cmi.core.lesson_location', slide);
    practice = readPractice() || practice;
    const record = { v: 1, r: tracker.toJSON(), p: practice };
    let data = JSON.stringify(record);
    if (data.length > MAX_SUSPEND) data = JSON.stringify({ v: 1, r: record.r });
    if (data.length <= MAX_SUSPEND) set('cmi.suspend_data', data);
    call('LMSCommit', '');
  };

  let interactions = Number.parseInt(get('cmi.interactions._count'), 10);
  if (!Number.isInteger(interactions) || interactions < 0) interactions = 0;
  tracker.subscribe((kind, detail) => {
    if (kind === 'answered' && !readOnly) {
      const n = interactions;
      interactions += 1;
      set(`cmi.interactions.${n}.id`, detail.id);
      set(`cmi.interactions.${n}.type`, 'fill-in');
      set(`cmi.interactions.${n}.student_response`, detail.response.replace(/[^\x20-\x7e]/g, '?').slice(0, 255));
      set(`cmi.interactions.${n}.result`, detail.success ? 'correct' : detail.verdict === 'incorrect' ? 'wrong' : 'unanticipated');
      set(`cmi.interactions.${n}.time`, new Date().toTimeString().slice(0, 8));
    }
    report();
  });

  if (!readOnly && (status === 'not attempted' || status === '')) {
    if (set('cmi.core.lesson_status', 'incomplete')) status = 'incomplete';
  }
  report();
  if (bookmark && !location.hash && /^[A-Za-z][\w-]{0,63}$/.test(bookmark)) {
    // Back to where the learner left off, once the deck is up.
    const go = () => window.deck?.go?.(bookmark);
    if (window.deck) go();
    else document.addEventListener('DOMContentLoaded', go, { once: true });
  }

  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    if (!readOnly) {
      set('cmi.core.session_time', clock(Date.now() - started));
      set('cmi.core.exit', status === 'passed' || status === 'completed' ? '' : 'suspend');
      report();
    }
    call('LMSFinish', '');
  };
  win.addEventListener('pagehide', finish);
  win.addEventListener('beforeunload', finish);
  return api;
}
