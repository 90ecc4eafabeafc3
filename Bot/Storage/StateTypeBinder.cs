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

    /// <summary>
    /// The name written in "$type": the type and assembly names without version, culture and key (what Newtonsoft's
    /// <see cref="TypeNameAssemblyFormatHandling.Simple"/> writes), computed once per type and handed over whole (no
    /// assembly part), so the serializer, set to <see cref="TypeNameAssemblyFormatHandling.Full"/>, writes it as is
    /// instead of re-parsing a fully qualified name for every object of every write.
    /// </summary>
    private (string?, string?) NameOf(Type serializedType)
    {
        if (!IsAllowed(serializedType))
            throw Refused(serializedType.FullName ?? serializedType.Name);
        resolver.BindToName(serializedType, out var assemblyName, out var typeName);
        return (null, WithoutAssemblyDetails(assemblyName is null ? typeName! : $"{typeName}, {assemblyName}"));
    }

    /// <summary>
    /// "A`1[[B, b, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null]], a, Version=…" → "A`1[[B, b]], a": in each
    /// assembly-qualified name (the whole name, and each generic argument in its brackets) the comma before the assembly
    /// name is kept and what follows the next comma (version, culture, key) is dropped. Commas between generic arguments
    /// ("],[") and in array ranks ("[,]") are kept.
    /// </summary>
    internal static string WithoutAssemblyDetails(string qualifiedName)
    {
        var result = new System.Text.StringBuilder(qualifiedName.Length);
        var scopes = new Stack<(bool InAssemblyName, bool Skipping)>();
        var scope = (InAssemblyName: false, Skipping: false);
        for (var i = 0; i < qualifiedName.Length; i++)
        {
            var c = qualifiedName[i];
            if (c == '[')
            {
                scopes.Push(scope);
                scope = (false, false);
                result.Append(c);
            }
            else if (c == ']')
            {
                scope = scopes.Count > 0 ? scopes.Pop() : (false, false);
                result.Append(c);
            }
            else if (c == ',' && IsStructuralComma(qualifiedName, i))
                result.Append(c);
            else if (c == ',' && !scope.InAssemblyName)
            {
                scope.InAssemblyName = true;
                result.Append(c);
            }
            else if (c == ',')
                scope.Skipping = true;
            else if (!scope.Skipping)
                result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>"],[" between generic arguments, "[,]" or "[,,]" in an array's rank: not a name's separators.</summary>
    private static bool IsStructuralComma(string name, int at) =>
        at + 1 < name.Length && name[at + 1] is '[' or ']' or ',' || at > 0 && name[at - 1] is '[' or ',';

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
