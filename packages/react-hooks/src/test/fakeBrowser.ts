// The login package's in-memory browser, shared rather than copied: these tests drive the same
// login flow through React.
export { createFakeBrowser, type FakeBrowser } from '../../../login/src/test/fakeBrowser.js';
