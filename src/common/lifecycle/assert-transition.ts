import { ProblemException } from '../errors/problem.exception.js';

export interface TransitionOptions<S extends string> {
  /** Narrows the map for this caller (e.g. moves a supplier may make); named in the 409. */
  permitted?: (to: S) => boolean;
}

/**
 * The one check every lifecycle makes: `to` must be among `transitions[from]`, or a 409
 * `illegal_transition` whose `allowed` lists the legal moves. The same map is rendered
 * into the OpenAPI document (ApiLifecycle), so what is documented is what is enforced.
 */
export function assertTransition<S extends string>(
  transitions: Readonly<Record<S, readonly S[]>>,
  from: S,
  to: S,
  subject: string,
  options: TransitionOptions<S> = {},
): void {
  const allowed = transitions[from].filter((s) => options.permitted?.(s) ?? true);
  if (allowed.includes(to)) return;
  const forYou = options.permitted ? ' for you' : '';
  throw ProblemException.conflict(
    'illegal_transition',
    `Cannot move ${subject} from ${from} to ${to}; allowed${forYou}: ${allowed.join(', ') || 'none'}`,
    { from, to, allowed },
  );
}
