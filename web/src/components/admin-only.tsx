/** What a member or viewer sees on a screen only admins may use (the API answers them 403 too). */
export function AdminOnly({ role, what }: { role: string; what: string }) {
  return (
    <section className="panel" aria-labelledby="admin-only-title">
      <h2 id="admin-only-title">This page needs an admin</h2>
      <p>
        {what} Only admins may see or change it. You are signed in as a <strong>{role}</strong>; ask an admin of your organisation.
      </p>
    </section>
  );
}
