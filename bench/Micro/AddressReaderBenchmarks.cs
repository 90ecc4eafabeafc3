using BenchmarkDotNet.Attributes;
using VssBot.Dialogs.Reference;

namespace VssBot.Bench.Micro;

/// <summary>
/// Reading addresses and province answers (issue 9): a short old address, and 100 KB messages that end with one.
/// The indexes are built once (with <see cref="OldAddressConverter"/>); a reading should grow only with the text's length.
/// </summary>
[MemoryDiagnoser]
public class AddressReaderBenchmarks
{
    private static readonly string Filler = string.Concat(Enumerable.Repeat("em ở gần chợ, ", 100_000 / 14));
    private readonly AdministrativeUnits units = AdministrativeUnits.LoadEmbedded();
    private OldAddressConverter old = null!;
    private AddressParser parser = null!;

    [Params("short", "100KB")]
    public string Size { get; set; } = "";

    private string Address => (Size == "short" ? "" : Filler) + "số 4 ngõ 80, p Trung Liệt, q Đống Đa, HN";

    private string ProvinceAnswer => (Size == "short" ? "" : Filler) + "dạ em ở Huế ạ";

    [GlobalSetup]
    public void Setup()
    {
        old = OldAddressConverter.LoadEmbedded(units);
        parser = new AddressParser(units, old);
    }

    [Benchmark]
    public ParsedAddress? ParseAddress() => parser.Parse(Address);

    [Benchmark]
    public ProvinceReading ReadProvince() => old.ReadProvince(ProvinceAnswer);
}
