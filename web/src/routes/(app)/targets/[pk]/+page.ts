import { loadTarget } from '$lib/targets/load-target';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => ({ target: await loadTarget(params.pk) });
