using System.Globalization;

namespace ArchiveSearch.Benchmarks;

/// <summary>What the console modes print for benchmarks/run to read: <c>name=value</c> lines on standard output.</summary>
public static class ModeOutput
{
    public static void Print(string name, double value) =>
        Console.WriteLine($"{name}={value.ToString("0.######", CultureInfo.InvariantCulture)}");
}
