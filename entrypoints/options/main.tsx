import { render } from 'preact';
import { App } from './App';
import { verdictVariables } from '../../lib/palette';
import { t, uiLocale } from '../../utils/i18n';
import '../popup/style.css';
import './style.css';

// The verdict colours, from the one palette (our constants, never page or claim data).
const palette = document.createElement('style');
palette.textContent = verdictVariables(':root', '--');
document.head.prepend(palette);
document.documentElement.lang = uiLocale();
document.title = t('optionsTitle');

const root = document.getElementById('app');
if (root) render(<App />, root);
