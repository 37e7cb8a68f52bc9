import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App.tsx';
import { LanguageProvider } from './i18n/i18n.tsx';
import './styles/global.css';
import './styles/print.css';

// The server's Content-Security-Policy allows no eval: zod would try `new Function` to see
// whether it may compile its checks, and the browser would report the refusal as an error.
z.config({ jitless: true });

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
