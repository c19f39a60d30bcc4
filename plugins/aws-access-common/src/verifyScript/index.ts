export { renderVerifyScript } from './renderVerifyScript';
export type { VerifyScriptInput } from './renderVerifyScript';
