// The telescope records the data, pipeline, group and gallery pages show, as the REST API gives them.
import type { paths } from '$lib/api/schema';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer J } } } ? J
    : R extends { 201: { content: { 'application/json': infer J } } } ? J
      : R extends { 202: { content: { 'application/json': infer J } } } ? J : never
  : never;

export type DataProduct = Json<'/rest/v1/data-products/{id}', 'get'> & { thumbnail_url?: string | null };
export type ProcessDetail = Json<'/rest/v1/processes/{id}', 'get'>;
export type ProcessSummary = Json<'/rest/v1/targets/{id}/processes', 'get'>['results'][number];
export type Pipeline = Json<'/rest/v1/pipelines', 'get'>['results'][number];
export type Group = Json<'/rest/v1/data-product-groups', 'get'>['results'][number];
export type GroupDetail = Json<'/rest/v1/data-product-groups/{id}', 'get'>;
export type Target = Json<'/rest/v1/targets/{id}', 'get'>;

/** tom_education's "reduced" frames: FITS files other than the raw e00 ones. */
export function isReduced(product: DataProduct): boolean {
  return product.file_name.includes('fits') && !product.file_name.endsWith('e00.fits.fz');
}

/** Ended, one way or the other (the status text may be anything while it runs). */
export function hasEnded(process: { terminal_at: string | null }): boolean {
  return process.terminal_at !== null;
}

export function galleryUrl(ids: number[]): string {
  return `/gallery/?product_pks=${ids.join(',')}`;
}

export function groupUrl(id: number): string {
  return `/dataproducts/data/group/${id}/`;
}
