// Who is signed in, as GET /rest/v1/auth/me tells it, shared by every page. The CSRF token lives
// only in memory: a reload asks the server again.
import { goto } from '$app/navigation';
import { api } from '$lib/api/client';

export interface SignedInUser {
  id: number;
  username: string;
  full_name: string;
  email: string;
  is_staff: boolean;
}

class Session {
  user = $state<SignedInUser | null>(null);
  csrf = $state<string | null>(null);
  /** True once the first /auth/me answer has arrived. */
  checked = $state(false);

  get isStaff(): boolean {
    return this.user?.is_staff ?? false;
  }

  async refresh(): Promise<void> {
    const { data } = await api.GET('/rest/v1/auth/me').catch(() => ({ data: undefined }));
    if (data) {
      this.user = data.user;
      this.csrf = data.csrf_token;
    } else {
      this.user = null;
      this.csrf = null;
    }
    this.checked = true;
  }

  signedIn(user: SignedInUser, csrf: string): void {
    this.user = user;
    this.csrf = csrf;
    this.checked = true;
  }

  /** The server no longer knows the session (expired, logged out elsewhere): back to the login page. */
  expired(): void {
    if (!this.user) return;
    this.user = null;
    this.csrf = null;
    void goto(loginUrl(location.pathname + location.search));
  }

  clear(): void {
    this.user = null;
    this.csrf = null;
  }
}

export const session = new Session();

export function loginUrl(next: string): string {
  return next && next !== '/' ? `/login/?next=${encodeURIComponent(next)}` : '/login/';
}
