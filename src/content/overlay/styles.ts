/**
 * The overlay's own styles, inside its closed shadow root. The host element is the only thing the page's
 * CSS can select: `:host` resets it with !important, which wins over the page's rules, even its
 * !important ones (for important declarations the inner encapsulation context wins, CSS Cascade 5
 * §6.1), so `* { all: unset; font-size: 40px !important }` on the page changes nothing here. The host is
 * a zero-size fixed box at 0,0 that lets clicks through; only the panel takes pointer events.
 * Colours follow src/ui/theme.css (verdict colours keep ≥ 4.5:1 on the panel background).
 */
export const OVERLAY_CSS = `
:host{all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;
height:0!important;overflow:visible!important;display:block!important;z-index:2147483646!important;
pointer-events:none!important;visibility:visible!important;opacity:1!important}
.p{all:initial;box-sizing:border-box;position:fixed;display:block;width:300px;max-width:calc(100vw - 16px);
pointer-events:auto;padding:8px 10px 8px 12px;border-radius:8px;border:1px solid #d8dee7;border-left:4px solid var(--v);
background:#fff;color:#0f172a;font:12px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
box-shadow:0 4px 16px rgba(15,23,42,.18);--v:#a16207;--soft:#475569;--warn:#a16207;text-align:left;
cursor:default;user-select:text;-webkit-font-smoothing:antialiased}
.stabilizing{--v:#15803d}.accelerating{--v:#c2410c}.transition{--v:#a16207}
.h{display:flex;align-items:baseline;gap:6px;margin:0 0 4px}
.d{width:9px;height:9px;border-radius:50%;background:var(--v);flex:none;align-self:center}
.t{font-weight:700;font-size:14px;color:var(--v)}
.s{color:var(--soft);flex:1;font-variant-numeric:tabular-nums}
.b{all:initial;box-sizing:border-box;font:16px/1 system-ui,sans-serif;color:var(--soft);cursor:pointer;
width:20px;height:20px;text-align:center;border-radius:4px}
.b:hover{background:rgba(100,116,139,.18);color:inherit}
p{margin:0 0 4px}
table{border-collapse:collapse;width:100%;margin:2px 0 4px;font-variant-numeric:tabular-nums}
th{font-weight:400;color:var(--soft);text-align:left;padding:0 6px 0 0;white-space:nowrap}
td{text-align:right;padding:0 0 0 6px;white-space:nowrap}
td+td{color:var(--soft);width:1%}
.m{color:var(--soft);font-size:11px}
.w{color:var(--warn);font-size:11px}
.f{display:flex;flex-wrap:wrap;gap:4px;margin:2px 0 0}
.g{font-size:11px;padding:0 6px;border-radius:9px;border:1px solid var(--warn);color:var(--warn)}
@media (prefers-color-scheme:dark){
.p{background:#0f172a;color:#e2e8f0;border-color:#334155;border-left-color:var(--v);--soft:#94a3b8;--warn:#facc15;
box-shadow:0 4px 16px rgba(0,0,0,.5)}
.stabilizing{--v:#4ade80}.accelerating{--v:#fb923c}.transition{--v:#facc15}}
`;
