/** One line of the benchmark table. */
export interface BenchRow {
  name: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time the server process spent per request (all threads), where it was measured. */
  cpuUsPerReq?: number;
  note?: string;
}

/** What every `bench/*.bench.ts` module exports; `bench/run.ts` calls them in sequence. */
export interface BenchModule {
  run(): Promise<BenchRow[]>;
}
