// Styles live inside the Shadow DOM: the host page's CSS cannot reach them, and they cannot reach the page.
// The page can still style the host element itself, and its rules beat :host ones unless both are !important
// (then the shadow's win): so :host resets everything with !important, and the font is set again inside.
export const styles = `
:host{all:initial!important;display:block!important;position:fixed!important;right:20px!important;bottom:20px!important;z-index:2147483000!important;--accent:#1d4ed8;--accent-text:#fff;--bubble:#f1f3f7}
.panel,.launcher{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2430;text-align:left}
*{box-sizing:border-box}
button{font:inherit;cursor:pointer}
.launcher{width:56px;height:56px;border-radius:50%;border:0;background:var(--accent);color:var(--accent-text);box-shadow:0 6px 20px rgba(0,0,0,.25);display:grid;place-items:center;position:relative}
.launcher svg{width:26px;height:26px}
.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;border-radius:10px;background:#dc2626;color:#fff;font-size:12px;line-height:20px;text-align:center;padding:0 5px}
.panel{position:absolute;right:0;bottom:72px;width:min(370px,calc(100vw - 40px));height:min(560px,calc(100vh - 120px));background:#fff;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden}
.panel[hidden]{display:none}
header{background:var(--accent);color:var(--accent-text);padding:12px 14px;display:flex;align-items:center;gap:8px}
header h2{font-size:15px;margin:0;font-weight:600}
header p{margin:0;font-size:12px;opacity:.85}
header .titles{flex:1;min-width:0}
header button{background:transparent;color:inherit;border:1px solid rgba(255,255,255,.5);border-radius:6px;padding:3px 8px;font-size:12px}
header button.icon{border:0;font-size:20px;line-height:1;padding:2px 6px}
.scroll{flex:1;overflow-y:auto;padding:12px}
ol{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.msg{max-width:85%;padding:8px 11px;border-radius:12px;background:var(--bubble);white-space:pre-wrap;overflow-wrap:anywhere;align-self:flex-start}
.msg p{margin:0 0 6px;white-space:normal}.msg p:last-child{margin:0}
.msg ul,.msg ol{margin:4px 0;padding-left:20px;display:block;white-space:normal}
.msg a{color:var(--accent)}
.msg.customer{align-self:flex-end;background:var(--accent);color:var(--accent-text);border-bottom-right-radius:4px}
.msg.human{background:#ecfdf5;border:1px solid #a7f3d0}
.who{display:block;font-size:11px;font-weight:600;opacity:.75;margin-bottom:2px;white-space:normal}
.msg.sending{opacity:.65}
.msg.failed{background:#fee2e2;color:#7f1d1d}
.msg.failed button{margin-left:6px;border:0;background:none;color:inherit;text-decoration:underline;padding:0}
.draft{margin-top:8px}
.divider{align-self:center;font-size:12px;color:#6b7280}
.typing{padding:0 14px 6px;font-size:12px;color:#6b7280;min-height:18px}
.rating{padding:10px 14px;border-top:1px solid #e5e7eb;text-align:center}
.rating p{margin:0 0 6px}
.stars{display:flex;justify-content:center;gap:4px}
.stars button{border:1px solid #d1d5db;background:#fff;border-radius:8px;width:40px;height:36px;font-size:18px;color:#f59e0b}
.alert{padding:0 14px;font-size:12px;color:#b91c1c}
.alert:empty{display:none}
form{display:flex;gap:8px;padding:10px;border-top:1px solid #e5e7eb}
textarea{flex:1;resize:none;border:1px solid #d1d5db;border-radius:10px;padding:8px 10px;font:inherit;color:inherit;background:#fff;max-height:120px;min-height:38px}
form button{border:0;border-radius:10px;background:var(--accent);color:var(--accent-text);padding:0 14px}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`
