// The LCO facility: what the rest of Lightpath imports.
export { LcoFacility, INSTRUMENTS_TTL_MS, ARCHIVE_TOKEN_TTL_MS } from './facility.ts';
export type { LcoFacilityOptions, LcoFormInfo } from './facility.ts';
export { readLcoConfig, LcoConfigError, LCO_DEFAULTS } from './config.ts';
export type { LcoConfig } from './config.ts';
