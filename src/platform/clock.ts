/** The time source; tests substitute a fixed or movable clock. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
