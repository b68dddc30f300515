// A single-page app: nothing is rendered on the server, every URL gets the same page, and paths end
// in a slash as MxLIVE's and tom_education's links do.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'always';
