import { describe, expect, it } from 'vitest';
import { slotsOf } from './availability.service.ts';
import { peakUnits } from './booking-rules.ts';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 16) + minutes * 60_000);

describe('the slots of a resource', () => {
  it('count the same units free as checking every booking against every slot', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = random(seed);
      const capacity = 1 + Math.floor(r() * 6);
      const step = [15, 30, 60][Math.floor(r() * 3)] as number;
      // Two open stretches of a day with a gap, bookings anywhere (some across the gap or the edges).
      const open = [
        { start: at(8 * 60), end: at(12 * 60) },
        { start: at(13 * 60 + 30), end: at(20 * 60) },
      ];
      const held = Array.from({ length: Math.floor(r() * 40) }, () => {
        const start = Math.floor(r() * 24 * 4) * 15;
        return { start: at(start), end: at(start + 15 + Math.floor(r() * 16) * 15), units: 1 + Math.floor(r() * 2) };
      });
      const slots = slotsOf(open, { start: at(0), end: at(24 * 60) }, step, capacity, held, () => null);
      for (const slot of slots.filter((x) => x.state !== 'closed')) {
        const window = { start: new Date(slot.start), end: new Date(slot.end) };
        expect(slot.free, `seed ${seed}, ${slot.start}`).toBe(Math.max(0, capacity - peakUnits(held, window)));
      }
    }
  });
});
