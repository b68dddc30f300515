// Builds the HTTP application from an open platform. Used by `lightpath serve` and by the tests.
import type { FastifyInstance } from 'fastify';
import type { Platform } from './platform/context.ts';
import { createHttpServer } from './platform/http/server.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { accountRoutes } from './platform/auth/routes.ts';
import { jobRoutes } from './platform/jobs/routes.ts';
import { registerDataProxy } from './dataproxy/register.ts';
import { mxliveV2Routes } from './lims/compat/routes.ts';
import { tomEducationRoutes } from './tom/compat/routes.ts';
import { observeRoute } from './tom/compat/observe-route.ts';
import { observationRestRoutes } from './tom/observations/rest-routes.ts';
import { observationStatusRoutes } from './tom/observations/status-route.ts';
import { createFacilities } from './tom/observations/facilities/index.ts';
import type { Facility } from './tom/observations/facility.ts';
import { limsRestRoutes } from './lims/rest/index.ts';
import { ownedProjects } from './lims/rest/about-me.ts';
import { tomRestRoutes } from './tom/rest/index.ts';
import { webAppRoutes } from './platform/http/web-app.ts';
import { oidcRoutes } from './platform/auth/external/oidc-routes.ts';
import { signInOptionRoutes } from './platform/auth/external/oidc-rest-routes.ts';
import { externalAccountRoutes } from './platform/auth/external/account-routes.ts';
import type { DegradedCheck } from './platform/http/health-routes.ts';
import { emailFailureCheck, jobBacklogCheck } from './platform/metrics/degraded-checks.ts';
import { facilityFailureCheck } from './tom/observations/facility-health.ts';

/** Lightpath's own REST API. Nothing of the compatibility APIs (/api/…, /download/…, /data/…) lives here. */
export const REST_PREFIX = '/rest/v1';
export const DOCS_PREFIX = '/rest/docs';

export interface AppOptions {
  /** Observatory facilities by name; default: those configured (LCO). Tests pass fakes. */
  facilities?: Map<string, Facility>;
}

export async function buildApp(platform: Platform, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = platform;
  const facilities = options.facilities ?? createFacilities(config);
  const app = await createHttpServer(platform, { publicPrefixes: [DOCS_PREFIX], degradedChecks: degradedChecks(platform, [...facilities.keys()]) });

  await registerOpenApi(app, { restPrefix: REST_PREFIX, docsPrefix: DOCS_PREFIX, baseUrl: config.baseUrl });

  await app.register(async (rest) => {
    await accountRoutes(rest, platform, [ownedProjects]);
    await signInOptionRoutes(rest, platform);
    await externalAccountRoutes(rest, platform);
    await jobRoutes(rest, platform);
    await observationRestRoutes(rest, platform, facilities);
    await observationStatusRoutes(rest, platform, facilities);
    await limsRestRoutes(rest, platform);
    await tomRestRoutes(rest, platform);
  }, { prefix: REST_PREFIX });
  await app.register(async (auth) => oidcRoutes(auth, platform));
  await registerDataProxy(app, platform, REST_PREFIX);
  await app.register(async (v2) => mxliveV2Routes(v2, platform), { prefix: '/api/v2' });
  await app.register(async (tom) => tomEducationRoutes(tom, platform));
  await app.register(async (observe) => observeRoute(observe, platform, facilities));
  // Last: the web app answers what no API route claims (its own paths never fall back).
  await app.register(async (web) => webAppRoutes(web, config.webDir));

  return app;
}

/** What /readyz of the main server watches besides its database. */
function degradedChecks(platform: Platform, facilityNames: string[]): DegradedCheck[] {
  const { db, config } = platform;
  return [
    jobBacklogCheck(db, config.readiness.jobBacklogSeconds),
    emailFailureCheck(db, config.readiness.failuresInARow),
    facilityFailureCheck(db, facilityNames, config.readiness.failuresInARow),
  ];
}
