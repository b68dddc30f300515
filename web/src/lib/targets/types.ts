// The telescope records the target pages show, as the REST API describes them.
import type { components, paths } from '$lib/api/schema';

export type Target = components['schemas']['Target'];
export type ReducedDatum = components['schemas']['ReducedDatum'];
export type Observation = components['schemas']['Observation'];
export type DataProduct = paths['/rest/v1/data-products/{id}']['get']['responses'][200]['content']['application/json'];
