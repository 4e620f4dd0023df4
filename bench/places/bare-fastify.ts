/**
 * The reference for booking creation: Fastify with nothing else, on the same machine in the same
 * run. `POST /api/v1/territories/:slug/bookings` parses the JSON body (no validation, no database)
 * and answers 201 with the JSON in PAYLOAD_FILE (a booking captured from Totem, so the bodies have
 * the same size), serialized on each request; `GET /healthz` answers `{"status":"ok"}`.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const payload: unknown = JSON.parse(readFileSync(String(process.env.PAYLOAD_FILE), 'utf8'));
const app = Fastify({ logger: false });
app.post('/api/v1/territories/:slug/bookings', async (_req, reply) => {
  reply.code(201);
  return payload;
});
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
