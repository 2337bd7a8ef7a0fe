using Microsoft.Net.Http.Headers;

namespace SearchApi.Endpoints;

/// <summary>
/// The search page for people: wwwroot's static files, and index.html at <c>/</c> and <c>/articles/{id}</c> (the page
/// routes itself from the URL). Every file goes out with a Content-Security-Policy that allows only this origin's
/// scripts and styles, so no inline script or event handler runs even if text slipped into the page as HTML.
/// </summary>
public static class PageEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string IndexFile = "index.html";

    public static WebApplication MapSearchPage(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = context => Protect(context.Context.Response) });
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/", methods, Page).ExcludeFromDescription();
        app.MapMethods("/articles/{id}", methods, Page).ExcludeFromDescription();
        return app;
    }

    private static IResult Page(HttpContext http, IWebHostEnvironment environment)
    {
        var index = environment.WebRootFileProvider.GetFileInfo(IndexFile);
        Protect(http.Response);
        // The page is small and changes with each deployment: revalidate rather than serve a stale copy.
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Stream(index.CreateReadStream(), "text/html; charset=utf-8",
            lastModified: index.LastModified, entityTag: new EntityTagHeaderValue($"\"{index.LastModified.UtcTicks:x}-{index.Length:x}\""));
    }

    private static void Protect(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
    }
}
