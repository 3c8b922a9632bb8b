/** Kiosk lockdown: keeps browser gestures, menus and shortcuts away from visitors. Returns its undo. */

const BLOCKED_KEYS = new Set([
  'F1',
  'F3',
  'F5',
  'F6',
  'F7',
  'F11',
  'F12',
  'BrowserBack',
  'BrowserForward',
]);
const BLOCKED_WITH_CTRL = new Set([
  'r',
  'w',
  'n',
  't',
  'p',
  's',
  'o',
  'f',
  'g',
  'h',
  'j',
  'l',
  'u',
  '+',
  '-',
  '=',
  '0',
]);

export function installLockdown(win: Window = window): () => void {
  const stop = (e: Event) => e.preventDefault();
  const onKey = (e: KeyboardEvent) => {
    const ctrl = e.ctrlKey || e.metaKey;
    if (
      BLOCKED_KEYS.has(e.key) ||
      (ctrl && BLOCKED_WITH_CTRL.has(e.key.toLowerCase())) ||
      (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home'))
    ) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  const onWheel = (e: WheelEvent) => {
    if (e.ctrlKey) e.preventDefault(); // pinch-zoom on touchpads arrives as ctrl+wheel
  };
  const onTouchMove = (e: TouchEvent) => {
    if (e.touches.length > 1) e.preventDefault(); // pinch
  };
  const doc = win.document;
  const opts = { passive: false, capture: true } as const;
  doc.addEventListener('contextmenu', stop, opts);
  doc.addEventListener('selectstart', stop, opts);
  doc.addEventListener('dragstart', stop, opts);
  doc.addEventListener('dblclick', stop, opts);
  doc.addEventListener('gesturestart', stop, opts);
  doc.addEventListener('touchmove', onTouchMove, opts);
  win.addEventListener('keydown', onKey, opts);
  win.addEventListener('wheel', onWheel, opts);
  return () => {
    doc.removeEventListener('contextmenu', stop, opts);
    doc.removeEventListener('selectstart', stop, opts);
    doc.removeEventListener('dragstart', stop, opts);
    doc.removeEventListener('dblclick', stop, opts);
    doc.removeEventListener('gesturestart', stop, opts);
    doc.removeEventListener('touchmove', onTouchMove, opts);
    win.removeEventListener('keydown', onKey, opts);
    win.removeEventListener('wheel', onWheel, opts);
  };
}
