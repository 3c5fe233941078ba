// Embedding: what the lesson tells the page around it, and the few things it accepts from it.
// (Embed mode itself — ?embed, ?only=…, no chrome, keys only with focus — is in www/deck.js.)
//
//   Height    whenever the content's height changes (ResizeObserver), in each dialect course
//             sites listen for: H5P's resizer {context: 'h5p', action: 'resize', scrollHeight},
//             Canvas {subject: 'lti.frameResize', height}, iframe-resizer's
//             '[iFrameSizer]ID:HEIGHT:WIDTH:TYPE' (once its host script has sent its init), and
//             {type: 'vanishing-gradients:resize', height} for a plain page's own snippet.
//   Results   xAPI-shaped statements {type: 'vanishing-gradients:xapi', statement} on every
//             checked answer (answered), slide reached (progressed) and completion (completed).
//   Commands  {type: 'vanishing-gradients:command', command: 'reset' | 'goto' | 'resize' |
//             'state', slide?}, acknowledged with {type: 'vanishing-gradients:ack', command, ok}.
//
// Results and commands use one origin: ?parentOrigin=… when given (results are then posted to
// that origin only, never '*'; an invalid value turns results off), otherwise the embedding page's
// origin as the browser reports it (location.ancestorOrigins, else document.referrer); when there
// is none, no results are sent and no commands accepted. Heights carry no learner data: without
// any known origin they go to '*'. Messages not from the parent window, or from another origin,
// are ignored. The same results reach an LMS through www/scorm.js. EMBEDDING.md has the details.
import './csp.js'; // first: the wasm's text measuring must not write style attributes
import { connectScorm } from './scorm.js';

const NAME = 'vanishing-gradients';
/** xAPI verbs (ADL vocabulary) and activity types. */
const VERB_IDS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
};
const LESSON_TYPE = 'http://adlnet.gov/expapi/activities/lesson';
const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const DEFAULT_ACTIVITY = 'urn:vanishing-gradients:lesson';
const EXTENSIONS = {
  progress: 'urn:vanishing-gradients:extension:progress',
  verdict: 'urn:vanishing-gradients:extension:verdict',
};
const RESIZER_PREFIX = '[iFrameSizer]';
const SLIDE_ID = /^[A-Za-z][\w-]{0,63}$/;
const DESIGN_WIDTH = 1280;
const DESIGN_HEIGHT = 720;

const root = document.documentElement;

function readQuery() {
  try {
    return new URLSearchParams(location.search);
  } catch {
    return new URLSearchParams();
  }
}

/** `text` as an http(s) origin ("https://host[:port]", a trailing slash allowed), else null. */
export function parseOrigin(text) {
  if (typeof text !== 'string' || text.length === 0 || text.length > 255) return null;
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') return null;
  if (text.replace(/\/$/, '').toLowerCase() !== url.origin.toLowerCase()) return null;
  return url.origin;
}

/** The activity id base from ?activityId= (an absolute http(s) or urn: IRI), else the default. */
function readActivityId(query) {
  const text = query.get('activityId');
  if (!text || text.length > 200 || /[\s<>"{}|\\^`]/.test(text)) return DEFAULT_ACTIVITY;
  if (/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(text)) return text;
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' || url.protocol === 'http:') return text.replace(/\/+$/, '');
  } catch {
    // not a URL
  }
  return DEFAULT_ACTIVITY;
}

/** Where results go: { origin, how }. `origin` is null when no results may be sent. */
function hostOrigin(query) {
  if (window.parent === window) return { origin: null, how: 'not in a frame' };
  if (query.has('parentOrigin')) {
    const origin = parseOrigin(query.get('parentOrigin'));
    if (!origin) console.warn(`Vanishing Gradients: ?parentOrigin= is not an origin such as https://course.example.edu; no results are sent`);
    return { origin, how: 'parentOrigin' };
  }
  try {
    const ancestors = location.ancestorOrigins;
    if (ancestors && ancestors.length > 0) return { origin: parseOrigin(ancestors[0]), how: 'ancestorOrigins' };
  } catch {
    // not supported
  }
  try {
    if (document.referrer) return { origin: parseOrigin(new URL(document.referrer).origin), how: 'referrer' };
  } catch {
    // no usable referrer
  }
  return { origin: null, how: 'unknown' };
}

function uuid() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function text(node) {
  return node ? node.textContent.replace(/\s+/g, ' ').trim() : '';
}

/**
 * What this page holds (the whole lesson, or the one slide / figure of ?only=) and the learner's
 * results in it: slides seen, attempts and solved answers, completion. Saved in localStorage
 * (`vg-results`, per scope) and, in an LMS, in cmi.suspend_data by www/scorm.js.
 */
export function createTracker(only = root.dataset.only ?? null) {
  const all = [...document.querySelectorAll('main > section.slide[id]')];
  const slides = only ? all.filter((s) => !s.hidden) : all;
  const figureOnly = Boolean(only && only.startsWith('figure:'));
  const forms = figureOnly ? [] : slides.flatMap((s) => [...s.querySelectorAll('form.answer[data-answer]')]);
  const answers = forms.map((f) => f.dataset.answer);
  const slideIds = slides.map((s) => s.id);
  const key = only ? `vg-results:${only}` : 'vg-results';
  const listeners = new Set();
  let state = fresh();

  function fresh() {
    return { seen: [], answers: {}, completed: false };
  }

  /** Keeps only known ids and well-typed values from a saved record. */
  function clean(saved) {
    const next = fresh();
    if (!saved || typeof saved !== 'object') return next;
    if (Array.isArray(saved.seen)) next.seen = slideIds.filter((id) => saved.seen.includes(id));
    if (saved.answers && typeof saved.answers === 'object') {
      for (const id of answers) {
        const a = saved.answers[id];
        if (Array.isArray(a) && Number.isInteger(a[0]) && a[0] >= 0) next.answers[id] = { tries: a[0], solved: a[1] === 1 };
      }
    }
    next.completed = saved.completed === true;
    return next;
  }

  function toJSON() {
    const compact = {};
    for (const [id, a] of Object.entries(state.answers)) compact[id] = [a.tries, a.solved ? 1 : 0];
    return { v: 1, seen: state.seen, answers: compact, completed: state.completed };
  }

  function save() {
    try {
      localStorage.setItem(key, JSON.stringify(toJSON()));
    } catch {
      // storage blocked: results still flow for this visit
    }
  }

  function load() {
    try {
      const raw = localStorage.getItem(key);
      state = clean(raw ? JSON.parse(raw) : null);
    } catch {
      state = fresh();
    }
  }

  function summary() {
    const correct = answers.filter((id) => state.answers[id]?.solved).length;
    const total = answers.length;
    const seen = slideIds.filter((id) => state.seen.includes(id)).length;
    const tried = answers.filter((id) => (state.answers[id]?.tries ?? 0) > 0).length;
    return {
      correct,
      total,
      tried,
      scaled: total > 0 ? correct / total : null,
      progress: slideIds.length > 0 ? seen / slideIds.length : 0,
      // A figure alone has nothing to complete; otherwise: every slide seen, every answer tried.
      complete: (total > 0 || !only) && seen === slideIds.length && tried === total,
      passed: total > 0 && correct === total,
    };
  }

  function emit(kind, detail) {
    for (const listener of listeners) {
      try {
        listener(kind, detail);
      } catch (error) {
        console.warn('Vanishing Gradients: a results listener failed', error);
      }
    }
  }

  function checkCompletion() {
    if (state.completed || !summary().complete) return;
    state.completed = true;
    save();
    emit('completed', {});
  }

  load();
  return {
    only,
    slideIds,
    answers,
    forms,
    summary,
    toJSON,
    subscribe: (listener) => listeners.add(listener),
    /** Replaces the state with a saved record (from an LMS), keeping only what fits this page. */
    restore(saved) {
      state = clean(saved);
      save();
    },
    reached(id) {
      if (!slideIds.includes(id)) return;
      if (!state.seen.includes(id)) state.seen.push(id);
      save();
      emit('progressed', { slide: id });
      checkCompletion();
    },
    answered(id, verdict, response) {
      if (!answers.includes(id)) return;
      const a = state.answers[id] ?? { tries: 0, solved: false };
      if (verdict === 'correct' || verdict === 'incorrect') a.tries += 1;
      if (verdict === 'correct') a.solved = true;
      state.answers[id] = a;
      save();
      emit('answered', { id, verdict, response, success: verdict === 'correct' });
      checkCompletion();
    },
    reset() {
      state = fresh();
      save();
      emit('reset', {});
    },
  };
}

/** Builds the xAPI statements for the tracker's events (no actor: the host knows the learner). */
function statementMaker(tracker, base) {
  const join = (kind, id) => (base.startsWith('urn:') ? `${base}:${kind}:${id}` : `${base}/${kind}/${id}`);
  const lesson = { objectType: 'Activity', id: base, definition: { type: LESSON_TYPE, name: { en: document.title } } };
  const slideActivity = (id) => ({
    objectType: 'Activity',
    id: join('slide', id),
    definition: { name: { en: text(document.getElementById(id)?.querySelector('h1, h2')) || id } },
  });
  const scope = tracker.only ? slideActivity(tracker.slideIds[0]) : lesson;
  const grouping = tracker.only ? [{ objectType: 'Activity', id: base }] : [];
  const context = (parent) => ({
    contextActivities: { parent: [{ objectType: 'Activity', id: parent }], ...(grouping.length ? { grouping } : {}) },
  });
  const score = (s) => (s.total > 0 ? { scaled: s.scaled, raw: s.correct, min: 0, max: s.total } : undefined);
  const verb = (name) => ({ id: VERB_IDS[name], display: { en: name } });
  const wrap = (name, object, result, ctx) => ({
    id: uuid(),
    verb: verb(name),
    object,
    result,
    ...(ctx ? { context: ctx } : {}),
    timestamp: new Date().toISOString(),
  });

  return (kind, detail) => {
    const s = tracker.summary();
    const progress = Math.round(s.progress * 100);
    if (kind === 'answered') {
      const form = tracker.forms.find((f) => f.dataset.answer === detail.id);
      const slide = form?.closest('section.slide[id]')?.id ?? tracker.slideIds[0];
      const object = {
        objectType: 'Activity',
        id: join('problem', detail.id),
        definition: {
          type: INTERACTION_TYPE,
          interactionType: 'fill-in',
          name: { en: text(form?.querySelector('label')) || detail.id },
          description: { en: text(form?.closest('section.slide')?.querySelector('.problem')) },
        },
      };
      const result = {
        success: detail.success,
        score: { scaled: detail.success ? 1 : 0, raw: detail.success ? 1 : 0, min: 0, max: 1 },
        response: String(detail.response ?? ''),
        extensions: { [EXTENSIONS.verdict]: detail.verdict },
      };
      return wrap('answered', object, result, context(join('slide', slide)));
    }
    if (kind === 'progressed') {
      const result = { extensions: { [EXTENSIONS.progress]: progress } };
      const sc = s.tried > 0 ? score(s) : undefined; // a score once anything is answered
      if (sc) result.score = sc;
      return wrap('progressed', slideActivity(detail.slide), result, context(scope.id));
    }
    if (kind === 'completed') {
      const result = { completion: true, extensions: { [EXTENSIONS.progress]: 100 } };
      const sc = score(s);
      if (sc) {
        result.success = s.passed;
        result.score = sc;
      }
      return wrap('completed', scope, result, grouping.length ? { contextActivities: { grouping } } : undefined);
    }
    return null;
  };
}

/** The height the frame should have: the content's, or in the slides view a 16:9 slide plus the toolbar. */
function contentHeight() {
  if (root.dataset.view === 'slides') {
    const toolbar = document.querySelector('.deck-toolbar');
    const bar = toolbar ? toolbar.getBoundingClientRect().height : 0;
    return Math.ceil((root.clientWidth * DESIGN_HEIGHT) / DESIGN_WIDTH + bar);
  }
  const body = document.body;
  let bottom = body.getBoundingClientRect().bottom;
  for (const child of body.children) {
    const box = child.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const position = getComputedStyle(child).position;
    if (position === 'fixed' || position === 'absolute') continue;
    bottom = Math.max(bottom, box.bottom + (parseFloat(getComputedStyle(child).marginBottom) || 0));
  }
  return Math.ceil(bottom + window.scrollY);
}

function post(message, origin) {
  try {
    window.parent.postMessage(message, origin);
  } catch (error) {
    console.warn('Vanishing Gradients: a message to the host page failed', error);
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function fullscreenButton() {
  const toolbar = document.querySelector('.deck-toolbar');
  const group = toolbar ? toolbar.querySelector('.deck-toolbar__group:last-of-type') : null;
  if (!group || !document.fullscreenEnabled) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'embed-fullscreen';
  button.setAttribute('aria-label', 'Full screen');
  button.title = 'Full screen';
  button.setAttribute('aria-pressed', 'false');
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of ['M4 9V4h5', 'M15 4h5v5', 'M20 15v5h-5', 'M9 20H4v-5']) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  button.append(svg);
  button.addEventListener('click', () => {
    const request = document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen();
    request?.catch?.(() => {});
  });
  document.addEventListener('fullscreenchange', () => {
    button.setAttribute('aria-pressed', String(Boolean(document.fullscreenElement)));
  });
  group.append(button);
}

/** Marks the one figure or slide of ?only= and the elements around it (styled by embed.css). */
function markOnly(only) {
  const target = only.startsWith('figure:')
    ? document.querySelector(`.figure-mount[data-figure="${only.slice('figure:'.length)}"]`)
    : document.getElementById(only);
  if (!target) return;
  target.classList.add('embed-only-target');
  for (let node = target.parentElement; node && node !== document.body; node = node.parentElement) {
    node.classList.add('embed-only-path');
  }
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/** Starts everything above (once; never throws). Called by www/app.js before the wasm loads. */
export function startEmbed() {
  if (window.__vgEmbedStarted) return;
  window.__vgEmbedStarted = true;
  try {
    start();
  } catch (error) {
    console.warn('Vanishing Gradients: embedding could not start', error);
  }
}

function start() {
  const query = readQuery();
  const embedded = root.hasAttribute('data-embed');
  const only = root.dataset.only ?? null;
  if (only) markOnly(only);
  if (embedded && !only) fullscreenButton();

  const tracker = createTracker(only);
  // In an LMS the LMS's record wins: restored here, before the practice forms read theirs.
  connectScorm(tracker);

  const framed = window.parent !== window;
  const host = hostOrigin(query);
  const results = host.origin; // null: no results, no commands
  const sizeTarget = host.origin ?? (host.how === 'parentOrigin' ? null : '*');
  const base = readActivityId(query);
  const makeStatement = statementMaker(tracker, base);

  if (framed && results) {
    tracker.subscribe((kind, detail) => {
      const statement = makeStatement(kind, detail);
      if (statement) post({ type: `${NAME}:xapi`, version: 1, statement }, results);
    });
    post({
      type: `${NAME}:ready`,
      version: 1,
      activityId: base,
      only,
      slides: tracker.slideIds,
      answers: tracker.answers,
    }, results);
  }
  document.addEventListener('deck:slidechange', (event) => {
    const id = event.detail && event.detail.id;
    if (typeof id === 'string') tracker.reached(id);
  });
  document.addEventListener('practice:checked', (event) => {
    const d = event.detail || {};
    if (typeof d.id === 'string') tracker.answered(d.id, String(d.verdict ?? ''), String(d.response ?? ''));
  });

  if (!framed) return;

  // ----- Height -----
  let last = -1;
  let resizer = null; // { id, origin } once iframe-resizer's host script said hello
  let frame = 0;
  const sendSize = (force = false, resizerType = 'resizeObserver') => {
    const height = contentHeight();
    if (!force && Math.abs(height - last) < 1) return;
    last = height;
    if (sizeTarget) {
      post({ context: 'h5p', action: 'resize', scrollHeight: height }, sizeTarget);
      post({ subject: 'lti.frameResize', height }, sizeTarget);
      post({ type: `${NAME}:resize`, version: 1, height }, sizeTarget);
    }
    if (resizer) post(`${RESIZER_PREFIX}${resizer.id}:${height}:${root.clientWidth}:${resizerType}`, resizer.origin);
  };
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      sendSize();
    });
  };
  if ('ResizeObserver' in window) {
    const observer = new ResizeObserver(schedule);
    observer.observe(document.body);
    observer.observe(root);
    const main = document.querySelector('main');
    if (main) observer.observe(main);
  }
  for (const type of ['deck:layout', 'deck:slidechange', 'toggle']) document.addEventListener(type, schedule, true);
  window.addEventListener('resize', schedule);
  window.addEventListener('load', () => sendSize(true));
  if (sizeTarget) post({ context: 'h5p', action: 'hello' }, sizeTarget);

  // ----- Messages from the host page -----
  const reply = (command, ok) => post({ type: `${NAME}:ack`, version: 1, command, ok }, results);
  window.addEventListener('message', (event) => {
    try {
      onMessage(event);
    } catch (error) {
      console.warn('Vanishing Gradients: a message from the host page was ignored', error);
    }
  });
  function onMessage(event) {
    if (event.source !== window.parent) return;
    const data = event.data;
    const trusted = results !== null && event.origin === results;
    if (typeof data === 'string') {
      if (!data.startsWith(RESIZER_PREFIX)) return;
      if (host.how === 'parentOrigin' && !trusted) return;
      const fields = data.slice(RESIZER_PREFIX.length).split(':');
      if (fields[2] === 'true' || fields[2] === 'false') {
        // iframe-resizer's init: "ID:bodyMargin:sizeWidth:…"
        if (!/^[\w-]{1,64}$/.test(fields[0])) return;
        resizer = { id: fields[0], origin: event.origin === 'null' ? '*' : event.origin };
        sendSize(true, 'init');
      } else if (resizer && (fields[0] === 'resize' || fields[0] === 'reset')) {
        sendSize(true, fields[0] === 'resize' ? 'resizeParent' : 'reset');
      }
      return;
    }
    if (!isPlainObject(data)) return;
    if (data.context === 'h5p') {
      if ((trusted || host.how !== 'parentOrigin') && (data.action === 'hello' || data.action === 'resize')) sendSize(true);
      return;
    }
    if (data.type !== `${NAME}:command` || !trusted) return;
    // Only plain string commands: anything else (an object with a hostile toString, a number)
    // is refused without being converted or echoed.
    const command = typeof data.command === 'string' && /^[a-z][a-z-]{0,31}$/.test(data.command) ? data.command : null;
    switch (command) {
      case 'goto': {
        const ok = typeof data.slide === 'string' && SLIDE_ID.test(data.slide) && Boolean(window.deck?.go(data.slide));
        reply('goto', ok);
        break;
      }
      case 'reset':
        reply('reset', true);
        tracker.reset();
        try {
          localStorage.removeItem('vg-progress');
        } catch {
          // nothing stored
        }
        try {
          history.replaceState(null, '', `${location.pathname}${location.search}`);
        } catch {
          // history locked in this frame: the reload keeps the slide
        }
        location.reload();
        break;
      case 'resize':
        sendSize(true);
        reply('resize', true);
        break;
      case 'state': {
        const s = tracker.summary();
        post({ type: `${NAME}:state`, version: 1, ...s, slide: window.deck?.current()?.id ?? null }, results);
        break;
      }
      default:
        reply(command, false);
    }
  }
}
