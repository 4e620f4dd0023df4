import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { bookingExtraRoutes } from './booking-extra.routes.ts';
import {
  ZBookerOrganizations,
  ZBooking,
  ZBookingListQuery,
  ZBookingPage,
  ZBookingParams,
  ZCalendarFeed,
  ZCancelBookingRequest,
  ZCreateBlockingRequest,
  ZCreateBookingRequest,
  ZDecisionRequest,
  ZFeedToken,
  ZMyBookingsQuery,
  ZPlaceParams,
  ZPlacesParams,
  ZResourceParams,
} from './places.contract.ts';
import type { PlacesServices } from './places.routes.ts';

const tags = ['bookings'];
const managers = { kind: 'territory', roles: ['admin', 'staff', 'place_manager'] } as const;
const base = '/api/v1/territories/:slug';
const calendarType = 'text/calendar; charset=utf-8';

function feedRoutes({ availability }: PlacesServices) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/resources/:resourceId/calendar.ics`,
      summary: "A resource's public iCalendar feed: when it is taken, never by whom",
      tags,
      access: { kind: 'public' },
      schema: { params: ZResourceParams, response: { 200: z.string() } },
      handler: async (req, reply) =>
        reply.type(calendarType).send(await availability.publicFeed(ctxOf(req), req.params.slug, { resourceId: req.params.resourceId })),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/places/:placeId/calendar.ics`,
      summary: "A place's public iCalendar feed, all its resources",
      tags,
      access: { kind: 'public' },
      schema: { params: ZPlaceParams, response: { 200: z.string() } },
      handler: async (req, reply) =>
        reply.type(calendarType).send(await availability.publicFeed(ctxOf(req), req.params.slug, { placeId: req.params.placeId })),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/me/calendar-feed',
      summary: 'Create or replace your private iCalendar feed; its secret URL is shown once',
      tags,
      access: { kind: 'signed_in' },
      write: true,
      schema: { response: { 201: ZCalendarFeed } },
      handler: async (req, reply) => {
        reply.code(201);
        return availability.createFeed(ctxOf(req));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/calendar/:token.ics',
      summary: 'A private iCalendar feed, by its secret',
      tags,
      access: { kind: 'public' },
      schema: { params: ZFeedToken, response: { 200: z.string() } },
      handler: async (req, reply) => reply.type(calendarType).send(await availability.privateFeed(req.params.token)),
    }),
  ];
}

/** Booking routes: anyone asks, the booker reads and cancels, managers decide, block and list. */
export function bookingRoutes(services: PlacesServices) {
  const { bookings } = services;
  return [
    defineRoute({
      method: 'POST',
      url: `${base}/bookings`,
      summary: 'Book a resource (visitors give a name and an e-mail); 409 when the slot is taken',
      tags,
      access: { kind: 'public' },
      write: true,
      schema: { params: ZPlacesParams, body: ZCreateBookingRequest, response: { 201: ZBooking } },
      handler: async (req, reply) => {
        reply.code(201);
        return bookings.create(ctxOf(req), req.params.slug, req.body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/my/bookings`,
      summary: 'Your bookings in the territory, upcoming or past',
      tags,
      access: { kind: 'signed_in' },
      schema: { params: ZPlacesParams, querystring: ZMyBookingsQuery, response: { 200: ZBookingPage } },
      handler: async (req) => bookings.mine(ctxOf(req), req.params.slug, req.query),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/my/booking-organizations`,
      summary: 'The organisations you may book on behalf of: your current affiliations in the directory',
      tags,
      access: { kind: 'signed_in' },
      schema: { params: ZPlacesParams, response: { 200: ZBookerOrganizations } },
      handler: async (req) => bookings.organizations(ctxOf(req), req.params.slug),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/bookings/:bookingId/cancel`,
      summary: "Cancel a booking: yours before the deadline, or anyone's as a manager (with a reason)",
      tags,
      access: { kind: 'signed_in' },
      write: true,
      schema: { params: ZBookingParams, body: ZCancelBookingRequest, response: { 200: ZBooking } },
      handler: async (req) => bookings.cancel(ctxOf(req), req.params.slug, req.params.bookingId, req.body.reason),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/bookings`,
      summary: "The bookings of the territory's places, with their bookers",
      tags,
      access: managers,
      schema: { params: ZPlacesParams, querystring: ZBookingListQuery, response: { 200: ZBookingPage } },
      handler: async (req) => bookings.list(ctxOf(req), req.params.slug, req.query),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/bookings/:bookingId/decision`,
      summary: 'Approve or reject a pending booking request',
      tags,
      access: managers,
      write: true,
      schema: { params: ZBookingParams, body: ZDecisionRequest, response: { 200: ZBooking } },
      handler: async (req) => bookings.decide(ctxOf(req), req.params.slug, req.params.bookingId, req.body.decision, req.body.reason),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/blockings`,
      summary: 'Block a resource (maintenance, an event); 409 when bookings are in the way',
      tags,
      access: managers,
      write: true,
      schema: { params: ZPlacesParams, body: ZCreateBlockingRequest, response: { 201: ZBooking } },
      handler: async (req, reply) => {
        reply.code(201);
        return bookings.block(ctxOf(req), req.params.slug, req.body);
      },
    }),
    ...feedRoutes(services),
    ...bookingExtraRoutes(services),
  ];
}
