using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Approvals.Functions.Json;

/// <summary>
/// Rules every JSON request body obeys, whatever the endpoint: no key twice (the second would silently win), no null
/// item in an array (<c>{"materials":[null]}</c>), no number that is not finite (<c>1e309</c>, <c>"NaN"</c>). A body
/// that breaks one fails to read as JSON, which answers 400 problem+json.
/// </summary>
public static class RequestBodyRules
{
    /// <summary>Applies the rules to the serializer options request bodies are read with.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.AllowDuplicateProperties = false;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Modify);
    }

    private static void Modify(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Properties.Count == 0) return;
        var checkedProperties = type.Properties.Where(p => IsNumber(p.PropertyType) || IsCollection(p.PropertyType)).ToList();
        if (checkedProperties.Count == 0 || checkedProperties.Any(p => p.Get is null)) return;
        var earlier = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            foreach (var property in checkedProperties) Check(property.Name, property.Get!(value));
            earlier?.Invoke(value);
        };
    }

    private static void Check(string name, object? value)
    {
        switch (value)
        {
            case double d when !double.IsFinite(d):
            case float f when !float.IsFinite(f):
                throw new RequestBodyRuleException(name, $"{name} must be a finite number.");
            case IEnumerable items and not string:
                foreach (var item in items)
                {
                    if (item is null) throw new RequestBodyRuleException(name, $"{name} must not contain null items.");
                }
                break;
        }
    }

    private static bool IsNumber(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(double) || t == typeof(float));

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && !typeof(IDictionary).IsAssignableFrom(type);
}

/// <summary>A body that breaks one of <see cref="RequestBodyRules"/>, naming the field at fault.</summary>
public sealed class RequestBodyRuleException(string field, string message) : JsonException(message)
{
    public string Field { get; } = field;
}
