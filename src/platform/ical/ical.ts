/**
 * iCalendar (RFC 5545) feeds and invitations, written by ical-generator.
 *
 * Times are written in UTC ("DTSTART:20260303T080000Z"): exact for every client without a
 * VTIMEZONE database, and each client shows them in its own zone. The territory's zone is
 * given as X-WR-TIMEZONE, a display hint that Google Calendar and Apple Calendar honour.
 */
import ical, { escape as escapeText, ICalCalendarMethod, type ICalEventData, ICalEventStatus } from 'ical-generator';

export type TCalendarStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
export type TCalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export type TCalendarPerson = { email: string; name?: string };

export type TCalendarEvent = {
  /** Stable and globally unique, e.g. `booking-<id>@<host>`; the same for every version of the event. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status: TCalendarStatus;
  /** Raise it at each change the attendees should see (RFC 5546). Default 0. */
  sequence?: number;
  lastModified?: Date;
  /** Required by invitations (METHOD:REQUEST/CANCEL): who sends them. */
  organizer?: TCalendarPerson;
  attendees?: TCalendarPerson[];
};

export type TCalendarInput = {
  /** The calendar's name as clients show it ("Salle Ada · La Fabrique"). */
  name: string;
  /** The territory's IANA zone, written as X-WR-TIMEZONE. */
  zone: string;
  events: TCalendarEvent[];
  /**
   * PUBLISH for feeds (default); REQUEST for an e-mailed booking confirmation, which clients
   * offer to add; CANCEL, with the same UID, a higher SEQUENCE and status CANCELLED, to remove it.
   */
  method?: TCalendarMethod;
  description?: string;
  /** DTSTAMP of every event: when this calendar object was made. Default now; fix it in tests. */
  stamp?: Date;
  /** How often subscribers should refresh a feed (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshSeconds?: number;
};

const STATUS: Record<TCalendarStatus, ICalEventStatus> = {
  CONFIRMED: ICalEventStatus.CONFIRMED,
  TENTATIVE: ICalEventStatus.TENTATIVE,
  CANCELLED: ICalEventStatus.CANCELLED,
};

const METHOD: Record<TCalendarMethod, ICalCalendarMethod> = {
  PUBLISH: ICalCalendarMethod.PUBLISH,
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
};

/** One event as ical-generator expects it. */
function eventData(event: TCalendarEvent, stamp: Date): ICalEventData {
  return {
    id: event.uid,
    start: event.start,
    end: event.end,
    stamp,
    summary: event.summary,
    description: event.description ?? null,
    location: event.location ?? null,
    url: event.url ?? null,
    status: STATUS[event.status],
    sequence: event.sequence ?? 0,
    lastModified: event.lastModified ?? null,
    organizer: event.organizer ? { email: event.organizer.email, name: event.organizer.name ?? event.organizer.email } : null,
    attendees: (event.attendees ?? []).map((a) => ({ email: a.email, ...(a.name ? { name: a.name } : {}) })),
  };
}

/**
 * An RFC 5545 calendar: CRLF line endings (the last line too), lines folded at 75 octets, TEXT
 * values escaped (commas, semicolons, backslashes, newlines), PRODID "-//Totem//Totem//FR".
 */
export function buildCalendar(input: TCalendarInput): string {
  const stamp = input.stamp ?? new Date();
  if ((input.method === 'REQUEST' || input.method === 'CANCEL') && input.events.some((e) => !e.organizer)) {
    throw new RangeError(`METHOD:${input.method} needs an organizer on every event (RFC 5546)`);
  }
  const calendar = ical({
    prodId: { company: 'Totem', product: 'Totem', language: 'FR' },
    method: METHOD[input.method ?? 'PUBLISH'],
    // ical-generator writes NAME and X-WR-CALDESC without escaping them: a newline would break the file.
    name: escapeText(input.name, false),
    description: input.description ? escapeText(input.description, false) : null,
    ttl: input.refreshSeconds ?? null,
    x: { 'X-WR-TIMEZONE': input.zone },
    events: input.events.map((e) => eventData(e, stamp)),
  });
  return `${calendar.toString()}\r\n`;
}

/** A nodemailer attachment (also plain JSON, so it can wait in the outbox). */
export type TIcsAttachment = { filename: string; content: string; contentType: string };

/**
 * The calendar as an e-mail attachment, typed `text/calendar; charset=utf-8; method=…` with the
 * calendar's own METHOD (clients use it to offer "add to calendar" on REQUEST).
 */
export function icsAttachment(calendarText: string, filename: string): TIcsAttachment {
  const method = /^METHOD:([A-Z-]+)\r?$/m.exec(calendarText)?.[1] ?? 'PUBLISH';
  const name = filename.toLowerCase().endsWith('.ics') ? filename : `${filename}.ics`;
  return { filename: name, content: calendarText, contentType: `text/calendar; charset=utf-8; method=${method}` };
}
