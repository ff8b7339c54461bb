using System.Security.Cryptography;
using System.Text;

namespace PenguinMails.Admin.Infrastructure.Compliance;

/// <summary>
/// The report page's only stylesheet, inlined so the page is self-contained and prints without the app. Pages that show
/// the report (its own HTML answer, the SPA's sandboxed frame) allow exactly this stylesheet by its hash, not any inline style.
/// </summary>
public static class ReportHtmlStyles
{
    /// <summary>The text inside the page's &lt;style&gt; element: <see cref="Css"/> with LF line ends, as a browser hashes it.</summary>
    public static string Embedded { get; } = Css.ReplaceLineEndings("\n");

    /// <summary>The CSP source allowing that stylesheet, <c>'sha256-…'</c>, computed at start-up so it cannot drift from the CSS.</summary>
    public static string CspHashSource { get; } = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Embedded)))}'";

    public const string Css = """
        :root { color-scheme: light; --ink: #1b2330; --muted: #5b6576; --line: #d9dee6; --band: #f4f6f9; --accent: #1f4e99; --warn: #9a3412; --warn-bg: #fff3e8; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        main { max-width: 1180px; margin: 0 auto; padding: 32px 28px 48px; }
        header { border-bottom: 3px solid var(--accent); padding-bottom: 16px; margin-bottom: 24px; }
        .eyebrow { margin: 0; color: var(--accent); font-weight: 600; letter-spacing: .04em; text-transform: uppercase; font-size: 12px; }
        h1 { margin: 4px 0 2px; font-size: 28px; line-height: 1.2; }
        .period { margin: 0 0 12px; font-size: 16px; color: var(--muted); }
        .meta { display: flex; flex-wrap: wrap; gap: 8px 32px; margin: 0; }
        .meta div { min-width: 0; }
        .meta dt { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
        .meta dd { margin: 0; font-weight: 500; overflow-wrap: anywhere; }
        h2 { font-size: 18px; margin: 0 0 8px; }
        .count { font-weight: 400; color: var(--muted); font-size: 13px; margin-left: 6px; }
        .figures { list-style: none; padding: 0; margin: 0 0 28px; display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; }
        .figure { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--band); }
        .figure .value { display: block; font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
        .figure.text .value { font-size: 17px; line-height: 1.25; padding: 4px 0 3px; }
        .figure .label { display: block; color: var(--muted); font-size: 12.5px; }
        .figure .note { display: block; font-size: 11.5px; color: var(--muted); margin-top: 4px; font-style: italic; }
        .figure.attention { border-color: #f0b27a; background: var(--warn-bg); }
        .figure.attention .value { color: var(--warn); }
        .toc { margin: 0 0 28px; padding: 12px 16px; border-left: 3px solid var(--line); }
        .toc ol { margin: 4px 0 0; padding-left: 20px; columns: 2; }
        .toc a { color: var(--accent); }
        section.part { margin: 0 0 32px; }
        .desc { margin: 0 0 10px; color: var(--muted); max-width: 90ch; break-after: avoid; }
        .unavailable { margin: 0; padding: 10px 12px; border: 1px dashed #c58b5a; border-radius: 6px; background: var(--warn-bg); color: var(--warn); font-weight: 600; }
        .empty { margin: 0; color: var(--muted); font-style: italic; }
        table { width: 100%; border-collapse: collapse; font-size: 12.5px; }
        th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
        td.n { white-space: nowrap; }
        thead th { background: var(--band); border-bottom: 2px solid #b9c1cd; font-weight: 600; white-space: nowrap; }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
        @page { size: A4 landscape; margin: 12mm; }
        @media print {
          main { max-width: none; padding: 0; }
          .toc { display: none; }
          thead { display: table-header-group; }
          tr, .figure { break-inside: avoid; }
          h2 { break-after: avoid; }
          .figure, thead th, tbody tr:nth-child(even) td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;
}
