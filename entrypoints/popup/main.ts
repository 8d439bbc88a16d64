import './popup.css';
// First: starts reading the first page before the view's modules run (imports run in order).
import { firstRead } from './first-read';
import { mount } from './app';

mount(firstRead);
