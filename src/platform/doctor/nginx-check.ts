// Lightpath has no setting that names a reverse proxy (nginx, Caddy) in front of it, so there is
// nothing here to check it against; docs/deployment.md says what the proxy must do.
import type { DoctorCheck } from './finding.ts';
import { skipped } from './finding.ts';

export const nginxCheck: DoctorCheck = {
  name: 'reverse proxy',
  async run() {
    return [skipped('no reverse proxy is configured in Lightpath\'s settings: check it by hand against docs/deployment.md ("The web app")')];
  },
};
