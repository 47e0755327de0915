import { useAuth } from './use-auth';
import { AuthMessagePage } from './auth-message-page';

export function SignedOutRoute() {
  const { signIn } = useAuth();
  return (
    <AuthMessagePage title="You are signed out" detail="Your campaign data was cleared from this browser tab.">
      <button type="button" className="button-primary" onClick={() => void signIn('/')}>
        Sign in
      </button>
    </AuthMessagePage>
  );
}
