import { describe, expect, it } from 'vitest';
import { allowsNavigation, type NavigationAttempt } from './nav-policy';

const HERE = 'http://localhost:4173/?watchdogStallSeconds=5';
const nav = (over: Partial<NavigationAttempt>): NavigationAttempt => ({
  type: 'push',
  from: HERE,
  to: HERE,
  sameDocument: false,
  download: false,
  ...over,
});

describe('the navigation lockdown', () => {
  it('refuses links and forms to another origin', () => {
    expect(allowsNavigation(nav({ to: 'https://example.org/' }))).toBe(false);
    expect(allowsNavigation(nav({ type: 'replace', to: 'https://example.org/?q=1' }))).toBe(false);
  });

  it('refuses same-origin paths outside the app, the app opened afresh, and fragments', () => {
    expect(allowsNavigation(nav({ to: 'http://localhost:4173/feed/index.json' }))).toBe(false);
    expect(allowsNavigation(nav({ to: 'http://localhost:4173/' }))).toBe(false);
    expect(allowsNavigation(nav({ to: HERE }))).toBe(false); // a link to itself would reset a visit
    expect(allowsNavigation(nav({ to: `${HERE}#top`, sameDocument: true }))).toBe(false);
  });

  it('refuses going back or forward, within the page or out of it', () => {
    expect(allowsNavigation(nav({ type: 'traverse', to: 'http://localhost:4173/' }))).toBe(false);
    expect(allowsNavigation(nav({ type: 'traverse', sameDocument: true }))).toBe(false);
  });

  it("allows the page's own reload, and only of itself", () => {
    expect(allowsNavigation(nav({ type: 'reload' }))).toBe(true);
    expect(allowsNavigation(nav({ type: 'reload', from: `${HERE}#x` }))).toBe(true);
    expect(allowsNavigation(nav({ type: 'reload', to: 'https://example.org/' }))).toBe(false);
  });

  it('allows a history state change that keeps the URL', () => {
    expect(allowsNavigation(nav({ type: 'replace', sameDocument: true }))).toBe(true);
  });

  it('allows saving a file the page made (its own blob:), and no other download', () => {
    const blob = 'blob:http://localhost:4173/6f1c2b1e-1d7a-4a61-9d52-1f0e0c7c9a11';
    expect(allowsNavigation(nav({ to: blob, download: true }))).toBe(true);
    expect(allowsNavigation(nav({ to: 'blob:https://example.org/abc', download: true }))).toBe(
      false,
    );
    expect(
      allowsNavigation(nav({ to: 'http://localhost:4173/feed/index.json', download: true })),
    ).toBe(false);
  });

  it('refuses what it cannot read', () => {
    expect(allowsNavigation(nav({ to: 'not a url' }))).toBe(false);
  });
});
