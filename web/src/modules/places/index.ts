/** Places in the web app: the public portal (places, availability, booking), a person's bookings and the managers' back office. */
import './places.css';

export { CheckInPage } from './check-in-page.tsx';
export { PlacesManagerPage } from './manager-page.tsx';
export { MyBookingsPage } from './my-bookings-page.tsx';
export { OccupancyPage } from './occupancy-page.tsx';
export { PlacePage } from './place-page.tsx';
export { PlacesPage } from './places-page.tsx';
export { PlacesPanel } from './places-panel.tsx';
export { PlannerPage } from './planner-page.tsx';
export { RosterPage } from './roster-page.tsx';
export { TrainingsManagerPage } from './trainings-manage-page.tsx';
export { TrainingsPage } from './trainings-page.tsx';
export { VisitorBookingPage } from './visitor-booking-page.tsx';
