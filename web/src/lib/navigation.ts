// The navigation each kind of person sees. Project users work on their own shipments and data;
// staff run the beamlines. Pages of other roles stay reachable by link where the API allows it.
export interface NavItem {
  href: string;
  label: string;
}

export const PROJECT_NAV: NavItem[] = [
  { href: '/', label: 'Dashboard' },
  { href: '/shipments/', label: 'Shipments' },
  { href: '/sessions/', label: 'Sessions' },
  { href: '/datasets/', label: 'Datasets' },
  { href: '/reports/', label: 'Reports' },
  { href: '/targets/', label: 'Targets' },
  { href: '/observations/', label: 'Observations' },
  { href: '/profile/', label: 'Profile' },
];

export const STAFF_NAV: NavItem[] = [
  { href: '/', label: 'Dashboard' },
  { href: '/staff/shipments/', label: 'Shipments' },
  { href: '/staff/automounters/', label: 'Automounters' },
  { href: '/sessions/', label: 'Sessions' },
  { href: '/staff/projects/', label: 'Projects' },
  { href: '/staff/beamlines/', label: 'Beamlines' },
  { href: '/staff/access-lists/', label: 'Remote access' },
  { href: '/targets/', label: 'Targets' },
  { href: '/observations/', label: 'Observations' },
  { href: '/staff/survey/', label: 'Survey' },
  { href: '/staff/activity/', label: 'Activity' },
];

/**
 * Telescope pages a visitor may open without signing in (tom_education's were public): they show
 * public targets and their data, and a not-found page for the rest.
 */
// (Creating or changing a target is not: /targets/create/ and /targets/<pk>/update/ ask for a login.)
const OPEN_TO_VISITORS = [/^\/targets\/(\d+\/(data\/)?)?$/, /^\/pipeline\/\d+\/?$/, /^\/dataproducts\/data\/group\//, /^\/gallery\//,
  /^\/dataproducts\/\d+\/view\/$/];

export function openToVisitors(pathname: string): boolean {
  return OPEN_TO_VISITORS.some((pattern) => pattern.test(pathname));
}

/** Whether a link is the section the reader is in ('/' only on the dashboard itself). */
export function isCurrent(href: string, pathname: string): boolean {
  return href === '/' ? pathname === '/' : pathname.startsWith(href);
}
