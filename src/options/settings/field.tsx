/** One setting: a label, its control, one line of help under it. */
import type { ComponentChildren } from 'preact';
import type { Settings } from '../../core/settings.ts';

export type Patch = Partial<Omit<Settings, 'version'>>;

export function Field({
  label,
  help,
  children,
}: {
  label: string;
  help: string;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <div class="field-label">{label}</div>
      <div class="field-control">{children}</div>
      <div class="field-help muted small">{help}</div>
    </div>
  );
}
