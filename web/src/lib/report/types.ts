// Reports and the records around them, as the REST API describes them.
import type { components } from '$lib/api/schema';

export type Report = components['schemas']['Report'];
export type Dataset = components['schemas']['Dataset'];
export type BeamlineSession = components['schemas']['BeamlineSession'];

/**
 * The Data Proxy URL of a report's directory as one .tar.gz. The name in the URL is only the
 * download's name and may not contain dots.
 */
export function archiveUrl(report: Pick<Report, 'id' | 'name' | 'proxy_key'>): string {
  const name = report.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || `report-${report.id}`;
  return `/download/files/archive/${encodeURIComponent(report.proxy_key)}/${name}.tar.gz`;
}
