import { render } from 'preact';
import '../ui/theme.css';
import './welcome.css';
import { send } from '../messaging/send.ts';
import { ext } from '../platform/browser.ts';
import { applyRememberedPalette } from '../ui/palette.ts';
import { Welcome } from './welcome.tsx';

applyRememberedPalette();
render(
  <Welcome
    openOptions={() => void ext.runtime.openOptionsPage()}
    loadSample={async () => {
      const s = await send('chains/load-sample', null);
      return `${s.underlying}, ${s.contracts.toLocaleString('en-US')} contracts`;
    }}
  />,
  document.getElementById('app')!,
);
