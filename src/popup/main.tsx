import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { applyRememberedPalette } from '../ui/palette.ts';
import { FIRST_PAINT_WAIT_MS, type FirstLoad, firstLoad } from './first-load.ts';
import { Popup } from './popup.tsx';

performance.mark('gexfocus:main');
applyRememberedPalette();
const first = firstLoad();
const waited = new Promise<null>((done) => setTimeout(() => done(null), FIRST_PAINT_WAIT_MS));
Promise.race([first.catch(() => null), waited]).then((ready: FirstLoad | null) => {
  render(<Popup first={ready} pending={first} />, document.getElementById('app')!);
  performance.mark('gexfocus:rendered');
});
