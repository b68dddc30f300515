// The beamline side of GET /auth/me: the projects the signed-in account owns, so the web app can
// build its navigation and show where the MxDC key stands without another call.
import { Type } from '@sinclair/typebox';
import type { AboutMe } from '../../platform/auth/routes.ts';

const OwnProject = Type.Object({
  id: Type.Integer(),
  username: Type.String({ description: 'The project\'s name: its owner\'s username, as MxDC knows it.' }),
  full_name: Type.String(),
  has_mxdc_key: Type.Boolean(),
}, { $id: 'OwnProject' });

export const ownedProjects: AboutMe = {
  properties: {
    projects: Type.Array(OwnProject, { description: 'The beamline projects this account owns; empty for an account without one (e.g. most staff).' }),
  },
  async load(platform, userId) {
    const rows = await platform.db.selectFrom('projects').innerJoin('users', 'users.id', 'projects.user_id')
      .select(['projects.id', 'users.username', 'users.full_name', 'projects.mxdc_key'])
      .where('projects.user_id', '=', userId).orderBy('projects.id').execute();
    return { projects: rows.map(({ mxdc_key, ...project }) => ({ ...project, has_mxdc_key: mxdc_key !== '' })) };
  },
};
