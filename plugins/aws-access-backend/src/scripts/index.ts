export { renderSetupScript } from './renderSetupScript';
export { renderVerifyScript } from './renderVerifyScript';
