namespace Approvals.Functions.Http;

/// <summary>
/// The JSON body an HTTP function reads, for the OpenAPI document. A function takes the <c>HttpRequest</c> itself (so
/// every problem of a body is named at once, in our words), which leaves the body's type out of its signature.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonRequestBodyAttribute(Type type) : Attribute
{
    public Type Type => type;
}

/// <summary>A body that is not a JSON form (a file's bytes, a queue message as it is), for the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RawRequestBodyAttribute(string contentType, string description) : Attribute
{
    public string ContentType => contentType;

    public string Description => description;
}
