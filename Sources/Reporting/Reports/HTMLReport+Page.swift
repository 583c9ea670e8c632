// The HTML report's page (rendered by `HTMLReport` with swift-mustache). It lives in
// the binary, not in a resource bundle, so that an installed `tonghop` is one file.

extension HTMLReport {
    static let page = """
<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}{{#reportTitle}} – {{reportTitle}}{{/reportTitle}}</title>
<style>
body { font-family: "Segoe UI", Arial, "Noto Sans", sans-serif; margin: 1.5em auto; max-width: 70em; padding: 0 1em; color: #1d2330; line-height: 1.4; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
h2 { font-size: 1.2em; margin-top: 1.8em; border-bottom: 2px solid #d8dde6; padding-bottom: .2em; }
h3 { font-size: 1em; margin: 1.2em 0 .4em; color: #3a4560; }
p.sub { color: #5a6377; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { border: 1px solid #d8dde6; padding: .35em .6em; text-align: left; vertical-align: top; }
th { background: #eef1f6; font-weight: 600; }
td.num { text-align: right; }
td.cell { font-family: Consolas, "DejaVu Sans Mono", monospace; white-space: nowrap; }
.badge { display: inline-block; padding: .1em .6em; border-radius: 1em; font-weight: 600; font-size: .9em; }
.accepted { background: #e3f5e6; color: #17632a; }
.accepted-with-warnings { background: #fff4d6; color: #7a5200; }
.rejected, .unreadable { background: #fde4e4; color: #9b1c1c; }
.sev-error { color: #9b1c1c; font-weight: 600; }
.sev-warning { color: #7a5200; font-weight: 600; }
.sev-info { color: #1f5f99; }
.help { background: #f6f8fb; border-left: 4px solid #9fb0cc; padding: .5em .8em; }
.code { color: #5a6377; font-size: .8em; }
td.sev-error, td.sev-warning, td.sev-info, td.code { white-space: nowrap; }
@media print { body { margin: 0; } h2 { page-break-before: auto; } }
</style>
</head>
<body>
<h1>{{title}}</h1>
{{#reportTitle}}<p class="sub">{{reportTitle}}{{#period}} — {{words.period}} {{period}}{{/period}}</p>{{/reportTitle}}
<p class="help">{{words.help}}</p>

<h2>{{words.summary}}</h2>
<table>
<tr><th>{{words.file}}</th><th>{{words.unit}}</th><th>{{words.period}}</th><th>{{words.status}}</th><th>{{words.errors}}</th><th>{{words.warnings}}</th><th>{{words.infos}}</th></tr>
{{#files}}
<tr><td><a href="#{{anchor}}">{{file}}</a></td><td>{{unit}}</td><td>{{period}}</td><td><span class="badge {{status}}">{{statusText}}</span></td><td class="num">{{errors}}</td><td class="num">{{warnings}}</td><td class="num">{{infos}}</td></tr>
{{/files}}
</table>

{{#files}}
<h2 id="{{anchor}}">{{file}} <span class="badge {{status}}">{{statusText}}</span></h2>
{{#unitName}}<p class="sub">{{unitName}}</p>{{/unitName}}
{{^hasIssues}}<p>{{words.no-issues}}</p>{{/hasIssues}}
{{#sheets}}
<h3>{{name}}</h3>
<table>
<tr><th>{{words.cell}}</th><th>{{words.what}}</th><th>{{words.severity}}</th><th>{{words.message}}</th><th>{{words.expected}}</th><th>{{words.found}}</th><th class="code">{{words.code}}</th></tr>
{{#issues}}
<tr><td class="cell">{{cell}}</td><td>{{what}}</td><td class="sev-{{severity}}">{{severityText}}</td><td>{{message}}</td><td>{{expected}}</td><td>{{found}}</td><td class="code">{{code}}</td></tr>
{{/issues}}
</table>
{{/sheets}}
{{/files}}
</body>
</html>

"""
}
