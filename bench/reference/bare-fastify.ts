/**
 * The reference for Totem's HTTP figures: Fastify with nothing else, on the same machine in the same
 * run. `GET /api/v1/territories` answers the JSON in PAYLOAD_FILE (captured from Totem, so the
 * bodies have the same size), serialized on each request; `GET /healthz` answers `{"status":"ok"}`.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const payload: unknown = JSON.parse(readFileSync(String(process.env.PAYLOAD_FILE), 'utf8'));
const app = Fastify({ logger: false });
app.get('/api/v1/territories', async () => payload);
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
