/** Which key presses the kiosk lets through to the browser: the pure rule behind the keyboard lockdown. */

/** The parts of a `KeyboardEvent` the rule reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

/** Keys that act on the browser or the system whatever is focused (media keyboards, menus, help). */
const BROWSER_KEYS = new Set([
  'BrowserBack',
  'BrowserForward',
  'BrowserHome',
  'BrowserRefresh',
  'BrowserSearch',
  'BrowserFavorites',
  'BrowserStop',
  'ContextMenu',
  'Help',
  'Print',
  'Find',
  'Open',
  'Save',
  'Close',
  'New',
  'ZoomIn',
  'ZoomOut',
  'ZoomToggle',
]);

/** Pressing only a modifier does nothing by itself; holding it is what the next key is judged with. */
const MODIFIERS = new Set(['Control', 'Shift', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);

/** Ctrl (or ⌘) combinations that only edit the text of a field staff are typing in. */
const EDITING_WITH_CTRL = new Set([
  'a',
  'c',
  'v',
  'x',
  'z',
  'y',
  'arrowleft',
  'arrowright',
  'arrowup',
  'arrowdown',
  'home',
  'end',
  'backspace',
  'delete',
]);
/** With Shift as well only redo, paste as text and extending a selection by words or lines. */
const EDITING_WITH_CTRL_SHIFT = new Set([
  'z',
  'v',
  'arrowleft',
  'arrowright',
  'arrowup',
  'arrowdown',
  'home',
  'end',
]);

/**
 * Pure: whether the kiosk must cancel this key press. `typing` says the press goes to a text field
 * staff may type in (marked `data-allow-typing`); there editing keys and combinations work, while
 * everything that reaches the browser (reload, devtools, find, tabs, history, zoom) stays blocked.
 * Outside such a field every Ctrl/⌘ and Alt combination is blocked, not only the known shortcuts, so
 * a shortcut added by a future browser is blocked too.
 */
export function blocksKey(press: KeyPress, typing: boolean): boolean {
  const { key } = press;
  if (MODIFIERS.has(key)) return false;
  if (press.isComposing || key === 'Process') return false; // an input method at work (pinyin)
  if (/^F\d{1,2}$/.test(key) || BROWSER_KEYS.has(key)) return true; // F5, F11, F12, F3, F6…
  if (press.shiftKey && key === 'Escape') return true; // Chromium's task manager
  const ctrl = press.ctrlKey || press.metaKey;
  if (press.altKey) {
    // Windows reports AltGr as Ctrl+Alt: it types characters such as @ or € on many layouts.
    return !(typing && press.ctrlKey && !press.metaKey && [...key].length === 1);
  }
  if (ctrl) {
    const k = key.toLowerCase();
    return !(typing && (press.shiftKey ? EDITING_WITH_CTRL_SHIFT : EDITING_WITH_CTRL).has(k));
  }
  // Backspace went back a page in older browsers; outside a field it has nothing to delete.
  return !typing && key === 'Backspace';
}
