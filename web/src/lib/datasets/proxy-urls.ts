// Links into the Data Proxy for a record's directory, found by its proxy key: the whole directory
// as one .tar.gz, the sample snapshot, and diffraction frame previews (the URLs MxLIVE built).
const DOWNLOAD_NAME = /[^A-Za-z0-9_-]+/g;

/** The download's name; the proxy refuses dots in it, so anything unusual becomes a dash. */
export function downloadName(name: string, fallback: string): string {
  return name.replace(DOWNLOAD_NAME, '-').replace(/^-+|-+$/g, '').slice(0, 80) || fallback;
}

export function archiveUrl(key: string, name: string, fallback: string): string {
  return `/download/files/archive/${encodeURIComponent(key)}/${downloadName(name, fallback)}.tar.gz`;
}

/** The sample's snapshot; the proxy tries other image suffixes and answers a placeholder when there is none. */
export function snapshotUrl(key: string, name: string): string {
  return `/download/files/snapshot/${encodeURIComponent(key)}/${encodeURIComponent(name)}.png`;
}

/** How bright a frame preview is drawn: the proxy's two-letter codes. */
export const BRIGHTNESS = [
  { code: 'nm', label: 'Normal' },
  { code: 'dk', label: 'Dark (more contrast)' },
  { code: 'lt', label: 'Light' },
  { code: 'xl', label: 'Extra light' },
] as const;

export type Brightness = (typeof BRIGHTNESS)[number]['code'];

/** A frame's preview: `file` may be a path with slashes (an HDF5 master file and its frame number). */
export function frameUrl(key: string, file: string, brightness: Brightness): string {
  const path = file.split('/').map(encodeURIComponent).join('/');
  return `/download/files/frame/${encodeURIComponent(key)}/${path}/${brightness}.png`;
}
