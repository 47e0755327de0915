export function StartupError(props: { error: unknown }) {
  const message = props.error instanceof Error ? props.error.message : 'The dashboard could not start.';
  return (
    <main style={{ padding: '2rem', fontFamily: 'system-ui, sans-serif' }}>
      <h1>The dashboard could not start</h1>
      <p>{message}</p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </main>
  );
}
