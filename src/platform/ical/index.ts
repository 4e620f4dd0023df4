export {
  buildCalendar,
  icsAttachment,
  type TCalendarEvent,
  type TCalendarInput,
  type TCalendarMethod,
  type TCalendarPerson,
  type TCalendarStatus,
  type TIcsAttachment,
} from './ical.ts';
