/**
 * Maps items one after the other. A transaction holds one connection, which runs one query at a
 * time: `Promise.all` over queries only queues them in the driver (deprecated by node-postgres, an
 * error in its next major version) and gains nothing. `npm run lint` refuses `Promise.all` in modules.
 */
export async function inSeries<T, R>(items: readonly T[], fn: (item: T) => Promise<R> | R): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}
