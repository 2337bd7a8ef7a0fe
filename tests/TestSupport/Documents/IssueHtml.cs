using System.Net;
using System.Text;

namespace TestSupport.Documents;

/// <summary>Two ways a publisher lays out an issue for print, as HTML for Chromium to print to PDF.</summary>
public enum PrintLayout
{
    /// <summary>A4, serif, justified with first-line indents, centred titles, a flex contents page with leaders and right-aligned
    /// page numbers; the running header and the "— 3 —" footer come from Chromium's header and footer templates.</summary>
    Classic,
    /// <summary>US Letter, sans, ragged right with paragraph spacing, section bands the size of the titles, inline contents
    /// leaders; the running header and a bare page number come from CSS page margin boxes, not on the cover.</summary>
    Modern,
}

/// <summary>Renders an issue (cover, contents, sections, articles) as HTML in one of the print layouts.</summary>
public static class IssueHtml
{
    // The contents leaders the layouts take turns with, so each issue's contents differ.
    private static readonly string[] Leaders = ["……", "⋯⋯", "···", ".....", ""];

    public static string Render(IssueContent issue, PrintLayout layout, int variant) =>
        layout == PrintLayout.Classic ? Classic(issue, Leaders[variant % Leaders.Length]) : Modern(issue, Leaders[(variant + 2) % Leaders.Length]);

    /// <summary>The running header Chromium's template prints at the top of every page of the classic layout.</summary>
    public static string ClassicHeader(IssueContent issue) =>
        $"""<div style="font-family:'Noto Serif CJK SC';font-size:9pt;width:100%;margin:0 22mm;display:flex;justify-content:space-between;border-bottom:0.5pt solid #000"><span>4.0 信息速报</span><span>第{issue.Number}期</span></div>""";

    public const string ClassicFooter =
        """<div style="font-family:'Noto Serif CJK SC';font-size:9pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>""";

    private static string Classic(IssueContent issue, string leader)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
            body { font-family: "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.8; margin: 0; }
            .cover { break-after: page; text-align: center; }
            .cover .secret { text-align: left; font-size: 11pt; }
            .cover .name { font-size: 40pt; font-weight: bold; margin-top: 50mm; }
            .cover .number { font-size: 18pt; margin-top: 8mm; }
            .cover .institute { font-size: 14pt; margin-top: 60mm; }
            .cover .date { font-size: 14pt; }
            .toc { break-after: page; }
            .toc h1 { text-align: center; font-size: 20pt; letter-spacing: 1em; }
            .toc h2 { font-size: 13pt; font-weight: bold; margin: 0.6em 0 0.2em; }
            .toc .entry { display: flex; align-items: flex-end; }
            .toc .entry .lead { white-space: nowrap; padding: 0 0.3em; }
            .toc .entry .page { margin-left: auto; padding-left: 2em; }
            h2.section { font-size: 16pt; font-weight: bold; border-bottom: 1pt solid #333; margin: 1em 0 0.4em; }
            h3.title { font-size: 15pt; font-weight: bold; text-align: center; margin: 0.8em 0 0.5em; line-height: 1.5; }
            p { text-indent: 2em; margin: 0; text-align: justify; }
            p.source { text-align: right; }
            </style></head><body>
            """);
        html.Append($"""
            <section class="cover"><div class="secret">内部参考　注意保存</div><div class="name">4.0 信息速报</div>
            <div class="number">第 {issue.Number} 期</div><div class="institute">{IssueContent.Institute}</div>
            <div class="date">{issue.DateText()}</div></section>
            """);
        html.Append("<section class=\"toc\"><h1>目录</h1>");
        foreach (var (section, entries) in Contents(issue))
        {
            html.Append($"<h2>{E(section)}</h2>");
            foreach (var (title, page) in entries)
                html.Append($"<div class=\"entry\"><span>{E(title)}</span><span class=\"lead\">{leader}</span><span class=\"page\">{page}</span></div>");
        }
        html.Append("</section>");
        return AppendBody(html, issue);
    }

    /// <summary>The articles under their section headings, and the end of the document: the same in every layout.</summary>
    private static string AppendBody(StringBuilder html, IssueContent issue)
    {
        foreach (var section in issue.Articles.GroupBy(a => a.Section))
        {
            html.Append($"<h2 class=\"section\">{E(section.Key)}</h2>");
            foreach (var article in section)
                AppendArticle(html, article);
        }
        return html.Append("</body></html>").ToString();
    }

    private static string Modern(IssueContent issue, string leader)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
            @page { size: letter; margin: 24mm 20mm 22mm 20mm;
              @top-left { content: "第{{issue.Number}}期"; font-family: "Noto Sans CJK SC"; font-size: 8.5pt; color: #555; }
              @top-right { content: "4.0信息速报 · {{IssueContent.Institute}}"; font-family: "Noto Sans CJK SC"; font-size: 8.5pt; color: #555; }
              @bottom-right { content: counter(page); font-family: "Noto Sans CJK SC"; font-size: 9pt; } }
            @page :first { @top-left { content: none; } @top-right { content: none; } @bottom-right { content: none; } }
            body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 10.5pt; line-height: 1.6; margin: 0; }
            .cover { break-after: page; }
            .cover .name { font-size: 34pt; font-weight: bold; color: #1a4d8f; margin-top: 30mm; }
            .cover .meta { font-size: 12pt; margin-top: 4mm; }
            .cover .focus { margin-top: 30mm; font-size: 11pt; }
            .toc { break-after: page; }
            .toc h1 { font-size: 16pt; font-weight: bold; }
            .toc h2 { font-size: 12pt; font-weight: bold; color: #1a4d8f; margin: 0.8em 0 0.3em; }
            .toc p { text-indent: 0; margin: 0 0 0.2em; }
            h2.section { font-size: 13pt; font-weight: bold; background: #1a4d8f; color: #fff; padding: 2pt 6pt; margin: 1.2em 0 0.6em; }
            h3.title { font-size: 13pt; font-weight: bold; margin: 1em 0 0.6em; }
            p { text-indent: 2em; margin: 0 0 0.6em; text-align: left; }
            p.source { text-indent: 0; color: #666; }
            </style></head><body>
            """);
        html.Append($"""
            <section class="cover"><div class="meta">内部参考 · 注意保存</div><div class="name">4.0信息速报</div>
            <div class="meta">第{issue.Number}期　　{issue.DateText("")}</div><div class="meta">{IssueContent.Institute} 编</div>
            <div class="focus"><b>本期重点</b>{string.Concat(issue.Articles.Take(3).Select(a => $"<div>■ {E(a.Title)}</div>"))}</div></section>
            """);
        html.Append("<section class=\"toc\"><h1>目 录</h1>");
        foreach (var (section, entries) in Contents(issue))
        {
            html.Append($"<h2>{E(section)}</h2>");
            foreach (var (title, page) in entries)
                html.Append($"<p>{E(title)}{leader}{page}</p>");
        }
        html.Append("</section>");
        return AppendBody(html, issue);
    }

    private static void AppendArticle(StringBuilder html, ArchiveSearch.Ingest.RawArticle article)
    {
        html.Append($"<h3 class=\"title\">{E(article.Title)}</h3>");
        foreach (var paragraph in article.Paragraphs)
            html.Append($"<p>{E(paragraph)}</p>");
        html.Append($"<p class=\"source\">（来源：{E(article.Source)}）</p>");
    }

    /// <summary>The contents: each section with its titles and page numbers.</summary>
    public static IEnumerable<(string Section, List<(string Title, int Page)> Entries)> Contents(IssueContent issue) =>
        issue.Articles.Select((a, i) => (a.Section, a.Title, Page: issue.PageOf(i)))
            .GroupBy(e => e.Section)
            .Select(g => (g.Key, g.Select(e => (e.Title, e.Page)).ToList()));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
