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
  const listeners: [EventTarget, string, EventListener][] = [
    ...['contextmenu', 'selectstart', 'dragstart', 'dblclick', 'gesturestart'].map(
      (type): [EventTarget, string, EventListener] => [doc, type, stop],
    ),
    [doc, 'touchmove', onTouchMove as EventListener],
    [win, 'keydown', onKey as EventListener],
    [win, 'wheel', onWheel as EventListener],
  ];
  for (const [target, type, fn] of listeners) target.addEventListener(type, fn, opts);
  return () => {
    for (const [target, type, fn] of listeners) target.removeEventListener(type, fn, opts);
  };
}
