import { describe, expect, it } from 'vitest';
import { blocksKey, type KeyPress } from './key-policy';

/** A press written as Playwright names it: "Control+Shift+I", "F5", "Alt+ArrowLeft", "Backspace". */
function press(combo: string): KeyPress {
  const parts = combo.split('+');
  const key = parts.pop() || '+'; // "Control++" is Ctrl with the plus key
  const has = (m: string) => parts.includes(m);
  return {
    key,
    ctrlKey: has('Control'),
    metaKey: has('Meta'),
    altKey: has('Alt'),
    shiftKey: has('Shift'),
  };
}
const blocked = (combo: string, typing = false) => blocksKey(press(combo), typing);

// Everything issue 7 names, and a few more the browser knows.
const SHORTCUTS = [
  'F5',
  'Control+r',
  'Control+Shift+R',
  'F12',
  'Control+Shift+I',
  'Control+Shift+J',
  'Control+Shift+C',
  'Control+k',
  'Control+e',
  'Control+d',
  'Control+Tab',
  'Control+Shift+Tab',
  'Control+PageUp',
  'Control+PageDown',
  'Alt+ArrowLeft',
  'Alt+ArrowRight',
  'Alt+Home',
  'Control+l',
  'Control+w',
  'Control+n',
  'Control+t',
  'Control+p',
  'Control+s',
  'Control+o',
  'Control+f',
  'Control+g',
  'Control+h',
  'Control+j',
  'Control+u',
  'Control+=',
  'Control++',
  'Control+-',
  'Control+0',
  'Control+Shift+N',
  'Control+Shift+T',
  'Control+Shift+Q',
  'Control+Shift+Delete',
  'Shift+Escape',
  'Alt+f',
  'Alt+e',
  'Alt+d',
  'F1',
  'F3',
  'F6',
  'F7',
  'F10',
  'Shift+F10',
  'F11',
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'ContextMenu',
  'Meta+r',
  'Meta+Alt+i',
  'Meta+l',
];

describe('the key lockdown', () => {
  it('blocks every browser shortcut, outside a text field and inside one', () => {
    for (const combo of SHORTCUTS) {
      expect(blocked(combo), combo).toBe(true);
      expect(blocked(combo, true), `${combo} while typing`).toBe(true);
    }
  });

  it('blocks select-all, copy and Backspace on the page itself, where they have nothing to do', () => {
    for (const combo of ['Control+a', 'Control+c', 'Control+v', 'Backspace'])
      expect(blocked(combo), combo).toBe(true);
  });

  it('lets plain keys through: a keyboard can still move focus and press buttons', () => {
    for (const combo of ['Tab', 'Shift+Tab', 'Enter', ' ', 'Escape', 'ArrowLeft', 'a', '7'])
      expect(blocked(combo), combo).toBe(false);
  });

  it('lets staff type and edit in a marked field: digits, letters, Backspace, Enter, editing shortcuts', () => {
    const editing = [
      '1',
      '9',
      'h',
      'Shift+H',
      ':',
      '/',
      'Backspace',
      'Delete',
      'Enter',
      'ArrowLeft',
      'Shift+ArrowRight',
      'Home',
      'End',
      'Control+a',
      'Control+c',
      'Control+v',
      'Control+x',
      'Control+z',
      'Control+Shift+Z',
      'Control+y',
      'Control+Backspace',
      'Control+ArrowLeft',
      'Control+Shift+ArrowRight',
      'Meta+v',
    ];
    for (const combo of editing) expect(blocked(combo, true), combo).toBe(false);
  });

  it('lets AltGr characters through in a field (Windows reports AltGr as Ctrl+Alt), and nowhere else', () => {
    expect(blocked('Control+Alt+@', true)).toBe(false);
    expect(blocked('Control+Alt+@')).toBe(true);
    expect(blocked('Control+Alt+ArrowLeft', true)).toBe(true);
  });

  it('never stands in the way of a modifier alone or an input method composing', () => {
    for (const key of ['Control', 'Shift', 'Alt', 'Meta']) expect(blocked(key)).toBe(false);
    expect(blocksKey({ ...press('Process'), isComposing: true }, true)).toBe(false);
    expect(blocksKey({ ...press('n'), isComposing: true }, true)).toBe(false);
  });
});
