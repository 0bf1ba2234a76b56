import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
// Cyrillic only (Ukrainian): Latin stays Atkinson Hyperlegible, which has no Cyrillic.
import '@fontsource/noto-sans/cyrillic-400.css';
import '@fontsource/noto-sans/cyrillic-700.css';
import './styles/kiosk.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { connectToHost } from './kit/host-client';
import { createI18n } from './kit/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

const i18n = await createI18n('fr');
const host = connectToHost();

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App host={host} />
    </I18nextProvider>
  </StrictMode>,
);
