import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { ext } from '../platform/browser.ts';
import { backgroundApi } from './api.ts';
import { Options } from './options.tsx';

const manifest = ext.runtime.getManifest();
const builtInHosts = [
  ...new Set(
    (manifest.content_scripts ?? [])
      .flatMap((c) => c.matches ?? [])
      .map((m) => m.replace(/^https?:\/\//, '').replace(/\/.*$/, '')),
  ),
];

render(
  <Options api={backgroundApi} version={manifest.version} builtInHosts={builtInHosts} />,
  document.getElementById('app')!,
);
