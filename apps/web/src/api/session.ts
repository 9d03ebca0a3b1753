import type { components } from './schema';

export type User = components['schemas']['UserResponse'];
export type Tokens = components['schemas']['AuthTokensResponse'];

const REFRESH_KEY = 'prepmate.refreshToken';

/**
 * The signed-in session: the access token lives in memory only; the refresh token (rotated
 * on every use) in localStorage, so a reload signs back in silently.
 */
class Session {
  private accessToken: string | null = null;
  private user: User | null = null;
  private readonly listeners = new Set<() => void>();

  get token(): string | null {
    return this.accessToken;
  }

  get current(): User | null {
    return this.user;
  }

  get refreshToken(): string | null {
    return localStorage.getItem(REFRESH_KEY);
  }

  start(tokens: Tokens): void {
    this.accessToken = tokens.accessToken;
    this.user = tokens.user;
    localStorage.setItem(REFRESH_KEY, tokens.refreshToken);
    this.emit();
  }

  setUser(user: User): void {
    this.user = user;
    this.emit();
  }

  end(): void {
    this.accessToken = null;
    this.user = null;
    localStorage.removeItem(REFRESH_KEY);
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export const session = new Session();
