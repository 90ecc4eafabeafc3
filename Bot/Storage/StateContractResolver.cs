using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace VssBot.Bot.Storage;

/// <summary>
/// Leaves out a null property of stored state when reading it back without it gives null again: the property is null
/// in a new instance of its type (no initializer sets it). A prompt's activities were most of a dialog stack's JSON,
/// about 40 null fields each (issue 12). Every other property is written as before, nulls included: where an
/// initializer sets a value, a null written means "null", not "the default". Dictionary entries are not properties
/// and keep their nulls.
/// </summary>
public sealed class StateContractResolver : DefaultContractResolver
{
    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.NullValueHandling is null && IsNullInANewInstance(member))
            property.NullValueHandling = NullValueHandling.Ignore;
        return property;
    }

    private static bool IsNullInANewInstance(MemberInfo member)
    {
        var type = member.DeclaringType;
        if (type is null || type.IsAbstract || type.ContainsGenericParameters || type.GetConstructor(Type.EmptyTypes) is null)
            return false; // built through a constructor with parameters (or not at all): keep what is written
        try
        {
            var instance = Activator.CreateInstance(type);
            return member switch
            {
                PropertyInfo { CanRead: true } p when p.GetIndexParameters().Length == 0 => p.GetValue(instance) is null,
                FieldInfo f => f.GetValue(instance) is null,
                _ => false,
            };
        }
        catch (Exception error) when (error is TargetInvocationException or MemberAccessException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }
}
