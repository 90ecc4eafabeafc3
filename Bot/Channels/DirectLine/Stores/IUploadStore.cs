namespace VssBot.Bot.Channels.DirectLine.Stores;

/// <summary>
/// Where the images uploaded to Direct Line conversations are kept, already encrypted by <see cref="AttachmentStore"/>:
/// files under the instance's data folder (<see cref="FileUploadStore"/>, with SQLite) or <c>bytea</c> rows every replica
/// reads (<see cref="PostgresUploadStore"/>). A file name is unique within its conversation.
/// </summary>
public interface IUploadStore
{
    /// <summary>Encrypts what an older version stored in clear; returns how many images.</summary>
    Task<int> PrepareAsync(CancellationToken cancellationToken);

    Task SaveAsync(string conversationId, string file, byte[] encrypted, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when the image is gone (swept by retention).</summary>
    Task<byte[]?> ReadAsync(string conversationId, string file, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the uploads of the <paramref name="deleted"/> conversations and of any conversation the log no longer knows
    /// (a sweep cut short); returns how many images went.
    /// </summary>
    Task<int> DeleteAbandonedAsync(IReadOnlyCollection<string> deleted, IConversationStore conversations, CancellationToken cancellationToken);
}
