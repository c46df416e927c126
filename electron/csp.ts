// The Content Security Policy for the renderer, one string for Electron's main process and for
// the browser harness, so tests run the UI under the same rules as the app.
// Mantine sets inline style attributes, hence 'unsafe-inline' for styles only; no eval anywhere.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
