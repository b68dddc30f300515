// Tables of the Data Proxy (filled in with the proxy itself).
export interface DataProxyTables {}
