import { useAuth } from './use-auth';
import { AuthMessagePage } from './auth-message-page';
import { displayName } from './session';

export function ForbiddenPage() {
  const { signOut, session } = useAuth();
  const who = displayName(session) || 'This account';
  return (
    <AuthMessagePage
      inLayout
      title="No access to campaigns"
      detail={
        <>
          {who} may not read campaigns: it lacks the <code>campaigns:read</code> permission, or the account is not
          enrolled in Talkdesk’s Early Access for the Campaign Management API. Ask your Talkdesk administrator.
        </>
      }
    >
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </AuthMessagePage>
  );
}
