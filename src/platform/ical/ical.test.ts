import { describe, expect, it } from 'vitest';
import { buildCalendar, icsAttachment, type TCalendarEvent } from './ical.ts';

const stamp = new Date('2026-02-01T10:00:00Z');

const booking: TCalendarEvent = {
  uid: 'booking-42@totem.example',
  start: new Date('2026-03-03T08:00:00Z'),
  end: new Date('2026-03-03T10:00:00Z'),
  summary: 'Salle Ada, La Fabrique; réunion\nétage 2',
  description: 'Réservation confirmée.\nCode porte : 1234',
  location: 'La Fabrique, Béthune',
  url: 'https://totem.example/t/bethune/reservations/42',
  status: 'CONFIRMED',
  sequence: 1,
  lastModified: new Date('2026-02-01T09:00:00Z'),
};

/** Undoes line folding (RFC 5545 §3.1) and splits into content lines. */
function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
}

function property(lines: string[], name: string): string[] {
  return lines.filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`)).map((l) => l.slice(l.indexOf(':') + 1));
}

describe('buildCalendar', () => {
  const text = buildCalendar({ name: 'Salle Ada · La Fabrique', zone: 'Europe/Paris', events: [booking], stamp });
  const lines = unfold(text);

  it('writes a well-formed VCALENDAR with a Totem PRODID', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(property(lines, 'VERSION')).toEqual(['2.0']);
    expect(property(lines, 'PRODID')[0]).toContain('Totem');
    expect(property(lines, 'METHOD')).toEqual(['PUBLISH']);
    expect(property(lines, 'X-WR-TIMEZONE')).toEqual(['Europe/Paris']);
    expect(property(lines, 'X-WR-CALNAME')).toEqual(['Salle Ada · La Fabrique']);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(1);
  });

  it('writes the event in UTC with its UID, status, sequence and stamps', () => {
    expect(property(lines, 'UID')).toEqual(['booking-42@totem.example']);
    expect(property(lines, 'DTSTART')).toEqual(['20260303T080000Z']);
    expect(property(lines, 'DTEND')).toEqual(['20260303T100000Z']);
    expect(property(lines, 'DTSTAMP')).toEqual(['20260201T100000Z']);
    expect(property(lines, 'LAST-MODIFIED')).toEqual(['20260201T090000Z']);
    expect(property(lines, 'STATUS')).toEqual(['CONFIRMED']);
    expect(property(lines, 'SEQUENCE')).toEqual(['1']);
    expect(property(lines, 'URL')).toEqual(['https://totem.example/t/bethune/reservations/42']);
  });

  it('escapes commas, semicolons and newlines in text values', () => {
    expect(property(lines, 'SUMMARY')).toEqual(['Salle Ada\\, La Fabrique\\; réunion\\nétage 2']);
    expect(property(lines, 'LOCATION')).toEqual(['La Fabrique\\, Béthune']);
    expect(property(lines, 'DESCRIPTION')).toEqual(['Réservation confirmée.\\nCode porte : 1234']);
  });

  it('escapes the calendar name too, so it cannot inject a property', () => {
    const evil = unfold(buildCalendar({ name: 'Hall\r\nMETHOD:CANCEL, x; y', zone: 'Europe/Paris', events: [], stamp }));
    expect(property(evil, 'METHOD')).toEqual(['PUBLISH']);
    expect(property(evil, 'X-WR-CALNAME')).toEqual(['Hall\\nMETHOD:CANCEL\\, x\\; y']);
  });

  it('ends every line with CRLF and folds long lines at 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const long = buildCalendar({
      name: 'Feed',
      zone: 'Europe/Paris',
      stamp,
      events: [{ ...booking, description: 'Impression 3D à la médiathèque — ébauche, '.repeat(8) }],
    });
    const physical = long.split('\r\n');
    expect(physical.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    // Folding never cuts a multi-byte character.
    expect(physical.join('')).not.toContain('\uFFFD');
    expect(property(unfold(long), 'DESCRIPTION')[0]).toBe('Impression 3D à la médiathèque — ébauche\\, '.repeat(8));
  });

  it('writes invitations with an organizer, and cancellations', () => {
    const organizer = { email: 'fablab@totem.example', name: 'FabLab de Calais' };
    const request = unfold(
      buildCalendar({
        name: 'Réservation',
        zone: 'Europe/Paris',
        method: 'REQUEST',
        stamp,
        events: [{ ...booking, organizer, attendees: [{ email: 'camille@example.org', name: 'Camille Martin' }] }],
      }),
    );
    expect(property(request, 'METHOD')).toEqual(['REQUEST']);
    expect(property(request, 'ORGANIZER')[0]).toBe('mailto:fablab@totem.example');
    expect(property(request, 'ATTENDEE')[0]?.toLowerCase()).toBe('mailto:camille@example.org');
    const cancel = unfold(
      buildCalendar({
        name: 'Réservation',
        zone: 'Europe/Paris',
        method: 'CANCEL',
        stamp,
        events: [{ ...booking, organizer, status: 'CANCELLED', sequence: 2 }],
      }),
    );
    expect(property(cancel, 'STATUS')).toEqual(['CANCELLED']);
    expect(property(cancel, 'SEQUENCE')).toEqual(['2']);
    expect(() => buildCalendar({ name: 'x', zone: 'Europe/Paris', method: 'REQUEST', events: [booking] })).toThrow(RangeError);
  });

  it('announces a refresh interval for feeds', () => {
    const feed = unfold(buildCalendar({ name: 'Feed', zone: 'Europe/Paris', events: [], stamp, refreshSeconds: 3600 }));
    expect(property(feed, 'X-PUBLISHED-TTL')).toEqual(['PT1H']);
  });
});

describe('icsAttachment', () => {
  it('types the attachment with the calendar’s method', () => {
    const organizer = { email: 'fablab@totem.example' };
    const text = buildCalendar({
      name: 'Réservation',
      zone: 'Europe/Paris',
      method: 'REQUEST',
      stamp,
      events: [{ ...booking, organizer }],
    });
    expect(icsAttachment(text, 'reservation')).toEqual({
      filename: 'reservation.ics',
      content: text,
      contentType: 'text/calendar; charset=utf-8; method=REQUEST',
    });
    const feed = buildCalendar({ name: 'Feed', zone: 'Europe/Paris', events: [], stamp });
    expect(icsAttachment(feed, 'agenda.ics').contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
  });
});
