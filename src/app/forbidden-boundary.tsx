import { Component, type ReactNode } from 'react';
import { ApiError } from '../lib/api-error';
import { lazyAuthPage } from '../features/auth/auth-pages';

const ForbiddenPage = lazyAuthPage('ForbiddenPage');

/** A 403 from the API anywhere below means this account cannot use the dashboard at all: one plain page. */
export class ForbiddenBoundary extends Component<{ children: ReactNode }, { forbidden: boolean }> {
  override state = { forbidden: false };

  static getDerivedStateFromError(error: unknown) {
    if (error instanceof ApiError && error.status === 403) return { forbidden: true };
    throw error;
  }

  override render() {
    return this.state.forbidden ? <ForbiddenPage /> : this.props.children;
  }
}
