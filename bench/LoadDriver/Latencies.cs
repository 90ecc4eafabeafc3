namespace VssBot.Bench.LoadDriver;

/// <summary>Every measured latency of one kind (milliseconds), from many tasks at once.</summary>
public sealed class Latencies
{
    private readonly List<double> values = [];
    private readonly Lock sync = new();

    public void Add(double milliseconds)
    {
        lock (sync) values.Add(milliseconds);
    }

    public int Count
    {
        get { lock (sync) return values.Count; }
    }

    public void Clear()
    {
        lock (sync) values.Clear();
    }

    /// <summary>p50/p95/p99/max of what was recorded.</summary>
    public string Summary()
    {
        double[] sorted;
        lock (sync) sorted = [.. values];
        if (sorted.Length == 0) return "no samples";
        Array.Sort(sorted);
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return $"p50 {At(0.50):0.00} ms, p95 {At(0.95):0.00} ms, p99 {At(0.99):0.00} ms, max {sorted[^1]:0.00} ms";
    }
}
