import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './popup.css';
// First: starts reading the first page before the view's modules run (imports run in order).
import { firstRead } from './first-read';
import { mount } from './app';

mount(firstRead);
