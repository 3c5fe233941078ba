// Keeps a canvas sharp and current: backing store × devicePixelRatio × the deck's scale, one
// redraw per frame, redrawn on resize, on slide change, on the deck's re-layout and on theme change.

export function isDark() {
  const theme = document.documentElement.dataset.theme;
  if (theme === 'dark' || theme === 'light') return theme === 'dark';
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

// `paint(canvas, scale, dark)` draws at the canvas's backing size. Returns `request()`, which
// redraws on the next frame; `request.now()` redraws at once (for input events).
export function keepDrawn(canvas, paint, onError) {
  let pending = false;
  const frame = () => {
    pending = false;
    const layoutWidth = canvas.clientWidth;
    if (layoutWidth === 0) return; // hidden: drawn when it is shown
    const box = canvas.getBoundingClientRect();
    const onScreen = box.width > 0 ? box.width / layoutWidth : 1; // the deck may scale slides
    const scale = (window.devicePixelRatio || 1) * onScreen;
    const width = Math.round(layoutWidth * scale);
    const height = Math.round(canvas.clientHeight * scale);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    try {
      paint(canvas, scale, isDark());
    } catch (error) {
      onError(error);
    }
  };
  const request = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => { if (pending) frame(); });
    }
  };
  request.now = frame;
  new ResizeObserver(request).observe(canvas);
  document.addEventListener('deck:slidechange', request);
  document.addEventListener('deck:layout', request);
  window.addEventListener('resize', request);
  new MutationObserver(request).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', request);
  const watchPixelRatio = () => {
    window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener('change', () => {
      request();
      watchPixelRatio();
    }, { once: true });
  };
  watchPixelRatio();
  request();
  return request;
}
