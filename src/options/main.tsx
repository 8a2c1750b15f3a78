import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { BUILT_IN_HOSTS } from '../core/built-in-hosts.ts';
import { ext } from '../platform/browser.ts';
import { applyRememberedPalette } from '../ui/palette.ts';
import { backgroundApi } from './api.ts';
import { Options } from './options.tsx';

applyRememberedPalette();
const manifest = ext.runtime.getManifest();
const builtInHosts = [...BUILT_IN_HOSTS];

render(
  <Options api={backgroundApi} version={manifest.version} builtInHosts={builtInHosts} />,
  document.getElementById('app')!,
);
