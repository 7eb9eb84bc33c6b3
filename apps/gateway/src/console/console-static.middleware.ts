import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import serveStatic from 'serve-static';
import { setConsoleHeaders } from './console-headers';

/** Paths the API and operations own: never the console's, whatever they answer. */
const NOT_CONSOLE = /^\/(v1|docs(-json|-yaml)?|health|metrics)(\/|$)/;

/** Vite names built assets by content hash: the same name never holds other bytes. */
const HASHED_ASSET = /^\/assets\//;
const LONG_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: always asked again. */
const REVALIDATE = 'no-cache';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Keyward console</title></head>
<body><main><h1>The console is not built</h1><p>Run <code>npm run build</code>, then reload.</p></main></body></html>
`;

/** Where `npm run build` puts the console; `KEYWARD_CONSOLE_DIR` points elsewhere (tests, packaging). */
export const consoleDirOf = (env: NodeJS.ProcessEnv): string => path.resolve(env.KEYWARD_CONSOLE_DIR || path.join(__dirname, '../../../console/dist'));

/**
 * Serves the console at `/`: its built files, and `index.html` for every other GET of a path the
 * API does not own (the app routes in the browser: `/settings/api-access` is a page, not a file).
 * Without a build, 503 with a page saying how to build it. The folder is looked at per request, so
 * a build while the gateway runs is picked up without a restart.
 */
export const consoleStaticMiddleware = (dir: string): ((request: Request, response: Response, next: NextFunction) => void) => {
  const files = serveStatic(dir, {
    index: false,
    fallthrough: true,
    redirect: false,
    setHeaders: (response, file) => {
      setConsoleHeaders(response);
      response.setHeader('Cache-Control', HASHED_ASSET.test(`/${path.relative(dir, file).split(path.sep).join('/')}`) ? LONG_CACHE : REVALIDATE);
    },
  });
  const index = path.join(dir, 'index.html');
  return (request, response, next) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_CONSOLE.test(request.path)) return next();
    files(request, response, () => {
      setConsoleHeaders(response);
      // A missing hashed asset is a stale page asking for an old build: 404, not index.html as script.
      if (HASHED_ASSET.test(request.path)) return void response.status(404).type('text/plain').send('not found\n');
      if (!existsSync(index)) return void response.status(503).setHeader('Cache-Control', 'no-store').type('html').send(NOT_BUILT);
      response.setHeader('Cache-Control', REVALIDATE);
      response.sendFile(index, (error?: Error) => {
        if (error && !response.headersSent) response.status(503).setHeader('Cache-Control', 'no-store').type('html').send(NOT_BUILT);
      });
    });
  };
};
