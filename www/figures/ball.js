// The rolling ball: the same push on four surfaces. Rust moves and draws the balls; this file
// only runs the clock (play, pause, push once, reset). Under reduced motion it steps instead.
import { range, button, mountFrame, urlSettings } from './common.js';

const MAX_PUSHES = 8;

export function mountBall(mount, id) {
  const push = range(`${id}-push`, 'Push strength', { min: 0.25, max: 2, step: 0.25, value: 1 });
  const play = button('Play', { 'aria-pressed': 'false' });
  const once = button('Push once');
  const reset = button('Reset');
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  let elapsed = 0;
  let playing = false;
  let last = 0;

  const frame = mountFrame(mount, id, {
    kind: 'ball',
    short: 'rolling ball',
    name: 'Four small graphs, each a surface with a ball pushed by the same amount: the sigmoid far out (a plateau), the sigmoid at its centre, ReLU’s positive side and ReLU’s negative side; a hollow circle marks where each ball started',
    controls: [push.wrapper, play, once, reset],
    numbers: () => [Number(push.input.value), elapsed],
    setNumbers: ([p, t]) => {
      push.input.value = String(p ?? 1);
      elapsed = Number.isFinite(t) ? t : 0;
    },
    onTexts: (lines) => {
      push.input.setAttribute('aria-valuetext', lines[2]);
      push.shown.textContent = `push ${push.input.value}`;
      if (lines[4] === '1') stop();
      play.textContent = playing ? 'Pause' : lines[4] === '1' ? 'Play again' : 'Play';
      return [];
    },
  });

  function stop() {
    playing = false;
    play.setAttribute('aria-pressed', 'false');
  }
  function tick(now) {
    if (!playing) return;
    const seconds = Math.min(0.1, Math.max(0, (now - last) / 1000));
    last = now;
    elapsed = Math.min(MAX_PUSHES, elapsed + seconds);
    frame.update({ share: !playing || elapsed >= MAX_PUSHES });
    if (playing) requestAnimationFrame(tick);
  }
  function showMotionChoice() {
    play.hidden = reduceMotion.matches;
    if (reduceMotion.matches) stop();
  }
  play.addEventListener('click', () => {
    if (playing) {
      stop();
      frame.update();
      return;
    }
    if (elapsed >= MAX_PUSHES) elapsed = 0;
    playing = true;
    play.setAttribute('aria-pressed', 'true');
    play.textContent = 'Pause';
    last = performance.now();
    requestAnimationFrame(tick);
  });
  once.addEventListener('click', () => {
    stop();
    elapsed = Math.min(MAX_PUSHES, Math.floor(elapsed + 1e-9) + 1);
    frame.update();
  });
  reset.addEventListener('click', () => {
    stop();
    elapsed = 0;
    frame.update();
  });
  push.input.addEventListener('input', () => {
    stop();
    elapsed = 0;
    frame.update();
  });
  reduceMotion.addEventListener('change', showMotionChoice);
  showMotionChoice();
  const stored = urlSettings('ball');
  if (stored.length) {
    push.input.value = String(stored[0]);
    elapsed = stored[1];
  }
  frame.update({ share: false });
}
