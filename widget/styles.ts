/**
 * @module
 * The widget's styles, inside its shadow root. A partner may set the custom properties on the
 * element (or an ancestor): --tenc-font, --tenc-fg, --tenc-bg, --tenc-accent, --tenc-radius,
 * --tenc-good, --tenc-warn, --tenc-bad. Directions are logical (inline-start, block-end), so the
 * same rules lay Arabic and Urdu out right to left.
 */
export const STYLES = `
:host{display:block;font-family:var(--tenc-font,system-ui,sans-serif);color:var(--tenc-fg,#1b1b1b);background:var(--tenc-bg,#fff);line-height:1.4;max-width:48rem}
:host([hidden]){display:none}
*{box-sizing:border-box}
.tenc{padding:.75rem;border:1px solid #d0d0d0;border-radius:var(--tenc-radius,.5rem)}
.title{font-size:1.15rem;margin:0 0 .5rem;overflow-wrap:anywhere}
form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;flex-basis:100%}
legend{font-weight:600;padding:0;margin-block-end:.25rem}
.field{display:flex;flex-direction:column;gap:.15rem;flex:1 1 9rem;min-width:0}
label{font-size:.95rem}
input,select,button{font:inherit;padding:.4rem .5rem;border:1px solid #767676;border-radius:calc(var(--tenc-radius,.5rem)/2);min-height:2.5rem;max-width:100%}
input[type=radio]{min-height:auto;margin-block:0;margin-inline:0 .35rem}
input[aria-invalid=true]{border-color:var(--tenc-bad,#b00020)}
button{background:var(--tenc-accent,#0b5fff);color:#fff;border-color:var(--tenc-accent,#0b5fff);cursor:pointer}
:focus-visible{outline:3px solid var(--tenc-accent,#0b5fff);outline-offset:2px}
.status{margin:.5rem 0;font-size:.9rem}
.error{color:var(--tenc-bad,#b00020)}
.error[hidden]{display:none}
.field-error{margin:0;font-size:.9rem}
.results{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
.quote{border:1px solid #e0e0e0;border-radius:var(--tenc-radius,.5rem);padding:.5rem .75rem}
.option{margin:0 0 .35rem;font-size:1rem;overflow-wrap:anywhere}
.type,small{color:#555;font-weight:400}
dl{display:grid;grid-template-columns:minmax(7rem,auto) 1fr;gap:.15rem .75rem;margin:0}
dt{color:#555}dd{margin:0;overflow-wrap:anywhere}
.gets{font-size:1.1rem}
.verdict{display:inline-block;padding:0 .4rem;border-radius:.3rem;font-size:.85rem;color:#fff}
.sdg-below_3{background:var(--tenc-good,#1b7a3a)}.sdg-3_to_5{background:var(--tenc-warn,#8a5a00)}.sdg-above_5{background:var(--tenc-bad,#b00020)}
.stale{font-size:.8rem;color:var(--tenc-warn,#8a5a00)}
.footer{font-size:.8rem;color:#555;margin-block-start:.5rem;overflow-wrap:anywhere}.footer p{margin:.15rem 0}
.pictures{display:grid;gap:.5rem;margin:.25rem 0 .75rem}
.pictures img.bars{width:100%;height:auto;display:block}
.history{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;margin:0;font-size:.85rem;color:#555}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.language{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .5rem;margin-block-start:.5rem;font-size:.9rem}
.language select{min-height:2.25rem;padding-block:.2rem}
@media (max-width:400px){dl{grid-template-columns:1fr}dt{margin-block-start:.25rem}}
`;
