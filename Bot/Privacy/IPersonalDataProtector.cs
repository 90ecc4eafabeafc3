namespace VssBot.Bot.Privacy;

/// <summary>
/// Encrypts personal data at rest (the stores encrypt every serialized state item with it).
/// <paramref name="context"/> (the storage key) is bound to the ciphertext, so a row copied under another key does not decrypt.
/// </summary>
public interface IPersonalDataProtector
{
    string Protect(string plaintext, string context);

    /// <summary>Decrypts what <see cref="Protect"/> wrote; throws <see cref="System.Security.Cryptography.CryptographicException"/> on a wrong key or tampered text.</summary>
    string Unprotect(string protectedText, string context);

    /// <summary>As <see cref="Protect"/> (the same text form), for plaintext that is already bytes: no UTF-16 copy of it.</summary>
    string ProtectToText(ReadOnlySpan<byte> plaintext, string context);

    /// <summary>
    /// The text <see cref="ProtectToText"/> returns, as its ASCII (so UTF-8) bytes: what a store binds as text without a
    /// UTF-16 string and its UTF-8 copy in between (every turn's state, issue 12).
    /// </summary>
    byte[] ProtectToAscii(ReadOnlySpan<byte> plaintext, string context);

    /// <summary>As <see cref="ProtectToAscii(ReadOnlySpan{byte}, string)"/> for text (encrypted as UTF-8, as <see cref="Protect"/> does).</summary>
    byte[] ProtectToAscii(string plaintext, string context);

    /// <summary>As <see cref="Unprotect"/>, returning the plaintext bytes (what <see cref="ProtectToText"/> or <see cref="Protect"/> (UTF-8) encrypted).</summary>
    byte[] UnprotectToBytes(string protectedText, string context);

    /// <summary>True when <paramref name="text"/> carries the prefix <see cref="Protect"/> writes.</summary>
    bool IsProtected(string text);

    /// <summary>Binary form for files (uploaded photos): the same key and format of nonce and tag, without base64.</summary>
    byte[] ProtectBytes(ReadOnlySpan<byte> plaintext, string context);

    /// <summary>Decrypts what <see cref="ProtectBytes"/> wrote; throws <see cref="System.Security.Cryptography.CryptographicException"/> like <see cref="Unprotect"/>.</summary>
    byte[] UnprotectBytes(ReadOnlySpan<byte> protectedBytes, string context);

    /// <summary>True when <paramref name="data"/> starts with the header <see cref="ProtectBytes"/> writes.</summary>
    bool IsProtected(ReadOnlySpan<byte> data);
}
