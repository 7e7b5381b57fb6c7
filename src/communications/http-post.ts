import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 256 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 256 }),
};

/**
 * POSTs a body over keep-alive connections and resolves with the response status (the
 * body is discarded); rejects on a network error or when the whole exchange takes longer
 * than `timeoutMs`. Lighter than fetch for many small requests.
 */
export function postForStatus(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  const target = new URL(url);
  const protocol = target.protocol as keyof typeof agents;
  if (!agents[protocol]) return Promise.reject(new Error(`unsupported protocol ${protocol}`));
  const send = protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = send(target, {
      method: 'POST',
      agent: agents[protocol],
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
    });
    const timer = setTimeout(
      () =>
        req.destroy(
          Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' }),
        ),
      timeoutMs,
    );
    req.once('response', (res) => {
      res.resume();
      res.once('end', () => {
        clearTimeout(timer);
        resolve(res.statusCode ?? 0);
      });
      res.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    req.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}
