using Microsoft.Extensions.Options;
using VssBot.Dialogs.Form01.IdCard;

namespace VssBot.Bot.Channels.Images;

/// <summary>Reading the QR code of ID card photos: the limits ("IdCardPhotos") and how images are fetched ("ChannelImages").</summary>
public static class ChannelImages
{
    /// <summary>Call before <c>AddStudentConversation</c>: the conversation reads photos only when images can be fetched.</summary>
    public static IServiceCollection AddChannelImages(this IServiceCollection services)
    {
        services.AddOptions<IdCardPhotoOptions>()
            .BindConfiguration(IdCardPhotoOptions.Section)
            .Validate(o => o.MaxImageBytes > 0 && o.MaxPixels > 0 && o.Timeout > TimeSpan.Zero, "IdCardPhotos limits must be positive.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<IdCardPhotoOptions>>().Value);
        services.AddOptions<ChannelImagesOptions>().BindConfiguration(ChannelImagesOptions.SectionName);
        services.AddHttpClient(ChannelAttachmentContent.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IAttachmentContent, ChannelAttachmentContent>();
        return services;
    }
}
