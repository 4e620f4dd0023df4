/** Half-open intervals of instants [start, end), the currency of opening hours and bookings. */
export type TInterval = { start: Date; end: Date };

const MINUTE = 60_000;

/** Sorts and merges intervals that overlap or touch; drops empty ones. */
export function mergeIntervals(intervals: readonly TInterval[]): TInterval[] {
  const sorted = intervals.filter((i) => i.end.getTime() > i.start.getTime()).sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: TInterval[] = [];
  for (const i of sorted) {
    const last = merged.at(-1);
    if (last && i.start.getTime() <= last.end.getTime()) {
      if (i.end.getTime() > last.end.getTime()) last.end = i.end;
    } else {
      merged.push({ start: i.start, end: i.end });
    }
  }
  return merged;
}

/** The parts of `intervals` that lie inside [from, to). */
export function clampIntervals(intervals: readonly TInterval[], from: Date, to: Date): TInterval[] {
  const out: TInterval[] = [];
  for (const i of intervals) {
    const start = Math.max(i.start.getTime(), from.getTime());
    const end = Math.min(i.end.getTime(), to.getTime());
    if (end > start) out.push({ start: new Date(start), end: new Date(end) });
  }
  return out;
}

/** `intervals` minus every interval of `removed` (closures, busy slots); the result is merged. */
export function subtractIntervals(intervals: readonly TInterval[], removed: readonly TInterval[]): TInterval[] {
  const cuts = mergeIntervals(removed);
  const out: TInterval[] = [];
  for (const i of mergeIntervals(intervals)) {
    let cursor = i.start.getTime();
    const end = i.end.getTime();
    for (const c of cuts) {
      if (c.end.getTime() <= cursor || c.start.getTime() >= end) continue;
      if (c.start.getTime() > cursor) out.push({ start: new Date(cursor), end: c.start });
      cursor = Math.max(cursor, c.end.getTime());
      if (cursor >= end) break;
    }
    if (cursor < end) out.push({ start: new Date(cursor), end: new Date(end) });
  }
  return out;
}

/** True when [start, end) lies entirely inside one of the (merged) `intervals`. */
export function coversInterval(intervals: readonly TInterval[], start: Date, end: Date): boolean {
  if (end.getTime() <= start.getTime()) return false;
  return mergeIntervals(intervals).some((i) => i.start.getTime() <= start.getTime() && i.end.getTime() >= end.getTime());
}

/** True when the two half-open intervals share at least one instant (touching ends do not overlap). */
export function intervalsOverlap(a: TInterval, b: TInterval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** Length in whole minutes (real elapsed time, so a 01:00–04:00 booking on 2026-03-29 in Paris is 120). */
export function durationMinutes(interval: TInterval): number {
  return Math.floor((interval.end.getTime() - interval.start.getTime()) / MINUTE);
}

/** `instant` moved by `minutes` of real time. */
export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MINUTE);
}
