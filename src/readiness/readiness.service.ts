import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { COUNCIL_REF, isGssCode } from '../organisations/council-ref.js';
import type { CouncilReadinessListViewDto } from './dto/council-readiness-list-view.dto.js';
import type { ReadinessQueryDto } from './dto/readiness-query.dto.js';
import type { ReadinessViewDto } from './dto/readiness-view.dto.js';
import { shapeReadiness } from './readiness-queries.js';
import { ReadinessRepository } from './readiness.repository.js';
import { daysUntil, toCouncilReadinessView, toCriticalDateView } from './readiness-views.js';

/**
 * Readiness reads, each a fixed number of statements whatever the number of councils:
 * a date's view (the date, the councils, the counts, the trend) and a council's own
 * readiness for every coming date.
 */
@Injectable()
export class ReadinessService {
  constructor(private readonly readiness: ReadinessRepository) {}

  async forDate(id: string, q: ReadinessQueryDto): Promise<ReadinessViewDto> {
    const found = await this.readiness.forDate(id, q.status ?? null);
    if (!found) throw ProblemException.notFound('Critical date', id);
    const { date, result, trend } = found;
    return shapeReadiness(date, result.councils, result.counts, trend);
  }

  /** A council's readiness for every coming date that concerns it (council: its own only). */
  async forCouncil(actor: Actor, councilRef: string): Promise<CouncilReadinessListViewDto> {
    if (!COUNCIL_REF.test(councilRef)) {
      throw ProblemException.invalidFields([
        { field: 'councilId', message: 'must be a UUID or a GSS code such as E09000001' },
      ]);
    }
    const norm = isGssCode(councilRef.toUpperCase())
      ? councilRef.toUpperCase()
      : councilRef.toLowerCase();
    const council = await this.readiness.council(norm);
    if (!council || (actor.role === 'council' && actor.organisationId !== council.id)) {
      throw ProblemException.notFound('Council', councilRef);
    }
    const rows = await this.readiness.forCouncil(council.id);
    return {
      councilId: council.id,
      gssCode: council.gss_code,
      name: council.name,
      dates: rows.map((r) => {
        const date = r.critical_date;
        const {
          councilId: _c,
          gssCode: _g,
          name: _n,
          region: _r,
          nation: _na,
          ...rest
        } = toCouncilReadinessView(r);
        return { ...rest, criticalDate: toCriticalDateView(date), daysToGo: daysUntil(date.date) };
      }),
    };
  }
}
