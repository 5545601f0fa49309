/** The New API OAuth client the e2e build is made for; registered with the mock by each test file. */
export const E2E_CLIENT_ID = 'demoE2eClient';
