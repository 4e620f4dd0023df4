import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { getLocale } from './i18n/locale.ts';
import './ui/ui.css';
import './ui/widgets.css';
import './app/layout.css';
import './modules/territories/territories.css';
import './modules/identity/identity.css';
import './modules/directory/directory.css';

document.documentElement.lang = getLocale();
const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
