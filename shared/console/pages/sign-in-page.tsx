/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** Sign-in: with a name and an API key or the console password, or with the one-time link `npm start` prints. */

export function SignInPage(props: { next: string; formToken: string; problem: string | null; name: string; passwordEnabled: boolean }) {
  return (
    <div class="card">
      <h1>Sign in to sla-watch</h1>
      {props.problem === null ? null : (
        <p class="notice error" role="alert">
          {props.problem}
        </p>
      )}
      <form method="post" action="/sign-in">
        <input type="hidden" name="csrf" value={props.formToken} />
        <input type="hidden" name="next" value={props.next} />
        <p>
          <label for="name">Your name (responses you make are recorded in it)</label>
          <input id="name" name="name" required maxlength={200} value={props.name} autocomplete="name" />
        </p>
        <p>
          <label for="secret">{props.passwordEnabled ? 'API key or console password' : 'API key'}</label>
          <input id="secret" name="secret" type="password" required autocomplete="current-password" />
        </p>
        <button type="submit">Sign in</button>
      </form>
    </div>
  );
}

export function TicketPage(props: { problem: string | null }) {
  return (
    <div class="card">
      <h1>Sign in to sla-watch</h1>
      {props.problem === null ? null : (
        <p class="notice error" role="alert">
          {props.problem}
        </p>
      )}
      <p>This one-time link signs you in to the console of this sla-watch.</p>
      <form method="post">
        <p>
          <label for="name">Your name (responses you make are recorded in it)</label>
          <input id="name" name="name" required maxlength={200} autocomplete="name" />
        </p>
        <button type="submit">Sign in</button>
      </form>
    </div>
  );
}
