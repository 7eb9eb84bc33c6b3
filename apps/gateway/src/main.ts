import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { KeywardConfig } from '@keyward/config';
import { AppModule } from './app.module';
import { createValidationPipe } from './errors/validation.pipe';
import { answerClientError } from './http/client-error.handler';
import { consoleDirOf, consoleStaticMiddleware } from './console/console-static.middleware';
import { jsonBodyMiddleware } from './http/json-body.middleware';
import { requestIdMiddleware } from './http/request-id.middleware';
import { responseHeadersMiddleware } from './http/response-headers.middleware';
import { trustProxyOf } from './http/trust-proxy';
import { untrustedInputMiddleware } from './http/untrusted-input.middleware';
import { httpMetricsMiddleware, KEYWARD_CONFIG, METRICS_REGISTRY, runMain } from '@keyward/platform';
import { setUpOpenApi } from './openapi';

/** Large enough for any key request; anything bigger is refused with 413. */
const BODY_LIMIT = '64kb';

runMain('gateway', async (logger) => {
  // Checked before anything starts: a bad value must not leave a gateway trusting the wrong headers.
  const trustProxy = trustProxyOf(process.env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, abortOnError: false, logger });
  app.disable('x-powered-by');
  // Which X-Forwarded-* to believe: request.ip (sign-in throttle, IP allowlists) and request.secure (the cookie).
  app.set('trust proxy', trustProxy);
  app.use(responseHeadersMiddleware);
  // Before the access log (a module middleware, so it runs after this), which takes the id from here.
  app.use(requestIdMiddleware);
  app.use(httpMetricsMiddleware(app.get(METRICS_REGISTRY)));
  // Our own JSON parser, after the request id, so that its failures get the error body and an id too.
  app.use(jsonBodyMiddleware(BODY_LIMIT));
  app.use(untrustedInputMiddleware);
  // Before the routes: every GET the API does not own is the console's (an SPA: its pages are not files).
  app.use(consoleStaticMiddleware(consoleDirOf(process.env)));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  const { gatewayPort } = app.get<KeywardConfig>(KEYWARD_CONFIG);
  await app.listen(gatewayPort, '0.0.0.0');
  app.getHttpServer().on('clientError', answerClientError);
  new Logger('gateway').log(`listening on http://127.0.0.1:${gatewayPort} (API docs at /docs)`);
});
