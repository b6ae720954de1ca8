using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Approvals.Functions.Http;

/// <summary>What a field of a request type should hold, in words, found by walking a JSON path through the type.</summary>
public static partial class JsonShapes
{
    public static string? Expected(Type root, string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        var type = root;
        foreach (Match segment in Segment().Matches(path))
        {
            if (segment.Groups["index"].Success)
            {
                type = ElementType(type);
            }
            else
            {
                var name = segment.Groups["name"].Value;
                if (Dictionary(type) is { } valueType)
                {
                    type = valueType;
                    continue;
                }
                var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                if (property is null) return null;
                type = property.PropertyType;
            }
            if (type is null) return null;
        }
        return Describe(type);
    }

    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "a string";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(int) || type == typeof(long)) return "a whole number";
        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float)) return "a number";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "a date and time in ISO 8601, e.g. 2026-12-01T09:00:00+08:00";
        if (type == typeof(DateOnly)) return "a date, e.g. 2026-12-01";
        if (Dictionary(type) is not null) return "an object";
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type)) return "an array";
        return "an object";
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? Dictionary(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_]+)|\['(?<name>[^']+)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Segment();
}
