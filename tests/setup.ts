import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
});

// jsdom has no adopted stylesheets; a browser's document starts with an empty list (table preferences and the
// refresh's highlights add theirs to it).
document.adoptedStyleSheets ??= [];
