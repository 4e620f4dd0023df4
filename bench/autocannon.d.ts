/** The part of autocannon's programmatic API the benchmarks use (the package ships no types). */
declare module 'autocannon' {
  type Percentiles = { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p99: number };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    headers?: Record<string, string>;
    method?: string;
  };
  export type Result = {
    url: string;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    latency: Percentiles & { totalCount: number };
    requests: Percentiles & { total: number; sent: number };
    throughput: Percentiles & { total: number };
  };
  /** The running load: an event emitter that is also a promise of the result. */
  export type Tracker = PromiseLike<Result> & {
    on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): Tracker;
  };
  export default function autocannon(options: Options): Tracker;
}
