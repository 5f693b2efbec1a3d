export function AppHeader() {
  return (
    <header className="app-header">
      <h1 className="app-title">exitflow</h1>
      <p className="app-tagline">Simulate a Workflow against a scripted conversation, and see where and why each run stops.</p>
    </header>
  );
}
