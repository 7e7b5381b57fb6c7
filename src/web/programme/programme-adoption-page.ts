import { plainToInstance } from 'class-transformer';
import type { TFunction } from 'i18next';
import { ADOPTION_TRANSITIONS } from '../../adoption/adoption-lifecycle.js';
import type { AdoptionStage } from '../../adoption/adoption-stage.js';
import type { AdoptionVariancesService } from '../../adoption/adoption-variances.service.js';
import type { AdoptionsService } from '../../adoption/adoptions.service.js';
import { VarianceQueryDto } from '../../adoption/dto/variance.dto.js';
import type { SuccessStepsService } from '../../adoption/success-steps.service.js';
import type { Actor } from '../../auth/actor.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { STAGE_TAG } from '../council-status.js';
import type { FormError } from '../forms/form-errors.js';
import { explainRefusal } from '../refusals.js';

/** The services one programme adoption page reads and writes through. */
export interface AdoptionPageServices {
  adoptions: AdoptionsService;
  steps: SuccessStepsService;
  variances: AdoptionVariancesService;
}

/** The adoption's own address under its council's page. */
export const adoptionPath = (councilId: string, adoptionId: string) =>
  `/programme/councils/${councilId}/adoptions/${adoptionId}`;

/**
 * The adoption, read with the user's Actor like the API does; an adoption of another
 * council under this council's address is a 404, as an unknown id is.
 */
export async function adoptionOfCouncil(
  adoptions: AdoptionsService,
  actor: Actor,
  councilId: string,
  adoptionId: string,
) {
  const adoption = await adoptions.get(actor, adoptionId);
  if (adoption.council.id !== councilId.toLowerCase()) {
    throw ProblemException.notFound('Adoption', adoptionId);
  }
  return adoption;
}

/** Everything the adoption page shows; write controls only for a programme admin. */
export async function adoptionPageView(
  s: AdoptionPageServices,
  actor: Actor,
  councilId: string,
  adoptionId: string,
) {
  const adoption = await adoptionOfCouncil(s.adoptions, actor, councilId, adoptionId);
  const [history, checklist, variances] = await Promise.all([
    s.adoptions.history(actor, adoptionId),
    s.steps.checklist(actor, adoptionId),
    s.variances.list(actor, plainToInstance(VarianceQueryDto, { limit: 500 }), adoptionId),
  ]);
  const canEdit = actor.role === 'programme_admin';
  const path = adoptionPath(adoption.council.id, adoption.id);
  return {
    adoption,
    path,
    tagClass: STAGE_TAG[adoption.stage],
    targets: Object.entries(adoption.targetDates ?? {}).filter(([, date]) => Boolean(date)),
    history: [...history.data].reverse(),
    steps: checklist.data.filter((x) => x.active || x.done),
    variances: variances.data,
    canEdit,
    stepActionBase: canEdit ? path : null,
    allowed: canEdit ? ADOPTION_TRANSITIONS[adoption.stage] : [],
    moveValues: {} as Record<string, unknown>,
  };
}

/** A refused move in the page's words: the errors and, for unfinished steps, the override offer. */
export interface MoveRefusal {
  errors: FormError[];
  status: number;
  blocked?: { to: AdoptionStage; steps: { id: string; title: string; stage: string }[] };
}

/**
 * Turns the lifecycle service's refusal into form errors. Unfinished mandatory steps are
 * named one by one (each linking to its task) and open the override; a stale version says
 * someone else changed the adoption. Null for anything that is not a rule refusal.
 */
export function explainMoveRefusal(
  err: unknown,
  to: AdoptionStage,
  t: TFunction,
): MoveRefusal | null {
  if (err instanceof ProblemException && err.code === 'steps_incomplete') {
    const steps = (err.extensions as { steps: { id: string; title: string; stage: string }[] })
      .steps;
    const stage = t(`stages.${to}`);
    return {
      status: 409,
      blocked: { to, steps },
      errors: [
        { field: 'overrideReason', text: t('programmeAdoption.refusal.blocked', { stage }) },
        ...steps.map((x) => ({
          field: `step-${x.id}`,
          text: t('programmeAdoption.refusal.stepNotDone', {
            title: x.title,
            stage: t(`stages.${x.stage}`),
          }),
        })),
      ],
    };
  }
  if (err instanceof ProblemException && err.code === 'stale_version') {
    return { status: 409, errors: [{ field: 'to', text: t('programmeAdoption.refusal.stale') }] };
  }
  const why = explainRefusal(err, t);
  return why ? { status: 409, errors: [{ field: 'to', text: why }] } : null;
}
