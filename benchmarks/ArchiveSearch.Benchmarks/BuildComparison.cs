using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using ArchiveSearch.Search;

namespace ArchiveSearch.Benchmarks;

/// <summary>
/// Two builds of the library in one process, each in its own load context, asked the same query in turns of 40 ms of
/// CPU time. On a shared machine whose speed moves by a factor of two within minutes, two processes run one after
/// the other compare the machine as much as the code; turns this short see the same machine, and the ratio of each
/// pair of turns cancels what it does to both. Both builds read the data files beside this program.
/// </summary>
public static class BuildComparison
{
    private const double TurnMicroseconds = 40_000;

    public static int Run(string index, string a, string b, double seconds, bool snippets)
    {
        var builds = new[] { Build.Load(a, index), Build.Load(b, index) };
        Console.WriteLine($"A: {a}\nB: {b}\n{seconds} s a query, turns of {TurnMicroseconds / 1000} ms CPU, snippets {(snippets ? "on" : "off")}");
        Console.WriteLine("| query | A median µs | B median µs | A/B per pair: p25 | median | p75 | pairs |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var entry in QueryMix.Entries)
        {
            var request = entry.Request with { Snippets = snippets };
            var searches = builds.Select(build => build.Search(request)).ToArray();
            // Warm up both for two seconds each: JIT tiers and Lucene's lazily loaded structures.
            foreach (var search in searches)
            {
                var warm = Stopwatch.StartNew();
                while (warm.Elapsed < TimeSpan.FromSeconds(2)) search();
            }
            var perQuery = new[] { new List<double>(), new List<double>() };
            var total = Stopwatch.StartNew();
            for (var turn = 0; total.Elapsed.TotalSeconds < seconds || perQuery[1].Count == 0; turn++)
            {
                var which = turn % 2;
                var start = ThreadCpuMicroseconds();
                var n = 0;
                while (ThreadCpuMicroseconds() - start < TurnMicroseconds || n == 0)
                {
                    searches[which]();
                    n++;
                }
                perQuery[which].Add((ThreadCpuMicroseconds() - start) / n);
            }
            var ratios = perQuery[0].Zip(perQuery[1], (x, y) => x / y).Order().ToList();
            Console.WriteLine($"| {entry.Kind} | {Percentiles.Of([.. perQuery[0].Order()], 50):F1} | {Percentiles.Of([.. perQuery[1].Order()], 50):F1} | " +
                $"{Percentiles.Of(ratios, 25):F3} | {Percentiles.Of(ratios, 50):F3} | {Percentiles.Of(ratios, 75):F3} | {ratios.Count} |");
        }
        return 0;
    }

    /// <summary>The CPU time of this thread: what another process takes of the machine is not counted.</summary>
    private static double ThreadCpuMicroseconds()
    {
        if (ClockGetTime(ThreadCpuClock, out var time) != 0) throw new InvalidOperationException("clock_gettime failed");
        return time.Seconds * 1e6 + time.Nanoseconds / 1e3;
    }

    private const int ThreadCpuClock = 3;   // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>A build's own assemblies (its Lucene.Net too), where the default context would lend this program's.</summary>
    private sealed class OwnContext(string library) : AssemblyLoadContext(library)
    {
        private readonly AssemblyDependencyResolver _resolver = new(library);

        protected override Assembly? Load(AssemblyName name) =>
            _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    /// <summary>One build's searcher, reached by reflection: its types are not this program's.</summary>
    private sealed class Build(object searcher, MethodInfo search, Type requestType)
    {
        public static Build Load(string directory, string index)
        {
            var library = Path.Combine(Path.GetFullPath(directory), "ArchiveSearch.dll");
            var assembly = new OwnContext(library).LoadFromAssemblyPath(library);
            var searcherType = assembly.GetType(typeof(ArchiveSearcher).FullName!, throwOnError: true)!;
            var settingsType = assembly.GetType(typeof(SearchCacheSettings).FullName!, throwOnError: true)!;
            var settings = Activator.CreateInstance(settingsType)!;
            settingsType.GetProperty(nameof(SearchCacheSettings.Enabled))!.SetValue(settings, false);
            var searcher = Activator.CreateInstance(searcherType, index, TimeSpan.FromHours(1), null, settings)!;
            var requestType = assembly.GetType(typeof(SearchRequest).FullName!, throwOnError: true)!;
            return new Build(searcher, searcherType.GetMethod(nameof(ArchiveSearcher.Search), [requestType, typeof(CancellationToken)])!, requestType);
        }

        /// <summary>The request as this build's type, property by property (an enum by its name), and a call that runs it.</summary>
        public Action Search(SearchRequest request)
        {
            var own = Activator.CreateInstance(requestType)!;
            foreach (var property in typeof(SearchRequest).GetProperties().Where(p => p.CanWrite))
            {
                var target = requestType.GetProperty(property.Name) ?? throw new InvalidOperationException($"build has no SearchRequest.{property.Name}");
                var value = property.GetValue(request);
                target.SetValue(own, value is Enum e ? Enum.Parse(target.PropertyType, e.ToString()) : value);
            }
            var arguments = new object[] { own, CancellationToken.None };
            return () => search.Invoke(searcher, arguments);
        }
    }
}
