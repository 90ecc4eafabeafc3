namespace VssBot.Bench.LoadDriver;

/// <summary>What to run, from <c>--name value</c> pairs (see bench/README.md).</summary>
public sealed record DriverOptions
{
    /// <summary>Closed-loop students talking at once on /api/messages.</summary>
    public int Students { get; init; } = 16;

    /// <summary>Measured seconds (after the warm-up); ignored when <see cref="Forms"/> is set.</summary>
    public double Seconds { get; init; } = 10;

    public double WarmupSeconds { get; init; } = 3;

    /// <summary>When set: run until this many students have completed Form 01 ("Ghi nhận"), then report.</summary>
    public int? Forms { get; init; }

    /// <summary>Storage:Provider of the bot (Sqlite is the default, as shipped).</summary>
    public string Provider { get; init; } = "Sqlite";

    /// <summary>Messenger students at once (webhook acknowledgement latency); 0 = off.</summary>
    public int MessengerStudents { get; init; }

    /// <summary>Minimum log level of the bot; null keeps appsettings.json (Information).</summary>
    public string? LogLevel { get; init; }

    /// <summary>Also print latencies by step of the form (<c>--steps 1</c>).</summary>
    public bool Steps { get; init; }

    public static DriverOptions Parse(string[] args)
    {
        var options = new DriverOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--students" => options with { Students = int.Parse(value) },
                "--seconds" => options with { Seconds = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmupSeconds = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--forms" => options with { Forms = int.Parse(value) },
                "--provider" => options with { Provider = value },
                "--messenger" => options with { MessengerStudents = int.Parse(value) },
                "--log-level" => options with { LogLevel = value },
                "--steps" => options with { Steps = value is "1" or "true" },
                _ => throw new ArgumentException($"Unknown option {args[i]} (see bench/README.md)"),
            };
        }
        return options;
    }
}
