import { z } from 'zod';
import { ZTerritorySlug } from '../../platform/http/contract.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import {
  ZBooking,
  ZBookingLinkParams,
  ZBookingParams,
  ZCheckInToken,
  ZMoveBookingRequest,
  ZOccupancy,
  ZOccupancyQuery,
  ZPlacesParams,
  ZResourceKind,
} from './places.contract.ts';
import type { PlacesServices } from './places.routes.ts';
import { ZCancelSeriesRequest, ZCreateSeriesRequest, ZSeriesResult } from './series.contract.ts';

const tags = ['bookings'];
const managers = { kind: 'territory', roles: ['admin', 'staff', 'place_manager'] } as const;
const base = '/api/v1/territories/:slug';
const ZInstant = z.iso.datetime({ offset: true });

const ZExportQuery = z.strictObject({
  from: ZInstant,
  to: ZInstant,
  placeId: z.uuid().optional(),
  profile: z.enum(['excel', 'open_data']).default('excel'),
});
const ZFreeQuery = z.strictObject({
  start: ZInstant,
  end: ZInstant,
  seats: z.coerce.number().int().min(1).max(10_000).optional(),
  kind: ZResourceKind.optional(),
});
const ZFree = z.object({
  items: z.array(
    z.object({
      resourceId: z.uuid(),
      resource: z.string(),
      kind: ZResourceKind,
      seats: z.number().int().nullable(),
      placeId: z.uuid(),
      place: z.string(),
      freeUnits: z.number().int(),
    }),
  ),
});
const ZSeriesParams = z.strictObject({ slug: ZTerritorySlug, seriesId: z.uuid() });

/** Recurring bookings, moves, check-in, and the managers' reports. */
export function bookingExtraRoutes({ series, moves, reports, visitors }: PlacesServices) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/booking-links/:token`,
      summary: "A visitor's booking, reached with the link of its confirmation e-mail (the link is the credential)",
      tags,
      access: { kind: 'public' },
      schema: { params: ZBookingLinkParams, response: { 200: ZBooking } },
      handler: async (req) => visitors.view(ctxOf(req), req.params.slug, req.params.token),
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/booking-links/:token`,
      summary: "Move a visitor's booking with its link, before the cancellation deadline; the rules apply to the new slot",
      tags,
      access: { kind: 'public' },
      write: true,
      schema: { params: ZBookingLinkParams, body: ZMoveBookingRequest, response: { 200: ZBooking } },
      handler: async (req) => visitors.move(ctxOf(req), req.params.slug, req.params.token, req.body),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/booking-links/:token/cancel`,
      summary: "Cancel a visitor's booking with its link, before the cancellation deadline",
      tags,
      access: { kind: 'public' },
      write: true,
      schema: { params: ZBookingLinkParams, response: { 200: ZBooking } },
      handler: async (req) => visitors.cancel(ctxOf(req), req.params.slug, req.params.token),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/bookings/series`,
      summary:
        'Preview or book a recurring booking (RRULE), signed in: every occurrence checked, conflicts listed before anything is written',
      tags,
      access: { kind: 'signed_in' },
      write: true,
      schema: { params: ZPlacesParams, body: ZCreateSeriesRequest, response: { 200: ZSeriesResult, 201: ZSeriesResult } },
      handler: async (req, reply) => {
        const result = await series.create(ctxOf(req), req.params.slug, req.body);
        reply.code(req.body.mode === 'commit' ? 201 : 200);
        return result;
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/booking-series/:seriesId/cancel`,
      summary: "Cancel a series' occurrences that have not started (each one can also be cancelled alone)",
      tags,
      access: { kind: 'signed_in' },
      write: true,
      schema: { params: ZSeriesParams, body: ZCancelSeriesRequest, response: { 200: z.object({ cancelled: z.number().int() }) } },
      handler: async (req) => series.cancelRest(ctxOf(req), req.params.slug, req.params.seriesId, req.body.reason),
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/bookings/:bookingId`,
      summary: 'Move a booking: yours before the deadline, or any as a manager; the rules apply to the new slot',
      tags,
      access: { kind: 'signed_in' },
      write: true,
      schema: { params: ZBookingParams, body: ZMoveBookingRequest, response: { 200: ZBooking } },
      handler: async (req) => moves.move(ctxOf(req), req.params.slug, req.params.bookingId, req.body),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/bookings/:bookingId/check-in`,
      summary: "Record a booker's arrival",
      tags,
      access: managers,
      write: true,
      schema: { params: ZBookingParams, response: { 200: ZBooking } },
      handler: async (req) => moves.checkIn(ctxOf(req), req.params.slug, req.params.bookingId),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/bookings/:bookingId/check-in-link`,
      summary: "A new check-in link for the caller's own upcoming booking (replaces the e-mailed one)",
      tags,
      access: { kind: 'signed_in' },
      write: true,
      schema: { params: ZBookingParams, response: { 200: z.object({ checkInUrl: z.string() }) } },
      handler: async (req) => moves.renewCheckInLink(ctxOf(req), req.params.slug, req.params.bookingId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/check-in/:token',
      summary: 'Check in with the link of a booking confirmation (from 15 minutes before the start)',
      tags,
      access: { kind: 'public' },
      write: true,
      schema: { params: ZCheckInToken, response: { 200: z.object({ id: z.uuid(), checkedInAt: z.iso.datetime() }) } },
      handler: async (req) => moves.checkInWithToken(req.params.token),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/bookings.csv`,
      summary: 'Bookings as CSV for invoicing (French Excel or open data), prices as booked',
      tags,
      access: managers,
      schema: { params: ZPlacesParams, querystring: ZExportQuery, response: { 200: z.string() } },
      handler: async (req, reply) => {
        const file = await reports.exportCsv(ctxOf(req), req.params.slug, req.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/occupancy`,
      summary: 'Occupancy per resource (booked hours / open hours, no-shows) for a local week or month',
      tags,
      access: managers,
      schema: { params: ZPlacesParams, querystring: ZOccupancyQuery, response: { 200: ZOccupancy } },
      handler: async (req) => reports.occupancy(ctxOf(req), req.params.slug, req.query),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/resources/free`,
      summary: 'Which resources are open and free over an interval, with enough seats ("a room for 8 on Thursday 14:00–16:00")',
      tags,
      access: { kind: 'public' },
      schema: { params: ZPlacesParams, querystring: ZFreeQuery, response: { 200: ZFree } },
      handler: async (req) => reports.free(ctxOf(req), req.params.slug, req.query),
    }),
  ];
}
