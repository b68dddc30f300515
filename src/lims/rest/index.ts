// Lightpath's own REST API for the beamline sample database, mounted under /rest/v1 in its own
// plugin context (CSV import adds its body parsers in a context of its own).
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { accessListRoutes } from './access-lists.ts';
import { checkBodyValue } from '../../platform/http/body-checks.ts';
import { automounterRoutes } from './automounters.ts';
import { beamlineRoutes } from './beamlines.ts';
import { containerTypeRoutes } from './container-types.ts';
import { containerRoutes } from './containers.ts';
import { datasetRoutes } from './datasets.ts';
import { eventRoutes } from './events.ts';
import { groupRoutes } from './groups.ts';
import { projectRoutes } from './projects.ts';
import { reportRoutes } from './reports.ts';
import { sampleImportRoutes } from './sample-import.ts';
import { sampleRoutes } from './samples.ts';
import { sessionRoutes } from './sessions.ts';
import { shipmentRoutes } from './shipments.ts';
import { sshKeyRoutes } from './ssh-keys.ts';
import { supportAreaRoutes } from './support-areas.ts';
import { surveyRoutes } from './survey.ts';
import { feedbackResultRoutes } from './feedback-results.ts';
import { remoteConnectionRoutes } from './remote-connections.ts';

export async function limsRestRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  await instance.register(async (lims) => {
    // JSON and form bodies were checked when parsed; query strings and CSV text are checked here.
    lims.addHook('preValidation', async (request) => {
      checkBodyValue(request.query, 'query', { depth: false });
      checkBodyValue(request.body, 'body', { depth: false });
    });
    for (const routes of [
      projectRoutes, shipmentRoutes, containerRoutes, groupRoutes, sampleRoutes, sampleImportRoutes, containerTypeRoutes, beamlineRoutes,
      automounterRoutes, sessionRoutes, datasetRoutes, reportRoutes, accessListRoutes, sshKeyRoutes, eventRoutes,
      supportAreaRoutes, surveyRoutes, feedbackResultRoutes, remoteConnectionRoutes,
    ]) {
      await routes(lims, platform);
    }
  });
}
