/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/**
 * The frame of every console page: a complete document that loads only the app's own
 * stylesheet and script, a top bar with the sections and who is signed in (with a sign-out
 * form carrying the CSRF token), and the page. hono/jsx escapes every value it is given.
 */
import type { Child } from 'hono/jsx';

export interface Viewer {
  readonly person: string;
  readonly method: string;
  readonly csrf: string;
}

export function Layout(props: { title: string; viewer: Viewer | null; children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} · sla-watch`}</title>
        <link rel="stylesheet" href="/console/console.css" />
        <script src="/console/console.js" defer></script>
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">sla-watch</a>
          {props.viewer === null ? null : (
            <nav aria-label="Sections">
              <a href="/">Open alerts</a>
              <a href="/reports/daily/latest">Reports</a>
              <a href="/integrations">Integrations</a>
              <a href="/explain">What if</a>
            </nav>
          )}
          {props.viewer === null ? null : (
            <div class="who">
              <span>
                Signed in as <b>{props.viewer.person}</b>
              </span>
              <form method="post" action="/sign-out">
                <input type="hidden" name="csrf" value={props.viewer.csrf} />
                <button class="plain" type="submit">
                  Sign out
                </button>
              </form>
            </div>
          )}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

/** A whole page as the string to send. */
export function renderDocument(node: { toString(): string | Promise<string> }): string {
  return `<!DOCTYPE html>${String(node)}`;
}

export function Problem(props: { heading: string; text: string }) {
  return (
    <div class="card">
      <h1>{props.heading}</h1>
      <p class="notice error">{props.text}</p>
    </div>
  );
}
