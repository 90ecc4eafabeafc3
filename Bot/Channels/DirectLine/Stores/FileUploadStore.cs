using VssBot.Bot.Privacy;

namespace VssBot.Bot.Channels.DirectLine.Stores;

/// <summary>
/// Uploaded images as files under the instance's data folder (<c>uploads/{conversation}/{file}</c>, 0600 in 0700
/// folders), beside the SQLite conversations: one instance only.
/// </summary>
public sealed class FileUploadStore(string uploadsPath, IPersonalDataProtector protector) : IUploadStore
{
    public string UploadsPath { get; } = uploadsPath;

    public async Task SaveAsync(string conversationId, string file, byte[] encrypted, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(UploadsPath, conversationId);
        OwnerOnlyFiles.CreateDirectory(directory);
        await OwnerOnlyFiles.WriteNewAsync(Path.Combine(directory, file), encrypted, cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string conversationId, string file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(Path.Combine(UploadsPath, conversationId, file), cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null; // swept by retention
        }
    }

    public async Task<int> DeleteAbandonedAsync(IReadOnlyCollection<string> deleted, IConversationStore conversations, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(UploadsPath))
            return 0;
        var files = 0;
        foreach (var folder in Directory.EnumerateDirectories(UploadsPath))
            if (deleted.Contains(Path.GetFileName(folder)) || !await conversations.ExistsAsync(Path.GetFileName(folder), cancellationToken))
            {
                files += Directory.EnumerateFiles(folder).Count();
                Directory.Delete(folder, recursive: true);
            }
        return files;
    }

    public async Task<int> PrepareAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(UploadsPath))
            return 0;
        var count = 0;
        foreach (var path in Directory.EnumerateFiles(UploadsPath, "*", SearchOption.AllDirectories))
        {
            var file = Path.GetFileName(path);
            var conversationId = Path.GetFileName(Path.GetDirectoryName(path))!;
            var content = await File.ReadAllBytesAsync(path, cancellationToken);
            if (!AttachmentStore.IsStoredName(file) || protector.IsProtected(content))
                continue;
            var encrypted = path + ".encrypting";
            File.Delete(encrypted);
            await OwnerOnlyFiles.WriteNewAsync(encrypted, protector.ProtectBytes(content, AttachmentStore.Context(conversationId, file)), cancellationToken);
            File.Move(encrypted, path, overwrite: true);
            count++;
        }
        return count;
    }
}
