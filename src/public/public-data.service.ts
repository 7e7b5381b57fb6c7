import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import type {
  PublicAdoption,
  PublicCertifiedProduct,
  PublicCouncil,
  PublicRollout,
} from './public-views.js';
import { PublicRepository } from './public.repository.js';

/** When the public data last changed: the key the cache is kept by, and its time. */
export interface LastChange {
  key: string;
  changedAt: Date;
}

export interface Versioned<T> {
  data: T;
  lastChange: LastChange;
}

const TREND_MONTHS = 12;

/**
 * Public figures, answered from memory. Each view (and anything derived from one, such
 * as a CSV file's bytes) is computed once per last-change marker; the marker itself is
 * re-read at most once every PUBLIC_CACHE_SECONDS per process (one cheap statement), so a
 * burst of public requests costs no aggregation at all and a change shows within that
 * many seconds. Concurrent misses share one computation.
 */
@Injectable()
export class PublicDataService {
  private marker: { at: number; value: Promise<LastChange> } | null = null;
  private readonly entries = new Map<string, { key: string; value: Promise<unknown> }>();

  constructor(
    private readonly publicData: PublicRepository,
    private readonly config: AppConfig,
  ) {}

  /** The last-change marker, re-read when older than PUBLIC_CACHE_SECONDS. */
  lastChange(): Promise<LastChange> {
    const now = Date.now();
    if (this.marker && now - this.marker.at < this.config.PUBLIC_CACHE_SECONDS * 1000) {
      return this.marker.value;
    }
    const value = this.readMarker();
    this.marker = { at: now, value };
    value.catch(() => (this.marker = null));
    return value;
  }

  /** `build()` once per marker: the views below and whatever is derived from them. */
  async memo<T>(name: string, build: () => Promise<T>): Promise<Versioned<T>> {
    const lastChange = await this.lastChange();
    let entry = this.entries.get(name);
    if (!entry || entry.key !== lastChange.key) {
      entry = { key: lastChange.key, value: build() };
      this.entries.set(name, entry);
      const stored = entry;
      entry.value.catch(() => {
        if (this.entries.get(name) === stored) this.entries.delete(name);
      });
    }
    return { data: (await entry.value) as T, lastChange };
  }

  rollout(): Promise<Versioned<PublicRollout>> {
    return this.memo('rollout', async () => {
      const row = await this.publicData.rollout(TREND_MONTHS);
      const byService = row.by_service;
      const adoptions = byService.reduce((n, s) => n + s.adoptions, 0);
      const live = byService.reduce((n, s) => n + s.live, 0);
      const active = adoptions - byService.reduce((n, s) => n + (s.stages.withdrawn ?? 0), 0);
      return {
        totals: {
          adoptions,
          live,
          pctLive: active > 0 ? Math.round((1000 * live) / active) / 10 : 0,
        },
        byService,
        byNation: row.by_area.filter((a) => a.level === 'nation'),
        byRegion: row.by_area.filter((a) => a.level === 'region'),
        trend: row.trend,
      };
    });
  }

  adoptions(): Promise<Versioned<PublicAdoption[]>> {
    return this.memo('adoptions', () => this.publicData.adoptions());
  }

  certifiedProducts(): Promise<Versioned<PublicCertifiedProduct[]>> {
    return this.memo('certified-products', () => this.publicData.certifiedProducts());
  }

  councils(): Promise<Versioned<PublicCouncil[]>> {
    return this.memo('councils', () => this.publicData.councils());
  }

  /** One council's adoptions (from the cached list), or null when it has none. */
  async council(
    gssCode: string,
  ): Promise<Versioned<{ council: PublicCouncil; adoptions: PublicAdoption[] }> | null> {
    const councils = await this.councils();
    const council = councils.data.find((c) => c.gssCode === gssCode);
    if (!council) return null;
    const all = await this.adoptions();
    return {
      data: { council, adoptions: all.data.filter((a) => a.councilGssCode === gssCode) },
      lastChange: all.lastChange,
    };
  }

  private async readMarker(): Promise<LastChange> {
    const row = await this.publicData.lastChange();
    const changedAt = row.changed_at ?? new Date(0);
    // The trend's months follow the calendar, so a new month is a change too.
    const month = new Date().toISOString().slice(0, 7);
    return { key: `${changedAt.toISOString()}|${row.counts}|${month}`, changedAt };
  }
}
