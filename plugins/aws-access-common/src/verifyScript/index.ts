export { renderVerifyScript } from './renderVerifyScript';
export type { VerifyScriptInput } from './renderVerifyScript';
export type { ScriptSubjectInput } from './shellPieces';
