using System.Text;

namespace VssBot.Bot.Tests.Privacy;

/// <summary>What an attacker with a copy of the data folder reads: the files' bytes as text, while the host may still hold them open.</summary>
internal static class RawFiles
{
    /// <summary>The existing files among <paramref name="paths"/>, concatenated as UTF-8 text.</summary>
    public static string Text(IEnumerable<string> paths) => string.Concat(paths.Where(File.Exists).Select(ReadShared));

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
