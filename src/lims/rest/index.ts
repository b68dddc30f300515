// Lightpath's own REST API for the beamline sample database, mounted under /rest/v1 in its own
// plugin context (so its text/csv parser applies to its routes only).
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { accessListRoutes } from './access-lists.ts';
import { refuseNulCharacters } from './common.ts';
import { automounterRoutes } from './automounters.ts';
import { beamlineRoutes } from './beamlines.ts';
import { containerTypeRoutes } from './container-types.ts';
import { containerRoutes } from './containers.ts';
import { datasetRoutes } from './datasets.ts';
import { groupRoutes } from './groups.ts';
import { projectRoutes } from './projects.ts';
import { reportRoutes } from './reports.ts';
import { sampleRoutes } from './samples.ts';
import { sessionRoutes } from './sessions.ts';
import { shipmentRoutes } from './shipments.ts';
import { sshKeyRoutes } from './ssh-keys.ts';

/** CSV uploads are small: a container holds at most a few hundred samples. */
const CSV_LIMIT = 1024 * 1024;

export async function limsRestRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  await instance.register(async (lims) => {
    lims.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_LIMIT }, (_request, body, done) => done(null, body));
    lims.addHook('preValidation', async (request) => {
      refuseNulCharacters(request.query);
      refuseNulCharacters(request.body);
    });
    for (const routes of [
      projectRoutes, shipmentRoutes, containerRoutes, groupRoutes, sampleRoutes, containerTypeRoutes, beamlineRoutes,
      automounterRoutes, sessionRoutes, datasetRoutes, reportRoutes, accessListRoutes, sshKeyRoutes,
    ]) {
      await routes(lims, platform);
    }
  });
}
