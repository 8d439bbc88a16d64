import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './welcome.css';
import { render } from 'preact';
import { Welcome } from '@/components/welcome/Welcome';
import { uiLang } from '@/lib/i18n';
import { label } from '@/lib/popup/labels';

// The first-run page, opened once when the extension is installed (lib/background/welcome.ts).
const ui = uiLang();
document.documentElement.lang = ui;
document.documentElement.dir = ui === 'ar' ? 'rtl' : 'ltr';
document.title = label('welcomeTitle');
const app = document.getElementById('app');
if (app) render(<Welcome />, app);
