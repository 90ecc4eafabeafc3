using System.Diagnostics;
using VssBot.Dialogs.Form01.IdCard;
using VssBot.Dialogs.Tests.IdCard;

// Usage: dotnet run -c Release --project bench/IdCardBench [photos=20] [width=4000] [height=3000]
// Generates phone-like photos (default 12 MP, JPEG) of cards of both kinds, tilted, blurred and unevenly lit, and
// prints the time (wall and CPU) to read each one's QR code on one thread, then the median, the 90th percentile and the read rate.
var count = args.Length > 0 ? int.Parse(args[0]) : 20;
var width = args.Length > 1 ? int.Parse(args[1]) : 4000;
var height = args.Length > 2 ? int.Parse(args[2]) : 3000;
var decoder = new QrImageDecoder(new IdCardPhotoOptions());
var random = new Random(12);
var today = DateOnly.FromDateTime(DateTime.UtcNow);

// Warm-up: JIT and native library loading are not part of a photo's cost.
var warm = CardPhotoGenerator.Card(random, IdCardKind.ChipCccd2021);
decoder.Decode(CardPhotoGenerator.Photo(CardPhotoGenerator.QrText(warm), PhotoConditions.Clean, 0), CancellationToken.None);

var times = new List<double>();
var cpuTimes = new List<double>();
using var process = Process.GetCurrentProcess();
var read = 0;
Console.WriteLine($"{count} photos of {width}×{height} ({width * height / 1e6:0.#} MP), one thread");
for (var i = 0; i < count; i++)
{
    var card = CardPhotoGenerator.Card(random, i % 2 == 0 ? IdCardKind.ChipCccd2021 : IdCardKind.CanCuoc2024);
    var conditions = new PhotoConditions(width, height, 0.45f + (float)random.NextDouble() * 0.45f, (float)(random.NextDouble() * 60 - 30),
        (float)random.NextDouble() * 2f, (float)random.NextDouble() * 0.5f, i % 2 == 0 ? 50 : 85);
    var photo = CardPhotoGenerator.Photo(CardPhotoGenerator.QrText(card), conditions, i);
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var result = decoder.Decode(photo, CancellationToken.None);
    clock.Stop();
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
    cpuTimes.Add(cpu);
    var ok = result.Text is not null && IdCardQrParser.Parse(result.Text, today).Card == card;
    if (ok) read++;
    times.Add(clock.Elapsed.TotalMilliseconds);
    Console.WriteLine($"photo {i + 1,3}: {clock.Elapsed.TotalMilliseconds,7:0.0} ms wall {cpu,7:0.0} ms CPU  {photo.Length / 1024,5} KB  {(ok ? "read" : "not read")}  card {conditions.CardWidthShare:P0} of width, {conditions.RotationDegrees:0}°, blur {conditions.BlurSigma:0.0}, JPEG {conditions.JpegQuality}");
}
times.Sort();
cpuTimes.Sort();
Console.WriteLine($"wall: median {times[times.Count / 2]:0.0} ms, p90 {times[(int)(times.Count * 0.9)]:0.0} ms, max {times[^1]:0.0} ms");
Console.WriteLine($"CPU (whole process, so GC threads included): median {cpuTimes[cpuTimes.Count / 2]:0.0} ms, p90 {cpuTimes[(int)(cpuTimes.Count * 0.9)]:0.0} ms");
Console.WriteLine($"read exactly {read} of {count}; load average now {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (a busy machine inflates wall times)");
