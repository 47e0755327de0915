/*
 * The few HTML pages the sandbox's identity side renders. Every interpolated value goes through escapeHtml.
 */
import { DEMO_USERS } from './demo-users.ts';

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
  main { width: min(24rem, 100% - 2rem); }
  h1 { font-size: 1.4rem; margin: 0 0 1rem; }
  label { display: block; margin: .75rem 0 .25rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; }
  .actions { display: flex; gap: .5rem; margin-top: 1rem; }
  button { padding: .5rem 1rem; font: inherit; cursor: pointer; }
  .error { color: #b00020; border: 1px solid currentColor; padding: .5rem; border-radius: 4px; }
  .demo { margin-top: 1.5rem; padding: .75rem; border: 1px dashed GrayText; border-radius: 4px; font-size: .9rem; }
  .demo ul { margin: .25rem 0 0; padding-left: 1.25rem; }
  code { font-size: .95em; }
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

export interface LoginPageOptions {
  uid: string;
  clientId: string;
  username?: string;
  error?: boolean;
}

export function renderLoginPage({ uid, clientId, username = '', error = false }: LoginPageOptions): string {
  const action = `/interaction/${encodeURIComponent(uid)}`;
  const demoUsers = DEMO_USERS.map((user) => `<li><code>${escapeHtml(user.username)}</code> / <code>${escapeHtml(user.password)}</code>: ${escapeHtml(user.name)}${user.canReadCampaigns ? '' : ' (no campaigns:read)'}</li>`).join('');
  return page('Sign in to the Talkdesk sandbox', `
<h1>Sign in to the Talkdesk sandbox</h1>
<p>for <strong>${escapeHtml(clientId)}</strong></p>
${error ? '<p class="error" role="alert">Wrong username or password</p>' : ''}
<form method="post" action="${escapeHtml(`${action}/login`)}" autocomplete="off">
  <label for="username">Username</label>
  <input id="username" name="username" type="text" required autofocus value="${escapeHtml(username)}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" required>
  <div class="actions">
    <button type="submit">Sign in</button>
    <button type="submit" formaction="${escapeHtml(`${action}/abort`)}" formnovalidate>Cancel</button>
  </div>
</form>
<section class="demo" aria-label="Demo credentials">
  <strong>Demo credentials</strong>
  <ul>${demoUsers}</ul>
</section>`);
}

export function renderMessagePage(title: string, details: Record<string, unknown>): string {
  const rows = Object.entries(details).map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`).join('');
  return page(title, `<h1>${escapeHtml(title)}</h1><dl>${rows}</dl>`);
}

export function renderLogoutPage(form: string): string {
  // `form` is oidc-provider's own markup (a hidden xsrf field), not user input.
  return page('Sign out', `
<h1>Sign out of the Talkdesk sandbox?</h1>
${form}
<div class="actions">
  <button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button>
  <button type="submit" form="op.logoutForm">Stay signed in</button>
</div>`);
}

export function renderLoggedOutPage(): string {
  return page('Signed out', '<h1>Signed out</h1><p>You have signed out of the Talkdesk sandbox.</p>');
}
