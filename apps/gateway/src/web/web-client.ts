import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { static as serveStatic } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths the web client never answers: the API, Swagger, probes and metrics. */
const SERVER_PATHS = /^\/(api|docs|docs-json|health|metrics)(\/|$)/;
/** Vite names built assets `name-<hash>.ext` under /assets: their content never changes. */
const HASHED_ASSET = /^\/assets\//;

/**
 * Serves the web client built by `npm run build` (apps/web → `root`) at `/`: hashed assets
 * with a year-long immutable cache, index.html never cached (so a deploy is picked up on
 * the next load), and index.html for every other GET that asks for HTML (the client routes
 * itself). Returns false when no build is there (the API works without it).
 */
export function serveWebClient(
  app: { use(handler: RequestHandler): unknown },
  root: string,
): boolean {
  const dir = resolve(root);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const files = serveStatic(dir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      const relative = path.slice(dir.length).split('\\').join('/');
      res.setHeader(
        'Cache-Control',
        HASHED_ASSET.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path))
      return next();
    files(req, res, () => {
      // Not a file: a client route (SPA fallback), unless the path is a missing asset.
      if (HASHED_ASSET.test(req.path) || !req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  });
  return true;
}
