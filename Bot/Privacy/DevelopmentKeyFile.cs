using System.Security.Cryptography;

namespace VssBot.Bot.Privacy;

/// <summary>
/// The personal data key of the embedded default: generated once next to the SQLite file and reused afterwards.
/// Anyone who can read the data folder can read the key, so it is for development and single-machine use only.
/// </summary>
public static class DevelopmentKeyFile
{
    public const string FileName = "personal-data.dev.key";

    public static byte[] LoadOrCreate(string folder) => LoadOrCreate(folder, FileName);

    /// <summary>A random 32-byte key in <paramref name="fileName"/> (base64, owner-only), created on first use.</summary>
    public static byte[] LoadOrCreate(string folder, string fileName)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        try
        {
            var key = RandomNumberGenerator.GetBytes(32);
            // CreateNew: if another process created it first, read theirs instead. Owner-only from the first byte.
            using (var writer = new StreamWriter(path, System.Text.Encoding.ASCII, OwnerOnlyFiles.NewFile()))
                writer.Write(Convert.ToBase64String(key));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return ReadWhenComplete(path);
        }
    }

    private static byte[] ReadWhenComplete(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            var text = File.ReadAllText(path).Trim();
            if (PersonalDataProtectionOptions.IsValidKey(text))
                return Convert.FromBase64String(text);
            if (attempt == 50)
                throw new CryptographicException($"The development key file {path} does not hold a base64 32-byte key.");
            Thread.Sleep(20); // another process is writing it
        }
    }
}
