/** Kiosk lockdown: keeps browser menus, gestures, shortcuts and every way off the page away from visitors. */
import { blocksKey } from './key-policy';
import { allowsNavigation } from './nav-policy';

/** Whether `target` is a text field staff may type in: an input or textarea marked (or inside) `data-allow-typing`. */
export function isTypingField(target: EventTarget | null): boolean {
  const el = target instanceof Node && !(target instanceof Element) ? target.parentElement : target;
  return (
    el instanceof Element &&
    el.matches('input, textarea') &&
    el.closest('[data-allow-typing]') !== null
  );
}

/** Whether the event passed through a link (an HTML or SVG `<a>`, or an image map's `<area>`). */
function throughLink(e: Event): boolean {
  return e.composedPath().some((n) => n instanceof Element && n.matches('a, area'));
}

/**
 * Installs the lockdown on `win` and returns its undo. Every listener is in the capture phase on the
 * window, so it runs before the page's own; none stops propagation, so the page (and a test) still
 * hears every event — only the browser's default action is cancelled.
 */
export function installLockdown(win: Window = window): () => void {
  const doc = win.document;
  const cancel = (e: Event) => e.preventDefault();
  const cancelOutsideFields = (e: Event) => {
    if (!isTypingField(e.target)) e.preventDefault();
  };
  const handlers: Record<string, (e: never) => void> = {
    keydown: (e: KeyboardEvent) => {
      if (blocksKey(e, isTypingField(e.target))) e.preventDefault();
    },
    // Context menus (right click, long press, the menu key) offer Inspect, Save, Print and Back.
    contextmenu: cancel,
    // Long-press and double-tap selection, select-all; staff's fields keep theirs.
    selectstart: cancelOutsideFields,
    // Dragging an image or link out, and dropping a file or URL in (which would open it).
    dragstart: cancel,
    dragover: (e: DragEvent) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
    },
    drop: cancel,
    // Links, whatever the button or modifier: a plain, ctrl-, shift- or middle click on `<a>` opens
    // a page, tab or window. Forms submit nowhere (the CSP says so too: form-action 'none').
    click: (e: MouseEvent) => {
      if (throughLink(e)) e.preventDefault();
    },
    auxclick: cancel,
    submit: cancel,
    // The middle button scrolls by itself (or pastes); the mouse's back and forward buttons navigate.
    mousedown: (e: MouseEvent) => {
      if (e.button === 1) e.preventDefault();
    },
    mouseup: (e: MouseEvent) => {
      if (e.button === 3 || e.button === 4) e.preventDefault();
    },
    // Pinch zoom: two fingers on a touch screen, ctrl+wheel from a touchpad pinch or a mouse.
    touchmove: (e: TouchEvent) => {
      if (e.touches.length > 1) e.preventDefault();
    },
    wheel: (e: WheelEvent) => {
      if (e.ctrlKey) e.preventDefault();
    },
    gesturestart: cancel, // Safari's pinch
  };
  const opts = { capture: true, passive: false } as const;
  for (const [type, fn] of Object.entries(handlers))
    win.addEventListener(type, fn as EventListener, opts);

  // A selection made anyway (a gesture the events above missed) is cleared, outside staff's fields.
  const onSelection = () => {
    const selection = doc.getSelection();
    if (selection && !selection.isCollapsed && !isTypingField(doc.activeElement))
      selection.removeAllRanges();
  };
  doc.addEventListener('selectionchange', onSelection);

  // Script can open windows too (content, a library): it gets no window.
  const open = win.open;
  win.open = () => null;

  // The last line: any navigation that gets past the listeners above (a link clicked outside the
  // document, `form.submit()`, `location.assign`, history) is cancelled before it starts. This needs
  // no `beforeunload`, which would show visitors a dialog.
  const navigation = 'navigation' in win ? win.navigation : undefined;
  const onNavigate = (e: NavigateEvent) => {
    const attempt = {
      type: e.navigationType,
      from: win.location.href,
      to: e.destination.url,
      sameDocument: e.destination.sameDocument,
      download: e.downloadRequest !== null,
    };
    if (e.cancelable && !allowsNavigation(attempt)) e.preventDefault();
  };
  navigation?.addEventListener('navigate', onNavigate);

  return () => {
    for (const [type, fn] of Object.entries(handlers))
      win.removeEventListener(type, fn as EventListener, opts);
    doc.removeEventListener('selectionchange', onSelection);
    win.open = open;
    navigation?.removeEventListener('navigate', onNavigate);
  };
}
