/** The report's stylesheet. */
export const REPORT_STYLES = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; background: #f5f7fa; }
main { max-width: 1200px; margin: 0 auto; padding: 24px; }
h1 { margin: 0 0 4px; font-size: 24px; }
h2 { margin: 28px 0 10px; font-size: 18px; }
h3 { margin: 16px 0 8px; font-size: 15px; }
.sub { color: #52606d; margin: 0 0 16px; }
.card { background: #fff; border: 1px solid #e4e7eb; border-radius: 8px; padding: 16px; margin-bottom: 16px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 8px; border-bottom: 1px solid #eef1f4; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
th { font-weight: 600; color: #52606d; background: #fafbfc; }
.pos { color: #2e7d32; } .neg { color: #c62828; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 8px; }
.kv { background: #fafbfc; border-radius: 6px; padding: 8px; } .kv b { display: block; font-size: 16px; }
.kv span { color: #52606d; font-size: 12px; }
.chart { width: 100%; margin: 6px 0 14px; }
.bar { height: 10px; background: #2962ff; border-radius: 3px; }
.scroll { max-height: 360px; overflow: auto; }
select { font: inherit; padding: 4px 8px; }
footer { color: #7b8794; font-size: 12px; margin-top: 24px; }
`;
