/** What a visitor left on each wall (layout, view, filters, roster or 3D) so "back" returns them there; one visit only. */
import type { RosterFilter } from '../content/roster-search';
import { kiosk } from '../shell/kiosk.svelte';
import type { WallMemory } from './honor-wall';

export interface WallVisit {
  view: WallMemory | null;
  filter: RosterFilter;
  mode: 'wall' | 'roster';
}

const kept = new Map<string, { visit: number; state: WallVisit }>();

/** What this visit left on wall `wallId`, or null (a new visit starts fresh). */
export function recallWall(wallId: string): WallVisit | null {
  const entry = kept.get(wallId);
  return entry && entry.visit === kiosk.visit ? entry.state : null;
}

export function keepWall(wallId: string, state: WallVisit): void {
  kept.set(wallId, { visit: kiosk.visit, state });
}
