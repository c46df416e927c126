// The app's version, as package.json gives it (tests/unit/returnData.test.ts checks the two agree):
// written into a workstation's return data file so a coordinator can see what made it.
export const APP_VERSION = '0.1.0';
