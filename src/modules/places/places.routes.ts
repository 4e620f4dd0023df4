import { z } from 'zod';
import type { Deps } from '../../platform/context.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { type AvailabilityService, createAvailabilityService } from './availability.service.ts';
import { type BookingMovesService, createBookingMovesService } from './booking-moves.service.ts';
import { type BookingReportsService, createBookingReportsService } from './booking-reports.service.ts';
import { createSeriesService, type SeriesService } from './booking-series.service.ts';
import { bookingRoutes } from './bookings.routes.ts';
import { type BookingsService, createBookingsService } from './bookings.service.ts';
import {
  ZAvailability,
  ZAvailabilityQuery,
  ZClosure,
  ZClosureParams,
  ZCreateClosureRequest,
  ZCreatePlaceRequest,
  ZCreateResourceRequest,
  ZPlace,
  ZPlaceList,
  ZPlaceParams,
  ZPlacesParams,
  ZResource,
  ZResourceParams,
  ZUpdatePlaceRequest,
  ZUpdateResourceRequest,
} from './places.contract.ts';
import { createPlacesService, type PlacesService } from './places.service.ts';
import { createQualificationsService, type QualificationsService } from './qualifications.service.ts';
import { trainingRoutes } from './trainings.routes.ts';
import { createTrainingsService, type TrainingsService } from './trainings.service.ts';
import { createVisitorBookingsService, type VisitorBookingsService } from './visitor-bookings.service.ts';

const tags = ['places'];
const managers = { kind: 'territory', roles: ['admin', 'staff', 'place_manager'] } as const;
const open = { kind: 'public' } as const;
const base = '/api/v1/territories/:slug';

export type PlacesServices = {
  places: PlacesService;
  bookings: BookingsService;
  availability: AvailabilityService;
  qualifications: QualificationsService;
  trainings: TrainingsService;
  series: SeriesService;
  moves: BookingMovesService;
  reports: BookingReportsService;
  visitors: VisitorBookingsService;
};

/** The places module's services, built from the app's dependencies. */
export function createPlacesServices(deps: Deps): PlacesServices {
  return {
    places: createPlacesService(deps),
    bookings: createBookingsService(deps),
    availability: createAvailabilityService(deps),
    qualifications: createQualificationsService(deps),
    trainings: createTrainingsService(deps),
    series: createSeriesService(deps),
    moves: createBookingMovesService(deps),
    visitors: createVisitorBookingsService(deps),
    reports: createBookingReportsService(deps),
  };
}

function readRoutes({ places, availability }: PlacesServices) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/places`,
      summary: "The territory's places with their resources and closures (all of them for place managers)",
      tags,
      access: open,
      schema: { params: ZPlacesParams, response: { 200: ZPlaceList } },
      handler: async (req) => places.list(ctxOf(req), req.params.slug),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/places/:placeId`,
      summary: 'One place with its resources and closures',
      tags,
      access: open,
      schema: { params: ZPlaceParams, response: { 200: ZPlace } },
      handler: async (req) => places.get(ctxOf(req), req.params.slug, req.params.placeId),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/resources/:resourceId/availability`,
      summary: "A resource's free, booked and closed slots for one to seven local days",
      tags,
      access: open,
      schema: { params: ZResourceParams, querystring: ZAvailabilityQuery, response: { 200: ZAvailability } },
      handler: async (req) => availability.availability(ctxOf(req), req.params.slug, req.params.resourceId, req.query),
    }),
  ];
}

function writeRoutes({ places }: PlacesServices) {
  return [
    defineRoute({
      method: 'POST',
      url: `${base}/places`,
      summary: 'Create a place',
      tags,
      access: managers,
      write: true,
      schema: { params: ZPlacesParams, body: ZCreatePlaceRequest, response: { 201: ZPlace } },
      handler: async (req, reply) => {
        reply.code(201);
        return places.create(ctxOf(req), req.params.slug, req.body);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/places/:placeId`,
      summary: 'Edit a place (opening hours in OpenStreetMap syntax)',
      tags,
      access: managers,
      write: true,
      schema: { params: ZPlaceParams, body: ZUpdatePlaceRequest, response: { 200: ZPlace } },
      handler: async (req) => places.update(ctxOf(req), req.params.slug, req.params.placeId, req.body),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/places/:placeId/resources`,
      summary: 'Add a resource (desk, room, office, machine) to a place',
      tags,
      access: managers,
      write: true,
      schema: { params: ZPlaceParams, body: ZCreateResourceRequest, response: { 201: ZResource } },
      handler: async (req, reply) => {
        reply.code(201);
        return places.createResource(ctxOf(req), req.params.slug, req.params.placeId, req.body);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/resources/:resourceId`,
      summary: 'Edit a resource: capacity, access, rules, prices, qualification',
      tags,
      access: managers,
      write: true,
      schema: { params: ZResourceParams, body: ZUpdateResourceRequest, response: { 200: ZResource } },
      handler: async (req) => places.updateResource(ctxOf(req), req.params.slug, req.params.resourceId, req.body),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/places/:placeId/closures`,
      summary: 'Close a place for whole local days, with a reason',
      tags,
      access: managers,
      write: true,
      schema: { params: ZPlaceParams, body: ZCreateClosureRequest, response: { 201: ZClosure } },
      handler: async (req, reply) => {
        reply.code(201);
        return places.addClosure(ctxOf(req), req.params.slug, req.params.placeId, req.body);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: `${base}/closures/:closureId`,
      summary: 'Remove a closure',
      tags,
      access: managers,
      write: true,
      schema: { params: ZClosureParams, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await places.removeClosure(ctxOf(req), req.params.slug, req.params.closureId);
        return reply.code(204).send();
      },
    }),
  ];
}

/** Every route of the places module. */
export function placesRoutes(services: PlacesServices) {
  return [...readRoutes(services), ...writeRoutes(services), ...bookingRoutes(services), ...trainingRoutes(services)];
}
