import { ApiExtension } from '@nestjs/swagger';

/**
 * Puts a lifecycle in the operation: `x-transitions` is the very map the service enforces
 * (`Record<Status, Status[]>`), and completeOpenApiDocument renders it into the description,
 * so the document cannot drift from the code.
 */
export const ApiLifecycle = <S extends string>(
  name: string,
  transitions: Record<S, readonly S[]>,
) => ApiExtension('x-transitions', { lifecycle: name, transitions });

export interface TransitionsExtension {
  lifecycle: string;
  transitions: Record<string, readonly string[]>;
}

/** The lifecycle as a Markdown table, one row per status. */
export function renderLifecycle(ext: TransitionsExtension): string {
  const rows = Object.entries(ext.transitions).map(
    ([from, to]) =>
      `| \`${from}\` | ${to.length ? to.map((t) => `\`${t}\``).join(', ') : '(final)'} |`,
  );
  return [
    `**${ext.lifecycle} lifecycle** (any other move is a 409 whose \`allowed\` lists the legal ones):`,
    '',
    '| from | may move to |',
    '| --- | --- |',
    ...rows,
  ].join('\n');
}
