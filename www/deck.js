// Vanishing Gradients — slide deck shell (ES module, no dependencies).
//
// Turns every <section class="slide" id="…"> of index.html into a slide deck when JavaScript
// runs; without it the lesson stays one long page. Two views:
//   slides  one slide at a time, laid out at 1280×720 design units and scaled to the window;
//   scroll  all slides one after another (?view=scroll, and automatically below 700 px).
// Contract for other scripts (see also the report in the repository history):
//   html.deck, html[data-view="slides"|"scroll"], html[data-theme="light"|"dark"],
//   html.show-notes, CSS custom property --deck-scale on <html>;
//   document events "deck:slidechange" {id, index, total}, "deck:layout" {view, scale},
//   "deck:themechange" {theme};
//   window.deck = {go(id), next(), prev(), current(), scale}.
// Embed mode (?embed, or ?only=SLIDE-ID | ?only=figure:KIND; see www/embed.js): html[data-embed],
//   html[data-only]; no notes, overview, help or theme buttons; keys only while the lesson's
//   document has focus; history entries replaced, never pushed (the host page's Back button stays
//   the host's); the scroll view only below 700 px wide (a short frame grows instead); ?theme=.
//   With ?only=… the deck holds that one slide (the others hidden), always in the scroll view.

const DESIGN_WIDTH = 1280;
const DESIGN_HEIGHT = 720;
/** A slide taller than 720 may shrink to this fraction of the normal scale; beyond it, it scrolls. */
const MIN_FIT = 0.68;
/** Below 700 px wide (or on a very short landscape phone) the scroll view reads better. */
const NARROW_QUERY = '(max-width: 699.98px), (max-height: 419.98px)';
const STORAGE_THEME = 'vanishing-gradients.theme';
const STORAGE_LETTERS = 'vanishing-gradients.letter-shortcuts';
const MAX_HASH_LENGTH = 200;
/** In an embedded frame only the width picks the view: the frame's height follows the content. */
const EMBED_NARROW_QUERY = '(max-width: 699.98px)';

/**
 * The one key table: it drives the key handler and the help overlay.
 * `character`: a single printable character, switchable off (WCAG 2.1.4).
 * `scroll`: left to the browser in the scroll view, where it scrolls the page.
 */
const KEY_TABLE = Object.freeze([
  {
    action: 'next',
    label: 'Next slide',
    keys: [
      { key: 'ArrowRight', text: '→' },
      { key: ' ', text: 'Space', scroll: true },
      { key: 'PageDown', text: 'Page Down', scroll: true },
      { key: 'n', text: 'N', character: true },
    ],
  },
  {
    action: 'prev',
    label: 'Previous slide',
    keys: [
      { key: 'ArrowLeft', text: '←' },
      { key: ' ', shift: true, text: 'Shift + Space', scroll: true },
      { key: 'PageUp', text: 'Page Up', scroll: true },
      { key: 'p', text: 'P', character: true },
    ],
  },
  { action: 'first', label: 'First slide', keys: [{ key: 'Home', text: 'Home', scroll: true }] },
  { action: 'last', label: 'Last slide', keys: [{ key: 'End', text: 'End', scroll: true }] },
  {
    action: 'overview',
    label: 'Overview of all slides (open or close)',
    keys: [
      { key: 'Escape', text: 'Esc' },
      { key: 'o', text: 'O', character: true },
    ],
  },
  {
    action: 'notes',
    label: 'Speaker notes (show or hide)',
    keys: [{ key: 's', text: 'S', character: true }],
  },
  {
    action: 'help',
    label: 'This keyboard help (open or close)',
    keys: [{ key: '?', text: '?', character: true }],
  },
]);

/** Keys that belong to a slider (or similar widget) while it has focus. */
const WIDGET_KEYS = new Set([
  'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown',
]);
const NON_TEXT_INPUT_TYPES = new Set([
  'button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'image', 'color', 'file',
]);
const WIDGET_ROLES = new Set([
  'slider', 'radio', 'radiogroup', 'tab', 'tablist', 'menu', 'menubar', 'menuitem', 'option',
  'listbox', 'grid', 'tree', 'treeitem', 'scrollbar', 'spinbutton',
]);
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);
const ACTIVATABLE =
  'button, a[href], summary, input, select, textarea, label, [role="button"], [role="link"], ' +
  '[role="checkbox"], [role="switch"], [role="menuitem"], [role="tab"], [role="option"]';

const root = document.documentElement;
const main = document.querySelector('main.slides') || document.getElementById('deck');
const allSlides = main ? Array.from(main.querySelectorAll(':scope > section.slide[id]')) : [];
const EMBED = readEmbed(allSlides);
const slides = EMBED.only ? [EMBED.only] : allSlides;

function init() {
  const total = slides.length;
  const indexById = new Map(slides.map((s, i) => [s.id, i]));
  const titles = slides.map(slideTitle);
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const narrow = window.matchMedia(EMBED.embedded ? EMBED_NARROW_QUERY : NARROW_QUERY);
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
  const forcedView = EMBED.only ? 'scroll' : readForcedView();

  const state = {
    index: 0,
    view: 'slides',
    scale: 1,
    notes: false,
    letters: readSetting(STORAGE_LETTERS, ['on', 'off'], 'on') === 'on',
    theme: null, // explicit choice, or null to follow the system
    spyPausedUntil: 0,
    ready: false,
  };

  // ----- Chrome: toolbar, live region, notes pane, dialogs -----

  const live = el('div', {
    class: 'deck-live sr-only',
    'aria-live': 'polite',
    'aria-atomic': 'true',
  });
  const prevButton = toolButton('Previous slide', ICONS.prev, () => prev());
  const nextButton = toolButton('Next slide', ICONS.next, () => next());
  const position = el('p', { class: 'deck-position' });
  const overviewButton = toolButton('Overview', ICONS.grid, () => toggleOverview());
  overviewButton.setAttribute('aria-haspopup', 'dialog');
  const notesButton = toolButton('Speaker notes', ICONS.notes, () => toggleNotes());
  notesButton.setAttribute('aria-pressed', 'false');
  const helpButton = toolButton('Keyboard shortcuts', ICONS.keyboard, () => toggleHelp());
  helpButton.setAttribute('aria-haspopup', 'dialog');
  const themeButton = toolButton('Dark mode', ICONS.moon, () => toggleTheme());
  themeButton.setAttribute('aria-pressed', 'false');

  const toolbar = el(
    'nav',
    { class: 'deck-toolbar', 'aria-label': 'Slide controls' },
    el('div', { class: 'deck-toolbar__group' }, prevButton, position, nextButton),
    el('div', { class: 'deck-toolbar__group' }, ...(EMBED.embedded ? [] : [overviewButton, notesButton, helpButton, themeButton])),
    live,
  );

  const notesBody = el('div', { class: 'notes-pane__body' });
  const notesTitle = el('p', { class: 'notes-pane__title' });
  const notesPane = el(
    'aside',
    { class: 'notes-pane', 'aria-label': 'Speaker notes', hidden: true },
    notesTitle,
    notesBody,
  );

  const help = buildHelp();
  const overview = buildOverview();

  // One level-one heading at all times: while the title slide (with the lesson's <h1>) is
  // hidden, a visually hidden copy names the page.
  const titleHeading = slides[0].querySelector('h1');
  const pageHeading = titleHeading
    ? el('h1', { class: 'sr-only deck-page-title', text: titleHeading.textContent.replace(/\s+/g, ' ').trim() })
    : null;
  if (pageHeading) main.prepend(pageHeading);

  main.after(notesPane, toolbar);
  document.body.append(help.dialog, overview.dialog);

  slides.forEach((slide, i) => {
    slide.setAttribute('role', 'group');
    slide.setAttribute('aria-roledescription', 'slide');
    slide.setAttribute('aria-label', `Slide ${i + 1} of ${total}: ${titles[i]}`);
    slide.tabIndex = -1;
  });

  root.classList.add('deck');

  // ----- Theme -----

  state.theme = EMBED.theme ?? readSetting(STORAGE_THEME, ['dark', 'light'], null);
  applyTheme(false);
  onMediaChange(systemDark, () => {
    if (state.theme === null) applyTheme(true);
  });

  function currentTheme() {
    return state.theme || (systemDark.matches ? 'dark' : 'light');
  }

  function applyTheme(notify) {
    const theme = currentTheme();
    const changed = root.dataset.theme !== theme;
    root.dataset.theme = theme;
    themeButton.setAttribute('aria-pressed', String(theme === 'dark'));
    if (notify && changed) emit('deck:themechange', { theme });
  }

  function toggleTheme() {
    state.theme = currentTheme() === 'dark' ? 'light' : 'dark';
    writeSetting(STORAGE_THEME, state.theme);
    applyTheme(true);
  }

  // ----- Views and layout -----

  function wantedView() {
    if (forcedView) return forcedView;
    return narrow.matches ? 'scroll' : 'slides';
  }

  function applyView(view) {
    state.view = view;
    root.dataset.view = view;
    if (view === 'slides') {
      slides.forEach((s, i) => {
        s.hidden = i !== state.index;
        s.classList.toggle('is-current', i === state.index);
      });
      notesPane.hidden = !state.notes;
      fit();
    } else {
      slides.forEach((s) => {
        s.hidden = false;
        s.classList.remove('is-current');
      });
      main.classList.remove('is-tall');
      notesPane.hidden = true;
      setScale(1, 0, 0);
    }
    updateChrome();
  }

  function onViewMaybeChanged() {
    const view = wantedView();
    if (view === state.view) return;
    applyView(view);
    if (view === 'scroll') scrollToSlide(state.index, false);
    emitLayout(state.view, state.scale);
    emitSlideChange();
  }

  /** Scales the current slide to the space left by the toolbar (slides view only). */
  function fit() {
    if (state.view !== 'slides') return;
    const slide = slides[state.index];
    const fullWidth = main.offsetWidth;
    const height = main.clientHeight;
    if (fullWidth === 0 || height === 0) return;
    const slideHeight = Math.max(DESIGN_HEIGHT, slide.offsetHeight);
    const base = Math.min(fullWidth / DESIGN_WIDTH, height / DESIGN_HEIGHT);
    let scale = Math.min(fullWidth / DESIGN_WIDTH, height / slideHeight);
    const tall = scale < base * MIN_FIT;
    main.classList.toggle('is-tall', tall);
    let width = fullWidth;
    if (tall) {
      width = main.clientWidth; // without the scrollbar
      scale = Math.min(width / DESIGN_WIDTH, base * MIN_FIT);
    } else if (main.scrollTop !== 0) {
      main.scrollTop = 0;
    }
    const x = Math.max(0, (width - DESIGN_WIDTH * scale) / 2);
    const y = tall ? 0 : Math.max(0, (height - slideHeight * scale) / 2);
    if (setScale(scale, x, y) && state.ready) {
      emitLayout(state.view, state.scale);
    }
  }

  function setScale(scale, x, y) {
    const rounded = Math.round(scale * 10000) / 10000;
    const changed = rounded !== state.scale;
    state.scale = rounded;
    root.style.setProperty('--deck-scale', String(rounded));
    root.style.setProperty('--deck-x', `${Math.round(x)}px`);
    root.style.setProperty('--deck-y', `${Math.round(y)}px`);
    return changed;
  }

  let fitFrame = 0;
  function scheduleFit() {
    if (fitFrame) return;
    fitFrame = requestAnimationFrame(() => {
      fitFrame = 0;
      fit();
      keepPinned();
    });
  }

  if ('ResizeObserver' in window) {
    // Figures filled in later (or a solution opened) change a slide's height: refit.
    const observer = new ResizeObserver(scheduleFit);
    observer.observe(main);
    slides.forEach((s) => observer.observe(s));
  }
  window.addEventListener('resize', scheduleFit);
  onMediaChange(narrow, onViewMaybeChanged);

  // A fragment link or focus() may scroll the clipped container; keep it still.
  main.addEventListener('scroll', () => {
    if (state.view === 'slides' && !main.classList.contains('is-tall') && main.scrollTop !== 0) {
      main.scrollTop = 0;
    }
    if (state.view === 'slides' && main.scrollLeft !== 0) main.scrollLeft = 0;
  });

  // ----- Navigation -----

  /**
   * Shows slide `index`. `history`: 'push' | 'replace' | 'none'.
   * Dispatches deck:slidechange after the slide is visible and laid out.
   */
  function show(index, { history: historyMode = 'push', announce = true, dispatch = true, scroll = true } = {}) {
    const target = clamp(index, 0, total - 1);
    const previous = state.index;
    const changed = target !== previous;
    const focusWasInOld = slides[previous].contains(document.activeElement);
    state.index = target;

    if (state.view === 'slides') {
      slides.forEach((s, i) => {
        s.hidden = i !== target;
        s.classList.toggle('is-current', i === target);
      });
      main.scrollTop = 0;
      fit();
      if (changed && focusWasInOld) slides[target].focus({ preventScroll: true });
    } else if (scroll) {
      scrollToSlide(target, true);
    }

    if (changed || historyMode === 'replace') updateHash(historyMode);
    updateChrome();
    if (changed && announce) live.textContent = `Slide ${target + 1} of ${total}: ${titles[target]}`;
    if (dispatch && (changed || !state.ready)) emitSlideChange();
    return changed;
  }

  /** deck:layout, once per actual change of view or scale. */
  let lastLayout = '';
  function emitLayout(view, scale) {
    const key = `${view} ${scale}`;
    if (key === lastLayout) return;
    lastLayout = key;
    emit('deck:layout', { view, scale });
  }

  function emitSlideChange() {
    emit('deck:slidechange', { id: slides[state.index].id, index: state.index, total });
  }

  function next() {
    return show(state.index + 1);
  }

  function prev() {
    return show(state.index - 1);
  }

  function goToId(id) {
    if (typeof id !== 'string' || !indexById.has(id)) return false;
    show(indexById.get(id));
    return true;
  }

  function updateHash(mode) {
    if (mode === 'none') return;
    if (EMBED.embedded) mode = 'replace';
    const hash = `#/${slides[state.index].id}`;
    if (location.hash === hash) return;
    try {
      if (mode === 'replace') history.replaceState(history.state, '', hash);
      else history.pushState(null, '', hash);
    } catch {
      // Some sandboxed frames forbid history changes; the deck still works.
    }
  }

  /** Maps location.hash to a slide id, or null when it names none. Never throws. */
  function idFromHash(hash) {
    if (typeof hash !== 'string' || hash.length < 2 || hash.length > MAX_HASH_LENGTH) return null;
    let raw = hash.startsWith('#/') ? hash.slice(2) : hash.slice(1);
    try {
      raw = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (indexById.has(raw)) return raw;
    // A link to something inside a slide (e.g. #p1-slope) opens that slide.
    if (/^[A-Za-z][\w-]{0,63}$/.test(raw)) {
      const found = document.getElementById(raw);
      const slide = found && found.closest('section.slide');
      if (slide && indexById.has(slide.id)) return slide.id;
    }
    return null;
  }

  function onLocationChange() {
    const id = idFromHash(location.hash);
    if (id === null) {
      // Unknown or hostile fragment: first slide, and a clean URL.
      show(0, { history: location.hash ? 'replace' : 'none' });
      return;
    }
    show(indexById.get(id), { history: 'none' });
  }

  window.addEventListener('popstate', onLocationChange);
  window.addEventListener('hashchange', onLocationChange);

  function updateChrome() {
    const i = state.index;
    if (pageHeading) pageHeading.hidden = state.view !== 'slides' || i === 0;
    position.textContent = `${i + 1} / ${total}`;
    prevButton.setAttribute('aria-disabled', String(i === 0));
    nextButton.setAttribute('aria-disabled', String(i === total - 1));
    updateNotesPane();
  }

  // ----- Scroll view: follow the reader -----

  // After a jump (deep link, button, key) the slide stays pinned to the top while figures above
  // it are filled in and change height: for a few seconds, or until the reader scrolls, clicks
  // or presses a key.
  const PIN_MS = 4000;
  let pinnedUntil = 0;
  const isPinned = () => performance.now() < pinnedUntil;
  const unpin = () => {
    pinnedUntil = 0;
  };
  for (const type of ['wheel', 'touchstart', 'pointerdown', 'keydown']) {
    window.addEventListener(type, unpin, { capture: true, passive: true });
  }

  function keepPinned() {
    if (state.view !== 'scroll' || !isPinned()) return;
    const top = slides[state.index].getBoundingClientRect().top;
    if (Math.abs(top) > 2) scrollToSlide(state.index, false);
  }

  function scrollToSlide(index, smooth) {
    pinnedUntil = index > 0 ? performance.now() + PIN_MS : 0;
    state.spyPausedUntil = performance.now() + (smooth ? 1200 : 200);
    slides[index].scrollIntoView({
      block: 'start',
      behavior: smooth && !reducedMotion.matches ? 'smooth' : 'instant',
    });
  }

  let spyFrame = 0;
  function spy() {
    spyFrame = 0;
    if (state.view !== 'scroll' || isPinned() || performance.now() < state.spyPausedUntil) return;
    const line = window.innerHeight * 0.3;
    let found = 0;
    for (let i = 0; i < total; i += 1) {
      if (slides[i].getBoundingClientRect().top <= line) found = i;
      else break;
    }
    const atBottom =
      window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    if (atBottom && window.scrollY > 0) found = total - 1;
    if (found !== state.index) show(found, { history: 'replace', scroll: false, announce: false });
  }
  window.addEventListener(
    'scroll',
    () => {
      if (state.view === 'scroll' && !spyFrame) spyFrame = requestAnimationFrame(spy);
    },
    { passive: true },
  );
  window.addEventListener('scrollend', () => {
    state.spyPausedUntil = 0;
  });

  // ----- Keyboard -----

  function findBinding(event) {
    for (const entry of KEY_TABLE) {
      for (const k of entry.keys) {
        const keyMatches = k.character
          ? event.key.toLowerCase() === k.key
          : event.key === k.key && event.shiftKey === Boolean(k.shift);
        if (keyMatches) return { action: entry.action, ...k };
      }
    }
    return null;
  }

  function onKeydown(event) {
    if (event.defaultPrevented || event.isComposing) return;
    if (EMBED.embedded && (EMBED.only || !document.hasFocus())) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target : null;

    const open = openDialog();
    if (open) {
      dialogKey(event, open);
      return;
    }
    if (target && isTextEntry(target)) return;
    const binding = findBinding(event);
    if (!binding) return;
    if (binding.character && !state.letters) return;
    if (target && WIDGET_KEYS.has(event.key) && ownsArrowKeys(target)) return;
    if (event.key === ' ' && target && target.closest(ACTIVATABLE)) return;
    if (state.view === 'scroll' && binding.scroll) return;
    event.preventDefault();
    ACTIONS[binding.action]();
  }

  const ACTIONS = {
    next: () => next(),
    prev: () => prev(),
    first: () => show(0),
    last: () => show(total - 1),
    overview: () => toggleOverview(),
    notes: () => toggleNotes(),
    help: () => toggleHelp(),
  };

  function dialogKey(event, dialog) {
    const binding = findBinding(event);
    const letterOk = binding && (!binding.character || state.letters);
    const typing = event.target instanceof Element && isTextEntry(event.target);
    if (event.key === 'Escape') {
      event.preventDefault();
      closeDialog(dialog);
    } else if (!typing && letterOk && binding.action === 'help' && dialog === help.dialog) {
      event.preventDefault();
      closeDialog(dialog);
    } else if (!typing && letterOk && binding.action === 'overview' && dialog === overview.dialog) {
      event.preventDefault();
      closeDialog(dialog);
    } else if (dialog === overview.dialog && WIDGET_KEYS.has(event.key)) {
      overview.moveFocus(event);
    }
  }

  document.addEventListener('keydown', onKeydown);

  // ----- Touch: swipe left / right -----

  let touchStart = null;
  main.addEventListener(
    'touchstart',
    (event) => {
      touchStart = null;
      if (state.view !== 'slides' || event.touches.length !== 1) return;
      const t = event.target instanceof Element ? event.target : null;
      if (t && t.closest('input, textarea, select, canvas, [data-deck-no-swipe]')) return;
      const touch = event.touches[0];
      touchStart = { x: touch.clientX, y: touch.clientY, time: performance.now() };
    },
    { passive: true },
  );
  main.addEventListener(
    'touchend',
    (event) => {
      if (!touchStart || event.changedTouches.length !== 1) return;
      const touch = event.changedTouches[0];
      const dx = touch.clientX - touchStart.x;
      const dy = touch.clientY - touchStart.y;
      const quick = performance.now() - touchStart.time < 800;
      touchStart = null;
      if (quick && Math.abs(dx) > 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) {
        if (dx < 0) next();
        else prev();
      }
    },
    { passive: true },
  );
  main.addEventListener('touchcancel', () => {
    touchStart = null;
  }, { passive: true });

  // ----- Speaker notes -----

  function toggleNotes() {
    state.notes = !state.notes;
    root.classList.toggle('show-notes', state.notes);
    notesButton.setAttribute('aria-pressed', String(state.notes));
    notesPane.hidden = !state.notes || state.view !== 'slides';
    updateNotesPane();
    if (state.view === 'slides') fit();
  }

  function updateNotesPane() {
    if (!state.notes) return;
    const slide = slides[state.index];
    notesTitle.textContent = `Speaker notes · slide ${state.index + 1} of ${total}`;
    const sources = slide.querySelectorAll('aside.notes');
    const copies = [];
    sources.forEach((aside) => {
      aside.childNodes.forEach((node) => copies.push(node.cloneNode(true)));
    });
    if (copies.length === 0) copies.push(el('p', { text: 'No notes for this slide.' }));
    notesBody.replaceChildren(...copies);
  }

  // ----- Dialogs -----

  function openDialog() {
    if (help.dialog.open) return help.dialog;
    if (overview.dialog.open) return overview.dialog;
    return null;
  }

  function openModal(dialog) {
    const other = openDialog();
    if (other && other !== dialog) closeDialog(other);
    if (dialog.open) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }

  function closeDialog(dialog) {
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
  }

  function toggleHelp() {
    if (help.dialog.open) closeDialog(help.dialog);
    else {
      help.refresh();
      openModal(help.dialog);
    }
  }

  function toggleOverview() {
    if (overview.dialog.open) closeDialog(overview.dialog);
    else {
      overview.refresh();
      openModal(overview.dialog);
      overview.focusCurrent();
    }
  }

  function dialogShell(className, titleText, titleId) {
    const close = el('button', { type: 'button', class: 'deck-dialog__close', text: 'Close' });
    const inner = el(
      'div',
      { class: 'deck-dialog__inner' },
      el('div', { class: 'deck-dialog__head' }, el('h2', { id: titleId, text: titleText }), close),
    );
    const dialog = el('dialog', { class: `deck-dialog ${className}`, 'aria-labelledby': titleId }, inner);
    close.addEventListener('click', () => closeDialog(dialog));
    // A click on the backdrop lands on the <dialog> itself: close.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) closeDialog(dialog);
    });
    return { dialog, inner };
  }

  function buildHelp() {
    const { dialog, inner } = dialogShell('deck-help', 'Keyboard shortcuts', 'deck-help-title');
    const tbody = el('tbody');
    const table = el(
      'table',
      { class: 'deck-keys' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Action' }), el('th', { scope: 'col', text: 'Keys' }))),
      tbody,
    );
    const checkbox = el('input', { type: 'checkbox', id: 'deck-letter-keys' });
    const letters = KEY_TABLE.flatMap((e) => e.keys.filter((k) => k.character).map((k) => k.text));
    const setting = el(
      'div',
      { class: 'deck-setting' },
      checkbox,
      el(
        'label',
        { for: 'deck-letter-keys' },
        `Single-character shortcuts (${letters.join(', ')})`,
        el('small', {
          text: 'Turn them off if they clash with speech input or your screen reader. Arrow keys, Space, Page Up/Down, Home, End and Esc keep working, and the buttons below the slide do everything.',
        }),
      ),
    );
    checkbox.addEventListener('change', () => {
      state.letters = checkbox.checked;
      writeSetting(STORAGE_LETTERS, state.letters ? 'on' : 'off');
      refresh();
    });

    const viewLink = el('a', {});
    const notes = [
      el('p', { text: 'Keys do nothing while you type in an answer box; while a slider has focus, the arrow keys, Home, End, Page Up and Page Down move the slider. On a touch screen, swipe left or right to change slides.' }),
      el('p', { text: 'Links: the address ends in #/ and the slide id (for example #/practice-2), so you can share any slide and use the browser’s Back button.' }),
      el('p', {}, 'Printing (or Save as PDF) gives one slide per page; speaker notes are printed while they are shown, and solutions while they are open. ', viewLink),
    ];
    inner.append(table, setting, ...notes);

    function refresh() {
      checkbox.checked = state.letters;
      const rows = KEY_TABLE.map((entry) => {
        const cell = el('td');
        entry.keys.forEach((k, i) => {
          if (i > 0) cell.append(' ');
          const kbd = el('kbd', { text: k.text });
          if (k.character && !state.letters) {
            kbd.classList.add('is-off');
            kbd.setAttribute('aria-label', `${k.text} (off)`);
          }
          if (state.view === 'scroll' && k.scroll) {
            kbd.classList.add('is-off');
            kbd.setAttribute('aria-label', `${k.text} (scrolls the page in this view)`);
          }
          cell.append(kbd);
        });
        return el('tr', {}, el('th', { scope: 'row', text: entry.label }), cell);
      });
      tbody.replaceChildren(...rows);
      const url = new URL(location.href);
      const toScroll = state.view === 'slides';
      url.searchParams.set('view', toScroll ? 'scroll' : 'slides');
      url.hash = `#/${slides[state.index].id}`;
      viewLink.href = url.href;
      viewLink.textContent = toScroll ? 'Open the lesson as one scrolling page.' : 'Open the lesson as slides.';
    }
    refresh();
    return { dialog, refresh };
  }

  function buildOverview() {
    const { dialog, inner } = dialogShell('deck-overview', 'All slides', 'deck-overview-title');
    const list = el('ol', { class: 'overview-grid' });
    const tiles = slides.map((slide, i) => {
      const excerpt = slideExcerpt(slide, titles[i]);
      const tile = el(
        'a',
        { class: 'overview-tile', href: `#/${slide.id}` },
        el('span', { class: 'overview-tile__num', text: `${i + 1} / ${total}` }),
        el('span', { class: 'overview-tile__title', text: titles[i] }),
        excerpt ? el('span', { class: 'overview-tile__text', text: excerpt }) : null,
      );
      tile.addEventListener('click', (event) => {
        event.preventDefault();
        closeDialog(dialog);
        show(i);
        if (state.view === 'slides') slides[i].focus({ preventScroll: true });
      });
      list.append(el('li', {}, tile));
      return tile;
    });
    inner.append(list);

    function refresh() {
      tiles.forEach((tile, i) => {
        if (i === state.index) tile.setAttribute('aria-current', 'true');
        else tile.removeAttribute('aria-current');
      });
    }

    function focusCurrent() {
      tiles[state.index].focus();
    }

    /** Arrow keys move between tiles, row by row. */
    function moveFocus(event) {
      const at = tiles.indexOf(document.activeElement);
      if (at < 0) return;
      const top = tiles[0].offsetTop;
      const perRow = Math.max(1, tiles.filter((t) => t.offsetTop === top).length);
      const step = {
        ArrowRight: 1, ArrowLeft: -1, ArrowDown: perRow, ArrowUp: -perRow,
        Home: -total, End: total, PageDown: perRow, PageUp: -perRow,
      }[event.key];
      if (step === undefined) return;
      event.preventDefault();
      tiles[clamp(at + step, 0, total - 1)].focus();
    }

    return { dialog, refresh, focusCurrent, moveFocus };
  }

  // ----- Formulas too wide for a small screen scroll sideways: make them reachable by keyboard -----

  let formulaTimer = 0;
  function markWideFormulas() {
    formulaTimer = 0;
    document.querySelectorAll('.formula').forEach((box) => {
      const wide = box.clientWidth > 0 && box.scrollWidth > box.clientWidth + 1;
      if (wide && box.getAttribute('tabindex') !== '0') box.setAttribute('tabindex', '0');
      else if (!wide && box.getAttribute('tabindex') === '0') box.removeAttribute('tabindex');
    });
  }
  const scheduleFormulas = () => {
    if (!formulaTimer) formulaTimer = setTimeout(markWideFormulas, 150);
  };
  window.addEventListener('resize', scheduleFormulas);
  document.addEventListener('toggle', scheduleFormulas, true);
  document.addEventListener('deck:slidechange', scheduleFormulas);

  // ----- Print -----

  window.addEventListener('beforeprint', () => {
    slides.forEach((s) => {
      s.hidden = false;
    });
    emitLayout('print', 1);
  });
  window.addEventListener('afterprint', () => {
    applyView(state.view);
    emitLayout(state.view, state.scale);
  });

  // ----- Start -----

  const initialId = idFromHash(location.hash);
  state.index = initialId === null ? 0 : indexById.get(initialId);
  applyView(wantedView());
  if (initialId === null && location.hash) updateHash('replace');
  if (state.view === 'scroll' && state.index > 0) scrollToSlide(state.index, false);

  window.deck = Object.freeze({
    go: (id) => goToId(id),
    next: () => next(),
    prev: () => prev(),
    current: () => ({ id: slides[state.index].id, index: state.index, total }),
    get scale() {
      return state.scale;
    },
  });

  // Scripts loaded after this one (www/app.js) get the first slidechange once they ran.
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    state.ready = true;
    fit();
    emitLayout(state.view, state.scale);
    emitSlideChange();
  };
  if (document.readyState === 'loading' || document.readyState === 'interactive') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
    window.addEventListener('load', start, { once: true });
  } else {
    setTimeout(start, 0);
  }
  window.addEventListener('load', () => keepPinned());
}

// ----- Helpers -----

function slideTitle(slide) {
  const heading = slide.querySelector('h1, h2');
  const text = heading ? heading.textContent : slide.id;
  return text.replace(/\s+/g, ' ').trim();
}

function slideExcerpt(slide, title) {
  const parts = [];
  for (const node of slide.querySelectorAll('p, li')) {
    if (node.closest('.notes, details, form, .figure-mount')) continue;
    parts.push(node.textContent.replace(/\s+/g, ' ').trim());
    if (parts.join(' ').length > 140) break;
  }
  const text = parts.join(' ').trim();
  if (!text || text === title) return '';
  return text.length > 140 ? `${text.slice(0, 137).trimEnd()}…` : text;
}

/**
 * Embed mode from the query: { embedded, only (the one slide to hold, or null), theme }.
 * `only` is a slide id or `figure:KIND` (the slide of the first figure of that kind); anything
 * else is ignored. Marks <html> with data-embed and data-only, and hides the other slides.
 */
function readEmbed(all) {
  let query;
  try {
    query = new URLSearchParams(location.search);
  } catch {
    query = new URLSearchParams();
  }
  const wanted = query.get('only');
  const embedded = query.has('embed') || wanted !== null;
  let only = null;
  if (embedded && wanted) {
    const figure = /^figure:([a-z][a-z0-9-]{0,31})$/.exec(wanted);
    const target = figure
      ? document.querySelector(`.figure-mount[data-figure="${figure[1]}"]`)
      : /^[A-Za-z][\w-]{0,63}$/.test(wanted) && document.getElementById(wanted);
    const slide = target ? target.closest('section.slide[id]') : null;
    if (slide && all.includes(slide) && (figure || slide === target)) only = slide;
  }
  if (embedded) root.dataset.embed = '';
  if (only) {
    root.dataset.only = wanted;
    all.forEach((s) => {
      if (s !== only) s.hidden = true;
    });
  }
  const theme = query.get('theme');
  return { embedded, only, theme: theme === 'dark' || theme === 'light' ? theme : null };
}

function readForcedView() {
  try {
    const view = new URLSearchParams(location.search).get('view');
    return view === 'scroll' || view === 'slides' ? view : null;
  } catch {
    return null;
  }
}

/** Reads a stored setting; anything but an allowed value falls back (and is cleared). */
function readSetting(key, allowed, fallback) {
  try {
    const value = window.localStorage.getItem(key);
    if (value === null) return fallback;
    if (allowed.includes(value)) return value;
    window.localStorage.removeItem(key);
  } catch {
    // Storage disabled or blocked: use the default.
  }
  return fallback;
}

function writeSetting(key, value) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not persisted; the setting still applies to this visit.
  }
}

function isTextEntry(node) {
  if (node.isContentEditable) return true;
  const tag = node.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUT_TYPES.has((node.getAttribute('type') || 'text').toLowerCase());
  const role = node.getAttribute('role');
  return role !== null && TEXT_ROLES.has(role);
}

function ownsArrowKeys(node) {
  if (node.tagName === 'INPUT') {
    const type = (node.getAttribute('type') || '').toLowerCase();
    if (type === 'range' || type === 'radio') return true;
  }
  const widget = node.closest('[role]');
  return widget !== null && WIDGET_ROLES.has(widget.getAttribute('role'));
}

function clamp(n, lo, hi) {
  return Math.min(hi, Math.max(lo, n));
}

function emit(name, detail) {
  document.dispatchEvent(new CustomEvent(name, { detail }));
}

function onMediaChange(query, handler) {
  if (typeof query.addEventListener === 'function') query.addEventListener('change', handler);
  else if (typeof query.addListener === 'function') query.addListener(handler);
}

/** Creates an element. Text goes in via textContent only; no HTML parsing. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Icons as lists of SVG path data on a 24×24 grid. */
const ICONS = {
  prev: ['M15 5l-7 7 7 7'],
  next: ['M9 5l7 7-7 7'],
  grid: ['M4 4h6v6H4z', 'M14 4h6v6h-6z', 'M4 14h6v6H4z', 'M14 14h6v6h-6z'],
  notes: ['M6 3h9l4 4v14H6z', 'M14 3v5h5', 'M9 12h7', 'M9 16h7'],
  keyboard: ['M3 6h18v12H3z', 'M7 10h0', 'M11 10h0', 'M15 10h0', 'M8 14h8'],
  moon: ['M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z'],
};

function icon(paths) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of paths) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

function toolButton(name, paths, onClick) {
  const button = el('button', { type: 'button', 'aria-label': name, title: name }, icon(paths));
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    onClick();
  });
  return button;
}

// Last, so that every constant above is initialised.
if (main && slides.length > 0) {
  init();
}
