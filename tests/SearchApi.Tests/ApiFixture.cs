using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TestSupport;

namespace SearchApi.Tests;

/// <summary>The real app on a real Kestrel port, serving a real index of the corpus.</summary>
public sealed class SearchApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    /// <param name="kestrel">
    /// On a real port (the default), or in memory: a start-up that fails is reported as it is only in memory, since
    /// on a port the factory asks the stopped host for its address and at times throws ObjectDisposedException instead.
    /// </param>
    public SearchApiFactory(Dictionary<string, string?> settings, bool kestrel = true)
    {
        _settings = settings;
        if (kestrel) UseKestrel(0);
        StartServer();
    }

    /// <summary>The server's own address, for clients outside the factory (the browser).</summary>
    public Uri Address => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }
}

/// <summary>One index of the corpus and one app over it, shared by the tests of this project.</summary>
public sealed class ApiFixture : IDisposable
{
    public const string Collection = "api";
    public const string AdminKey = "test-admin-key";

    public ApiFixture()
    {
        Index = new CorpusIndexFixture();
        Factory = Start(new() { ["Search:AdminApiKey"] = AdminKey });
        Client = Factory.CreateClient();
    }

    public CorpusIndexFixture Index { get; }
    public SearchApiFactory Factory { get; }
    public HttpClient Client { get; }

    /// <summary>Another app over the same index with extra settings (limits, no admin key, another corpus, …).</summary>
    /// <param name="kestrel">As <see cref="SearchApiFactory"/>'s: in memory for a start-up that should fail.</param>
    public SearchApiFactory Start(Dictionary<string, string?> settings, bool kestrel = true)
    {
        settings["Search:IndexPath"] = Index.IndexDir;
        settings.TryAdd("Search:CorpusPath", RepoPaths.Corpus);
        return new SearchApiFactory(settings, kestrel);
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Index.Dispose();
    }
}

[CollectionDefinition(ApiFixture.Collection)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>;
