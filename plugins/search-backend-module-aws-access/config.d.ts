/**
 * The search collator takes no configuration of its own yet. The file exists because the
 * package declares it as its `configSchema`: without it no backend that depends on the
 * package can load its configuration.
 */
export interface Config {}
