/** Scenario 16, kiosk escape: shortcuts, touch gestures, links, forms and popups never take a visitor off the app. */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { bootToHome, demoContent, expect, tap, test, waitForScene } from './kiosk';

/** What the test listens for, after the app's own listeners: whether each event's default was cancelled. */
interface Probe {
  marker: true;
  seen: { type: string; key: string; prevented: boolean }[];
}
declare global {
  interface Window {
    lockdownProbe?: Probe;
  }
}

const PROBED = [
  'keydown',
  'contextmenu',
  'selectstart',
  'dragstart',
  'click',
  'auxclick',
  'submit',
];

/** Starts listening (capture phase on window, so after the app's listeners there) and marks the document. */
async function probe(page: Page): Promise<void> {
  await page.evaluate((types) => {
    const probe: Probe = { marker: true, seen: [] };
    window.lockdownProbe = probe;
    for (const type of types)
      window.addEventListener(
        type,
        (e) =>
          probe.seen.push({
            type,
            key: (e as KeyboardEvent).key ?? '',
            prevented: e.defaultPrevented,
          }),
        { capture: true },
      );
  }, PROBED);
}

/** Events of `type` the probe saw since the last call, and forgets them. */
async function seen(page: Page, type: string): Promise<Probe['seen']> {
  return page.evaluate((t) => {
    const probe = window.lockdownProbe!;
    const hits = probe.seen.filter((s) => s.type === t);
    probe.seen = probe.seen.filter((s) => s.type !== t);
    return hits;
  }, type);
}

/** Every page open in the whole browser (Ctrl+N would open its window outside the test's context). */
async function browserPages(browser: Browser): Promise<string[]> {
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  await session.detach();
  return targetInfos.filter((t) => t.type === 'page').map((t) => t.url);
}

/** Counts pages and popups the context opens from now on. */
function watchPopups(context: BrowserContext): string[] {
  const opened: string[] = [];
  context.on('page', (p) => opened.push(p.url() || '(new page)'));
  return opened;
}

/** The kiosk is where it was: same URL, same document, not zoomed, nothing selected, no other page. */
async function expectStillThere(
  page: Page,
  browser: Browser,
  url: string,
  opened: string[],
  what: string,
) {
  expect(page.isClosed(), `${what}: the page was closed`).toBe(false);
  expect(page.url(), what).toBe(url);
  const state = await page.evaluate(() => ({
    href: location.href,
    sameDocument: window.lockdownProbe?.marker === true,
    scale: window.visualViewport!.scale,
    selection: window.getSelection()!.toString(),
  }));
  expect(state, what).toEqual({ href: url, sameDocument: true, scale: 1, selection: '' });
  expect(opened, `${what}: a page or popup opened`).toEqual([]);
  expect(await browserPages(browser), `${what}: pages in the browser`).toEqual([url]);
}

const MODIFIER_BITS = { Alt: 1, Control: 2, Meta: 4, Shift: 8 } as const;
const NAMED: Record<string, [code: string, keyCode: number]> = {
  Tab: ['Tab', 9],
  PageUp: ['PageUp', 33],
  PageDown: ['PageDown', 34],
  Home: ['Home', 36],
  ArrowLeft: ['ArrowLeft', 37],
  ArrowRight: ['ArrowRight', 39],
  Backspace: ['Backspace', 8],
  Enter: ['Enter', 13],
  '=': ['Equal', 187],
  '+': ['Equal', 187],
  '-': ['Minus', 189],
};

/** Presses a combination such as "Control+Shift+I" through CDP, as a keyboard would (key down, key up). */
async function pressKey(cdp: CDPSession, combo: string): Promise<void> {
  const parts = combo.split('+');
  const key = parts.pop() || '+';
  const modifiers = parts.reduce((m, p) => m | MODIFIER_BITS[p as keyof typeof MODIFIER_BITS], 0);
  const [code, keyCode] = /^[a-z]$/i.test(key)
    ? [`Key${key.toUpperCase()}`, key.toUpperCase().charCodeAt(0)]
    : /^[0-9]$/.test(key)
      ? [`Digit${key}`, key.charCodeAt(0)]
      : /^F\d+$/.test(key)
        ? [key, 111 + Number(key.slice(1))]
        : NAMED[key]!;
  // A key that types (no Ctrl, Alt or ⌘) goes down with its text; a shortcut goes down raw.
  const types = (modifiers & 7) === 0 && [...key].length === 1;
  const event = {
    key,
    code,
    windowsVirtualKeyCode: keyCode,
    nativeVirtualKeyCode: keyCode,
    modifiers,
  };
  await cdp.send('Input.dispatchKeyEvent', {
    ...event,
    type: types ? 'keyDown' : 'rawKeyDown',
    ...(types ? { text: key } : {}),
  });
  await cdp.send('Input.dispatchKeyEvent', { ...event, type: 'keyUp' });
}

// Everything issue 7 names, and more the browser knows. Ctrl+W/T/N and tab switching reach the page
// only in a fullscreen window, as the kiosk's is (elsewhere Chromium keeps them for itself). The
// devtools keys come last: an open devtools window would take the keys that follow.
const SHORTCUTS = [
  'Alt+ArrowLeft',
  'Alt+ArrowRight',
  'Alt+Home',
  'Backspace',
  'Control+t',
  'Control+n',
  'Control+Shift+N',
  'Control+Shift+T',
  'Control+Tab',
  'Control+Shift+Tab',
  'Control+PageUp',
  'Control+PageDown',
  'Control+w',
  'F5',
  'Control+r',
  'Control+Shift+R',
  'Control+l',
  'Control+k',
  'Control+e',
  'Control+d',
  'Control+p',
  'Control+s',
  'Control+o',
  'Control+f',
  'Control+g',
  'Control+h',
  'Control+j',
  'Control+u',
  'Control+=',
  'Control+Shift++',
  'Control+-',
  'Control+0',
  'Control+a',
  'F3',
  'F6',
  'F7',
  'Control+Shift+I',
  'Control+Shift+J',
  'Control+Shift+C',
  'F12',
];

/** Boots the kiosk with a page of the same origin behind it in history, so "back" has somewhere to go. */
async function bootWithHistory(page: Page, serverUrl: string): Promise<string> {
  await page.goto(`${serverUrl}/feed/index.json`);
  await bootToHome(page, serverUrl);
  await probe(page);
  return page.url();
}

test('no shortcut reloads, navigates, opens a tab or window, zooms or selects — and a staff field still types', async ({
  page,
  browser,
  context,
  server,
}) => {
  const opened = watchPopups(context);
  const url = await bootWithHistory(page, server.url);
  const cdp = await context.newCDPSession(page);
  const { windowId } = await cdp.send('Browser.getWindowForTarget');
  const windowState = async () =>
    (await cdp.send('Browser.getWindowBounds', { windowId })).bounds.windowState;
  // F11 first, in an ordinary window: it does not go fullscreen. (In a fullscreen window Chromium
  // keeps F11 for itself, to leave fullscreen; kiosk mode disables it.)
  expect(await windowState()).toBe('normal');
  await pressKey(cdp, 'F11');
  await page.waitForTimeout(300);
  expect((await seen(page, 'keydown')).map((d) => d.prevented)).toEqual([true]);
  expect(await windowState()).toBe('normal');
  // The kiosk's window is fullscreen (Chromium's --kiosk): there the page decides every shortcut.
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'fullscreen' } });

  for (const combo of SHORTCUTS) {
    await pressKey(cdp, combo);
    await page.waitForTimeout(150); // a reload, new tab or history step would have begun by now
    const downs = await seen(page, 'keydown');
    expect(downs.length, `${combo} reached the page`).toBe(1);
    expect(downs[0]!.prevented, `${combo} was cancelled`).toBe(true);
    await expectStillThere(page, browser, url, opened, combo);
  }

  // Staff's fields (PIN, feed address) type digits, Backspace and Enter; shortcuts stay blocked.
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.setAttribute('data-allow-typing', '');
    input.id = 'staff-field';
    input.style.cssText = 'position:fixed;left:40%;top:40%;z-index:99;font-size:32px';
    document.body.append(input);
    input.focus();
  });
  for (const combo of ['1', '2', '3', '4', 'Backspace', '9', 'Enter']) await pressKey(cdp, combo);
  expect(await page.inputValue('#staff-field')).toBe('1239');
  expect((await seen(page, 'keydown')).filter((d) => d.prevented)).toEqual([]);
  await pressKey(cdp, 'Control+a'); // select-all inside the field selects its text
  expect((await seen(page, 'keydown')).map((d) => d.prevented)).toEqual([false]);
  expect(
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#staff-field')!;
      return [input.selectionStart, input.selectionEnd];
    }),
  ).toEqual([0, 4]);
  for (const combo of [
    'Control+r',
    'F5',
    'Control+Shift+I',
    'Alt+ArrowLeft',
    'Control+l',
    'Control+w',
  ]) {
    await pressKey(cdp, combo);
    const downs = await seen(page, 'keydown');
    expect(
      downs.map((d) => d.prevented),
      `${combo} in a staff field`,
    ).toEqual([true]);
  }
  await page.evaluate(() => document.querySelector('#staff-field')!.remove());
  await page.waitForTimeout(300);
  await expectStillThere(page, browser, url, opened, 'shortcuts in a staff field');
});

/** The centre of the first element matching `selector`. */
async function centre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(selector).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const pause = (page: Page, ms: number) => page.waitForTimeout(ms);

test('pinch, double-tap, long-press, right click, swipes and drags neither zoom, select, open a menu, go back nor drag', async ({
  page,
  browser,
  context,
  server,
}) => {
  const opened = watchPopups(context);
  const url = await bootWithHistory(page, server.url);
  const cdp = await context.newCDPSession(page);
  const touch = (type: string, touchPoints: { x: number; y: number; id: number }[]) =>
    cdp.send('Input.dispatchTouchEvent', { type: type as 'touchStart', touchPoints });
  const mouse = (type: string, at: { x: number; y: number }, extra: object = {}) =>
    cdp.send('Input.dispatchMouseEvent', { type: type as 'mousePressed', ...at, ...extra });
  // A drag that starts anyway is caught here rather than performed.
  const drags: string[] = [];
  cdp.on('Input.dragIntercepted', (e) =>
    drags.push(JSON.stringify(e.data.items.map((i) => i.mimeType))),
  );
  await cdp.send('Input.setInterceptDrags', { enabled: true });
  // Content the pack could show: an image without draggable="false", and a link.
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = '/icon.png';
    img.id = 'loose-image';
    img.style.cssText = 'position:fixed;right:40px;bottom:40px;width:160px;z-index:99';
    const a = document.createElement('a');
    a.href = 'https://example.org/';
    a.id = 'loose-link';
    a.textContent = 'example.org';
    a.style.cssText = 'position:fixed;left:40px;bottom:40px;font-size:48px;z-index:99';
    document.body.append(img, a);
  });
  await expect(page.locator('#loose-image')).toHaveJSProperty('complete', true);
  const text = await centre(page, '.welcome');

  // Two fingers spreading apart on the screen.
  const spread = (d: number) => [
    { x: text.x - d, y: text.y, id: 1 },
    { x: text.x + d, y: text.y, id: 2 },
  ];
  await touch('touchStart', spread(40));
  for (let d = 60; d <= 400; d += 20) await touch('touchMove', spread(d));
  await touch('touchEnd', []);
  await pause(page, 300);
  await expectStillThere(page, browser, url, opened, 'two-finger pinch');

  // Chromium's own pinch, as a touch screen and as a touchpad makes it.
  for (const gestureSourceType of ['touch', 'mouse'] as const) {
    await cdp.send('Input.synthesizePinchGesture', {
      ...text,
      scaleFactor: 3,
      relativeSpeed: 2400,
      gestureSourceType,
    });
    await pause(page, 300);
    await expectStillThere(page, browser, url, opened, `synthesised ${gestureSourceType} pinch`);
  }
  // Ctrl+wheel (a mouse, or a touchpad pinch as the page sees it).
  await mouse('mouseWheel', text, { deltaX: 0, deltaY: -600, modifiers: 2 });
  await pause(page, 300);
  await expectStillThere(page, browser, url, opened, 'ctrl+wheel');

  // Double-tap on text and on an image.
  for (const at of [text, await centre(page, '#loose-image')]) {
    await cdp.send('Input.synthesizeTapGesture', {
      ...at,
      tapCount: 2,
      gestureSourceType: 'touch',
    });
    await pause(page, 400);
    await expectStillThere(page, browser, url, opened, 'double-tap');
  }

  // Long-press (~1 s) on text, an image and a link: no menu, no selection, no drag, no navigation.
  // (Headless Chromium makes no long-press gesture of a CDP touch held still: the hold arrives as a
  // tap, so it selects and clicks, and on the link tries to follow it. The menu is the right click's.)
  for (const selector of ['.welcome', '#loose-image', '#loose-link']) {
    const at = await centre(page, selector);
    await touch('touchStart', [{ ...at, id: 1 }]);
    await pause(page, 1000);
    await touch('touchEnd', []);
    await pause(page, 250);
    expect((await seen(page, 'contextmenu')).filter((m) => !m.prevented)).toEqual([]);
    expect(drags, `long-press on ${selector}`).toEqual([]);
    await expectStillThere(page, browser, url, opened, `long-press on ${selector}`);
  }
  expect((await seen(page, 'click')).map((c) => c.prevented)).toContain(true); // the link's

  // Right click, and a mouse selecting text by dragging and by a triple click.
  await mouse('mousePressed', text, { button: 'right', clickCount: 1 });
  await mouse('mouseReleased', text, { button: 'right', clickCount: 1 });
  expect((await seen(page, 'contextmenu')).map((m) => m.prevented)).toEqual([true]);
  const welcome = (await page.locator('.welcome').boundingBox())!;
  const left = { x: welcome.x + 2, y: text.y };
  await mouse('mousePressed', left, { button: 'left', clickCount: 1 });
  for (let i = 1; i <= 10; i++)
    await mouse(
      'mouseMoved',
      { x: left.x + (welcome.width * i) / 10, y: text.y },
      { button: 'left' },
    );
  await mouse('mouseReleased', { x: welcome.x + welcome.width - 2, y: text.y }, { button: 'left' });
  for (let n = 1; n <= 3; n++) {
    await mouse('mousePressed', text, { button: 'left', clickCount: n });
    await mouse('mouseReleased', text, { button: 'left', clickCount: n });
  }
  await pause(page, 200);
  await expectStillThere(page, browser, url, opened, 'mouse selection');

  // Dragging the image and the link out with the mouse.
  for (const selector of ['#loose-image', '#loose-link']) {
    const from = await centre(page, selector);
    await mouse('mousePressed', from, { button: 'left', clickCount: 1 });
    for (let i = 1; i <= 8; i++)
      await mouse('mouseMoved', { x: from.x - 40 * i, y: from.y - 40 * i }, { button: 'left' });
    await mouse('mouseReleased', { x: from.x - 320, y: from.y - 320 }, { button: 'left' });
    await pause(page, 200);
    expect(drags, `dragging ${selector}`).toEqual([]);
    await expectStillThere(page, browser, url, opened, `dragging ${selector}`);
  }

  // Back-swipes: a finger from the left edge across the screen, a touchpad's sideways scroll.
  await touch('touchStart', [{ x: 4, y: text.y, id: 1 }]);
  for (let x = 4; x <= 1600; x += 80) await touch('touchMove', [{ x, y: text.y, id: 1 }]);
  await touch('touchEnd', []);
  for (let i = 0; i < 10; i++) await mouse('mouseWheel', text, { deltaX: -400, deltaY: 0 });
  await pause(page, 600);
  await expectStillThere(page, browser, url, opened, 'back-swipe');
});

test('links, forms, window.open and script navigation keep the kiosk on its page; taps and its own file saving still work', async ({
  page,
  browser,
  context,
  server,
}) => {
  const opened = watchPopups(context);
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const url = await bootWithHistory(page, server.url);
  const cdp = await context.newCDPSession(page);
  const mouse = (type: string, at: { x: number; y: number }, extra: object = {}) =>
    cdp.send('Input.dispatchMouseEvent', { type: type as 'mousePressed', ...at, ...extra });
  const click = async (at: { x: number; y: number }, button = 'left', modifiers = 0) => {
    await mouse('mousePressed', at, { button, clickCount: 1, modifiers });
    await mouse('mouseReleased', at, { button, clickCount: 1, modifiers });
  };
  // Links and forms a pack could carry, over the home screen: to another origin, to a same-origin
  // path outside the app, into a new window, inside an SVG, as a download; a form posting elsewhere.
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.style.cssText =
      'position:fixed;left:0;right:0;bottom:0;z-index:99;display:flex;gap:24px;padding:24px;font-size:36px;background:#000';
    box.innerHTML = `
      <a id="other-origin" href="https://example.org/">example.org</a>
      <a id="same-origin" href="/feed/index.json">feed</a>
      <a id="new-window" href="https://example.org/" target="_blank">new window</a>
      <svg width="120" height="60"><a id="svg-link" href="https://example.org/"><rect width="120" height="60" fill="gold"/></a></svg>
      <a id="download" href="/feed/index.json" download="index.json">download</a>
      <form id="form" action="https://example.org/search" method="get" target="_blank">
        <button id="send" style="font-size:36px">send</button>
      </form>`;
    document.body.append(box);
  });
  const at = async (id: string) => centre(page, `#${id}`);

  for (const id of ['other-origin', 'same-origin', 'new-window', 'svg-link', 'download']) {
    await click(await at(id)); // a mouse
    await page.touchscreen.tap((await at(id)).x, (await at(id)).y); // a finger
    await click(await at(id), 'middle'); // a new tab
    await click(await at(id), 'left', 2); // ctrl: a new tab
    await click(await at(id), 'left', 8); // shift: a new window
    await page.focus(`#${id}`);
    await pressKey(cdp, 'Enter'); // the keyboard
    await pause(page, 300);
    const clicks = await seen(page, 'click');
    expect(clicks.length, `${id}: clicks reached the page`).toBeGreaterThanOrEqual(4);
    expect(
      clicks.filter((c) => !c.prevented),
      id,
    ).toEqual([]);
    expect(
      (await seen(page, 'auxclick')).map((c) => c.prevented),
      id,
    ).toEqual([true]);
    await expectStillThere(page, browser, url, opened, `link #${id}`);
  }

  // The form, by its button, by the keyboard and by script (which skips the submit event).
  await click(await at('send'));
  await page.touchscreen.tap((await at('send')).x, (await at('send')).y);
  await page.evaluate(() => document.querySelector<HTMLFormElement>('#form')!.requestSubmit());
  await page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>('#form')!;
    form.target = '_self';
    form.submit();
  });
  await pause(page, 300);
  expect((await seen(page, 'submit')).map((s) => s.prevented)).toEqual([true, true, true]);
  await expectStillThere(page, browser, url, opened, 'form');

  // Script: window.open, location, a link clicked outside the document, history state.
  const results = await page.evaluate(() => {
    const out = [window.open('https://example.org/'), window.open('/feed/index.json', '_self')];
    location.assign('/feed/index.json');
    location.href = 'https://example.org/';
    location.hash = 'somewhere';
    const a = document.createElement('a');
    a.href = 'https://example.org/';
    a.click();
    history.pushState(null, '', '/elsewhere');
    return out.map((w) => w === null);
  });
  await pause(page, 500);
  expect(results).toEqual([true, true]);
  await expectStillThere(page, browser, url, opened, 'script');
  expect(downloads).toEqual([]);

  // What the kiosk does itself still works: saving a file it made (the statistics CSV)...
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob(['day,visits\n'], { type: 'text/csv' }));
    a.download = 'visits.csv';
    a.click();
  });
  await expect.poll(() => downloads).toEqual(['visits.csv']);
  // ...and a visitor's tap on a wall's door opens the wall.
  await page.evaluate(() => document.body.lastElementChild!.remove());
  const wall = (await demoContent()).walls[0]!;
  await tap(page, `control:wall-${wall.id}`);
  await waitForScene(page, 'wall');
  await expectStillThere(page, browser, url, opened, 'the wall');
});
