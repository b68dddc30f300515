// The staff shipment list's tabs: which shipments each shows (the REST `state` filter). Incoming is
// the default because that is where work arrives.
export interface StateTab {
  /** The value of ?state= in the URL. */
  value: string;
  label: string;
  /** The REST filter; undefined lists every state. */
  state?: 'draft' | 'sent' | 'on_site' | 'returned' | 'archived';
  empty: string;
}

export const STATE_TABS: StateTab[] = [
  { value: 'sent', label: 'Incoming', state: 'sent', empty: 'No shipments are on their way. Shipments appear here when their project sends them.' },
  { value: 'on_site', label: 'On site', state: 'on_site', empty: 'No shipments are on site. Receive incoming shipments to see them here.' },
  { value: 'returned', label: 'Returned', state: 'returned', empty: 'No returned shipments. Return a shipment from its page once its project is done with it.' },
  { value: 'archived', label: 'Archived', state: 'archived', empty: 'No archived shipments.' },
  { value: 'all', label: 'All', empty: 'No shipments yet.' },
];

export function stateTab(value: string | undefined): StateTab {
  return STATE_TABS.find((tab) => tab.value === value) ?? STATE_TABS[0];
}
