import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { applyRememberedPalette } from '../ui/palette.ts';
import { Popup } from './popup.tsx';

applyRememberedPalette();
render(<Popup />, document.getElementById('app')!);
