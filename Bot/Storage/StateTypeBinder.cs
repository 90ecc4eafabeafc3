using System.Collections.Concurrent;
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

    // Every object in the state asks for its type (name) on each write and read: the answers are cached per binder
    // (a handful of types), so checking costs a lookup instead of walking namespaces and generic arguments (issue 12).
    private readonly ConcurrentDictionary<(string? Assembly, string Type), Type> types = new();
    private readonly ConcurrentDictionary<Type, (string? Assembly, string? Type)> names = new();

    public Type BindToType(string? assemblyName, string typeName) =>
        types.TryGetValue((assemblyName, typeName), out var known) ? known : types.GetOrAdd((assemblyName, typeName), Resolve(assemblyName, typeName));

    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
    {
        if (!names.TryGetValue(serializedType, out var name))
            name = names.GetOrAdd(serializedType, NameOf(serializedType));
        (assemblyName, typeName) = name;
    }

    private Type Resolve(string? assemblyName, string typeName)
    {
        if (!IsAllowedName(typeName))
            throw Refused(typeName);
        var type = resolver.BindToType(assemblyName, typeName);
        return IsAllowed(type) ? type : throw Refused(typeName);
    }

    private (string?, string?) NameOf(Type serializedType)
    {
        if (!IsAllowed(serializedType))
            throw Refused(serializedType.FullName ?? serializedType.Name);
        resolver.BindToName(serializedType, out var assemblyName, out var typeName);
        return (assemblyName, typeName);
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
