/**
 * The overlay's own styles, inside its closed shadow root. The host element is the only thing the page's
 * CSS can select: `:host` resets it with !important, which wins over the page's rules, even its
 * !important ones (for important declarations the inner encapsulation context wins, CSS Cascade 5
 * §6.1), so `* { all: unset; font-size: 40px !important }` on the page changes nothing here. The host is
 * a zero-size fixed box at 0,0 that lets clicks through; only the overlay's own box takes pointer events.
 *
 * Every size is fixed per mode and never depends on the view: the page can measure the box (hit
 * testing), so a pill that grew with "Accelerating" would tell the page the verdict (issue 9.5).
 * Verdict colours keep ≥ 4.5:1 for the word on the pill's background and for the glyph on its chip:
 * Okabe–Ito by default (colour-blind safe), the classic green/orange/amber as an option; grey when the
 * view is not live. The glyphs (+γ, −γ, ≈, as the badge) say the verdict without colour.
 */
export const PILL = { width: 280, height: 34 };
export const DOT = { width: 26, height: 26 };
export const CARD = { width: 320, height: 372 };

export const OVERLAY_CSS = `
:host{all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;
height:0!important;overflow:visible!important;display:block!important;z-index:2147483646!important;
pointer-events:none!important;visibility:visible!important;opacity:1!important;contain:none!important}
.o{all:initial;box-sizing:border-box;position:fixed;inset:auto;margin:0;padding:0;display:flex;flex-direction:column;
overflow:hidden;pointer-events:auto;border-radius:10px;border:1px solid var(--line);background:var(--bg);color:var(--fg);
font:12px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;text-align:left;cursor:default;
box-shadow:0 0 0 1px var(--ring),0 4px 14px var(--shadow);-webkit-font-smoothing:antialiased;
--bg:#fff;--fg:#0f172a;--soft:#475569;--line:#cbd5e1;--ring:rgba(15,23,42,.18);--shadow:rgba(15,23,42,.28);
--on:#fff;--warn:#8a6100;--v:#0072b2;color-scheme:light;scrollbar-width:thin;
scrollbar-color:var(--line) transparent}
.o *{box-sizing:border-box}
.o::backdrop{display:none}
.o.stabilizing{--v:#0072b2}.o.accelerating{--v:#b34f00}.o.transition{--v:#8a6100}
.o.classic.stabilizing{--v:#15803d}.o.classic.accelerating{--v:#c2410c}.o.classic.transition{--v:#a16207}
.o.stale{--v:#6b7280}
.o.pill{width:${PILL.width}px;height:${PILL.height}px}
.o.card{width:${CARD.width}px;height:${CARD.height}px;max-width:calc(100vw - 16px);max-height:calc(100vh - 16px)}
.o.card.up{flex-direction:column-reverse}
.o.dot{width:${DOT.width}px;height:${DOT.height}px;border-radius:50%;border:2px solid var(--bg)}
.bar{display:grid;grid-template-columns:6px 30px minmax(0,1fr) 18px;align-items:center;gap:5px;flex:none;
height:${PILL.height - 2}px;padding:0 4px 0 6px;cursor:grab;touch-action:none;user-select:none;-webkit-user-select:none;outline:none}
.card .bar{border-bottom:1px solid var(--line)}.card.up .bar{border-bottom:0;border-top:1px solid var(--line)}
.dragging .bar,.dragging.dot{cursor:grabbing}
.bar:focus-visible,.dotb:focus-visible,button:focus-visible,.body:focus-visible{outline:2px solid var(--v);outline-offset:-2px;border-radius:8px}
.grip{width:6px;height:16px;justify-self:center;background:radial-gradient(circle,var(--soft) 1px,transparent 1.5px) 0 0/3px 4px;opacity:.8}
.chip{display:flex;align-items:center;justify-content:center;width:30px;height:22px;border-radius:6px;background:var(--v);
color:var(--on);font:700 13px/1 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.txt{display:flex;flex-direction:column;min-width:0;overflow:hidden}
.l1{display:flex;gap:6px;align-items:baseline;white-space:nowrap;min-width:0}
.word{font-weight:700;font-size:13px;color:var(--v);overflow:hidden;text-overflow:ellipsis}
.flip{margin-left:auto;color:var(--soft);font-size:11.5px;font-variant-numeric:tabular-nums}
.l2{color:var(--soft);font-size:11px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-variant-numeric:tabular-nums}
.stale .l2{color:var(--fg)}
button{all:unset;box-sizing:border-box;cursor:pointer;color:var(--soft);border-radius:5px;text-align:center}
button:hover{background:var(--line);color:var(--fg)}
.min{width:18px;height:20px;font:700 14px/20px system-ui,sans-serif}
.body{flex:1;min-height:0;overflow:auto;overscroll-behavior:contain;padding:8px 10px;outline:none}
.body p{margin:0 0 6px}
.body p.hd{margin:8px 0 2px;font-size:10.5px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:var(--soft)}
.price{font-weight:600;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;margin:0 0 8px;font-variant-numeric:tabular-nums}
th{font-weight:400;color:var(--soft);text-align:left;padding:1px 6px 1px 0;white-space:nowrap}
td{text-align:right;padding:1px 0 1px 6px;white-space:nowrap}
td.d{color:var(--soft);width:1%}
tr.here th,tr.here td{font-weight:700;color:var(--fg);background:var(--line)}
.flows th{width:96px;white-space:normal;vertical-align:top}.flows td{white-space:normal;text-align:left}
.m{color:var(--soft);font-size:11px}
.w{color:var(--warn);font-size:11px}
.tags{display:flex;flex-wrap:wrap;gap:4px;margin:0 0 6px}
.tag{font-size:11px;padding:0 6px;border-radius:9px;border:1px solid var(--warn);color:var(--warn)}
.acts{display:flex;gap:6px;margin:8px 0 2px}
.acts button{border:1px solid var(--line);padding:2px 8px;font:12px/1.4 system-ui,sans-serif}
.dotb{display:flex;width:100%;height:100%;align-items:center;justify-content:center;border-radius:50%;background:var(--v);
color:var(--on);font:700 10px/1 system-ui,sans-serif;cursor:grab;touch-action:none;user-select:none;outline:none}
.pill .body,.dot .bar,.dot .body,.pill .dotb,.card .dotb{display:none}
@media (prefers-color-scheme:dark){
.o{--bg:#0f172a;--fg:#e2e8f0;--soft:#a3b1c6;--line:#475569;--ring:rgba(226,232,240,.38);--shadow:rgba(0,0,0,.6);
--on:#0f172a;--warn:#facc15;color-scheme:dark}
.o.stabilizing{--v:#56b4e9}.o.accelerating{--v:#e69f00}.o.transition{--v:#f0e442}
.o.classic.stabilizing{--v:#4ade80}.o.classic.accelerating{--v:#fb923c}.o.classic.transition{--v:#facc15}
.o.stale{--v:#9ca3af}}
@media (prefers-reduced-motion:no-preference){.o{transition:box-shadow .15s}}
`;
