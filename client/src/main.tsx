import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App.tsx';
import { keepSigningOutLeft } from './app/sign-out-later.ts';
import { LanguageProvider } from './i18n/i18n.tsx';
import './styles/global.css';
import './styles/print.css';

// The server's Content-Security-Policy allows no eval: zod would try `new Function` to see
// whether it may compile its checks, and the browser would report the refusal as an error.
z.config({ jitless: true });

// The page loads again while the browser is offline (public/sw.js): a reload on a train, a
// phone's browser bringing back a tab it had put away. Where the browser refuses (site data
// blocked), the page works as before.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  // On the first visit the page and its assets came before the worker: it is told what loaded.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    navigator.serviceWorker.controller?.postMessage({
      keep: loaded.filter((url) => new URL(url).pathname.startsWith('/assets/')),
    });
  });
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

// Devices left ("Leave…") while the server could not be reached are signed out once it can be.
keepSigningOutLeft();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LanguageProvider>
        <App />
      </LanguageProvider>
    </StrictMode>,
  );
}
