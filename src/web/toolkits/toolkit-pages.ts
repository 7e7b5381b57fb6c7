import { StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor.js';
import { ifNoneMatchHits } from '../../common/http/conditional-get.js';
import { servedContentType } from '../../toolkits/toolkit-content.js';
import type { ToolkitsService } from '../../toolkits/toolkits.service.js';

/**
 * A file download from a page: the API's rule (ToolkitsService: drafts for staff only,
 * the download recorded for the user's organisation), the same headers as the API.
 */
export async function sendToolkitFile(
  toolkits: ToolkitsService,
  actor: Actor,
  ids: { id: string; releaseId: string; fileId: string },
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<StreamableFile | undefined> {
  const d = await toolkits.download(actor, ids.id, ids.releaseId, ids.fileId, (etag) =>
    ifNoneMatchHits(req.headers['if-none-match'], etag),
  );
  void reply.header('etag', `"${d.file.sha256}"`).header('cache-control', 'private, no-cache');
  if (!d.body) {
    void reply.status(304);
    return undefined;
  }
  return new StreamableFile(d.body, {
    type: servedContentType(d.file.contentType),
    disposition: `attachment; filename="${d.file.name}"`,
    length: d.file.sizeBytes,
  });
}
