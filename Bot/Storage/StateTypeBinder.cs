using System.Collections.Immutable;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace VssBot.Bot.Storage;

/// <summary>
/// Type names in stored state are honoured only for System.*, Microsoft.Bot.* and VssBot.* types
/// (generic arguments and array elements included), so a tampered row cannot make the
/// deserializer build an arbitrary type. Writing any other type fails too, at write time.
/// </summary>
public sealed class StateTypeBinder : ISerializationBinder
{
    private static readonly ImmutableArray<string> AllowedNamespaces = ["System", "Microsoft.Bot", "VssBot"];

    private readonly DefaultSerializationBinder resolver = new();

    public Type BindToType(string? assemblyName, string typeName)
    {
        if (!IsAllowedName(typeName))
            throw Refused(typeName);
        var type = resolver.BindToType(assemblyName, typeName);
        return IsAllowed(type) ? type : throw Refused(typeName);
    }

    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
    {
        if (!IsAllowed(serializedType))
            throw Refused(serializedType.FullName ?? serializedType.Name);
        resolver.BindToName(serializedType, out assemblyName, out typeName);
    }

    public static bool IsAllowed(Type type)
    {
        if (type.HasElementType)
            return IsAllowed(type.GetElementType()!);
        return IsAllowedName(type.Namespace ?? "")
            && (!type.IsGenericType || type.GetGenericArguments().All(IsAllowed));
    }

    private static bool IsAllowedName(string name) =>
        AllowedNamespaces.Any(ns => name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal));

    private static JsonSerializationException Refused(string typeName) =>
        new($"Type '{typeName}' is not allowed in bot state (only System.*, Microsoft.Bot.*, VssBot.*).");
}
